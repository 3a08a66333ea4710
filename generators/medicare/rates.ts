// Documented Medicare enrolment rates (REFERENCE 3). Calibration targets, approximate.

/** Take-up of premium-free Part A at entitlement, and of Part B given Part A. */
export const TAKE_UP_PART_A = 0.99;
export const TAKE_UP_PART_B = 0.93;
/** Share of people without 40 quarters (own or spouse's) who buy into Medicare. */
export const BUY_IN_TAKE_UP = 0.45;
/** Medicare Advantage share among A+B enrollees (REFERENCE: 45.9% in 2022), aged vs under 65. */
export const MA_SHARE_AGED = 0.505;
export const MA_SHARE_UNDER_65 = 0.4;
/** Part D enrolment among MA members, FFS beneficiaries and duals. */
export const PART_D_MA = 0.88;
export const PART_D_FFS = 0.6;
export const PART_D_DUAL = 0.98;
/** Medicare-Medicaid dual eligibility, aged vs under 65; share of duals with full benefits. */
export const DUAL_AGED = 0.12;
export const DUAL_UNDER_65 = 0.4;
export const DUAL_FULL = 0.75;
/** Months from disability onset to Medicare: 5-month SSDI wait plus 24 months of benefits. */
export const DISABILITY_WAIT_MONTHS = 29;
/** Months from the start of dialysis to ESRD entitlement. */
export const ESRD_WAIT_MONTHS = 3;
/** An ineligible person aged 65+ using someone else's SSN is enrolled under it with this probability. */
export const SSN_ERROR_ENROLMENT = 0.08;
/** A mover's Medicare mailing address is still the old one with this probability. */
export const STALE_MAILING_ADDRESS = 0.5;
