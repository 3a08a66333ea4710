// Documented rates behind the population generator. Sources: REFERENCE.md sections 1-3, Census 2010
// household tables, ACS foreign-born tables; every figure is a calibration target, approximate.

/** Race/ethnicity codes used in the people table. */
export const RACES = ['white', 'black', 'hispanic', 'asian_pi', 'aian', 'multi_other'] as const;
export type Race = (typeof RACES)[number];
export const RACE_WHITE = 0;
export const RACE_BLACK = 1;
export const RACE_HISPANIC = 2;
export const RACE_ASIAN = 3;
export const RACE_AIAN = 4;
export const RACE_MULTI = 5;

/** Census 2010 national shares (non-Hispanic races, Hispanic of any race), for surnames without race data. */
export const NATIONAL_RACE_SHARES = [0.637, 0.122, 0.163, 0.048, 0.007, 0.023];

/** Immigration status codes (people.immigration_status). */
export const IMMIGRATION_STATUSES = [
  'citizen_by_birth',
  'naturalized',
  'lawful_permanent_resident',
  'other_lawfully_present',
  'undocumented',
] as const;
export const CITIZEN_BY_BIRTH = 0;
export const NATURALIZED = 1;
export const LPR = 2;
export const OTHER_LAWFUL = 3;
export const UNDOCUMENTED = 4;

/**
 * Probability that a household of the head's race is an immigrant household (head foreign-born).
 * Tuned so that ~13.9% of people are foreign-born once US-born children are counted (ACS 2022).
 */
export const IMMIGRANT_HOUSEHOLD_BY_RACE = [0.05, 0.11, 0.42, 0.68, 0.06, 0.12];

/**
 * Status of a foreign-born person by race group: [naturalized, LPR, other lawfully present, undocumented].
 * Gives ~ naturalized 7%, LPR 3.7%, other lawful 0.6%, undocumented 3.3% of all people (REFERENCE 1).
 */
export const FOREIGN_STATUS_BY_RACE: readonly (readonly number[])[] = [
  [0.55, 0.28, 0.06, 0.11],
  [0.5, 0.29, 0.06, 0.15],
  [0.3, 0.24, 0.04, 0.42],
  [0.55, 0.27, 0.07, 0.11],
  [0.55, 0.28, 0.06, 0.11],
  [0.5, 0.29, 0.06, 0.15],
];

/** A child (< 18) in an immigrant household was born in the US with this probability (mixed-status homes). */
export const CHILD_US_BORN = 0.72;
/** Another adult in an immigrant household shares the head's status with this probability. */
export const ADULT_SHARES_HEAD_STATUS = 0.75;

/** Census 2010 household-size distribution (share of households of size 1..7). */
export const HOUSEHOLD_SIZE_SHARES = [0.267, 0.336, 0.158, 0.136, 0.063, 0.025, 0.015];
/** Members after the head keep the head's surname with this probability. */
export const SHARES_HEAD_SURNAME = 0.85;
/** The first two adults of a household of 2+ are spouses with this probability. */
export const SPOUSE_PAIR = 0.62;

/** Households that moved in the year before the reference date (REFERENCE 1: 8-9%). */
export const ANNUAL_MOVE_RATE = 0.085;
/** A move stays within the state with this probability (otherwise anywhere in the frame). */
export const MOVE_WITHIN_STATE = 0.8;

// SSNs (REFERENCE 2). Rates are shares of the people in each group.
/** Other lawfully present people holding a work-authorised SSN. */
export const OTHER_LAWFUL_HAS_SSN = 0.7;
/** People without an SSN who hold an ITIN (undocumented, other lawful without SSN). */
export const NO_SSN_HAS_ITIN = 0.45;
/** Own-SSN holders whose SSN is mistyped on administrative records. */
export const SSN_MISTYPED = 0.004;
/** Undocumented adults (16+) who use a family member's SSN, someone else's, or a made-up one. */
export const UNDOC_FAMILY_SSN = 0.12;
export const UNDOC_BORROWED_SSN = 0.2;
export const UNDOC_FABRICATED_SSN = 0.1;

/** SSN error codes (people.ssn_error). */
export const SSN_ERRORS = ['none', 'mistyped', 'family_shared', 'borrowed', 'fabricated'] as const;
export const SSN_OK = 0;
export const SSN_MISTYPE = 1;
export const SSN_FAMILY = 2;
export const SSN_BORROWED = 3;
export const SSN_FABRICATED = 4;

// Work, disability, ESRD, death (REFERENCE 3).
/** Adults with a steady work history (high participation); the rest have a short or no work record. */
export const STEADY_WORKER = 0.86;
/** SSDI-level disability at age a (18-64): base + slope * ((a - 18) / 47)^2.2. */
export const DISABILITY_BASE = 0.006;
export const DISABILITY_SLOPE = 0.14;
/** End-stage renal disease prevalence under and over 65. */
export const ESRD_UNDER_65 = 0.0015;
export const ESRD_65_PLUS = 0.004;
/** Gompertz annual death probability: exp(a + b * age), capped; disability multiplies it. */
export const MORTALITY_A = -10.5;
export const MORTALITY_B = 0.097;
export const MORTALITY_DISABLED_FACTOR = 3;
