// Column layouts of the four claim tables (DE-SynPUF-like, snake_case). Money is integer cents.
import { col, type ColumnSpec, type TableSchema } from '../../../src/table/schema.ts';
import { CARRIER_DX, CARRIER_LINES, INST_DX, INST_LINES, INST_PRC } from './store.ts';

const range = (n: number) => Array.from({ length: n }, (_, j) => j + 1);
const numbered = (n: number, make: (j: number) => ColumnSpec) => range(n).map(make);

const head = (idName: string, what: string): ColumnSpec[] => [
  col('person_id', 'int', 'Ground-truth person index of the beneficiary (drop before release).', true),
  col('bene_id', 'string', 'Beneficiary id (16 hex characters, DE-SynPUF DESYNPUF_ID style).'),
  col(idName, 'string', `${what} id: 15 digits as in DE-SynPUF, unique across the world (table digit, 9-digit beneficiary ordinal, 5-digit sequence).`),
];

const instDx = () => numbered(INST_DX, (j) => col(`icd_dgns_cd_${j}`, 'string', `Claim diagnosis ${j} (ICD-10-CM, no dot); null when unused.`));
const instPrc = () => numbered(INST_PRC, (j) => col(`icd_prcdr_cd_${j}`, 'string', `Procedure ${j} (ICD-10-PCS); null when unused.`));
const physicians = () => [
  col('at_physn_npi', 'string', 'Attending physician NPI.'),
  col('op_physn_npi', 'string', 'Operating physician NPI; null when no procedure.'),
  col('ot_physn_npi', 'string', 'Other (consulting) physician NPI; null when none.'),
];

export const CARRIER_SCHEMA: TableSchema = {
  name: 'claims_carrier',
  description: 'Part B carrier (physician and supplier) claims of fee-for-service months, one row per claim, up to 13 lines.',
  columns: [
    ...head('clm_id', 'Claim'),
    col('clm_from_dt', 'date', 'First service date (YYYYMMDD).'),
    col('clm_thru_dt', 'date', 'Last service date (YYYYMMDD).'),
    ...numbered(CARRIER_DX, (j) => col(`icd_dgns_cd_${j}`, 'string', `Claim diagnosis ${j} (ICD-10-CM, no dot); null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`prf_physn_npi_${j}`, 'string', `Line ${j} performing provider NPI; null when the line is unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`hcpcs_cd_${j}`, 'string', `Line ${j} HCPCS/CPT code; null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`line_alowd_chrg_amt_${j}`, 'money', `Line ${j} allowed amount = payment + deductible + coinsurance; null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`line_nch_pmt_amt_${j}`, 'money', `Line ${j} Medicare payment; null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`line_bene_ptb_ddctbl_amt_${j}`, 'money', `Line ${j} Part B deductible paid by the beneficiary; null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`line_coinsrnc_amt_${j}`, 'money', `Line ${j} beneficiary coinsurance (20% after the deductible); null when unused.`)),
    ...numbered(CARRIER_LINES, (j) => col(`line_icd_dgns_cd_${j}`, 'string', `Line ${j} diagnosis (one of the claim diagnoses); null when unused.`)),
    col('clm_pmt_amt', 'money', 'Medicare claim payment = sum of line payments = provider + beneficiary payment.'),
    col('nch_clm_prvdr_pmt_amt', 'money', 'Payment to the provider (assigned claims).'),
    col('nch_clm_bene_pmt_amt', 'money', 'Payment to the beneficiary (unassigned claims).'),
    col('clm_alowd_amt', 'money', 'Claim allowed amount = sum of line allowed amounts.'),
  ],
};

export const OUTPATIENT_SCHEMA: TableSchema = {
  name: 'claims_outpatient',
  description: 'Hospital outpatient claims of fee-for-service months, one row per claim (therapy and dialysis billed monthly).',
  columns: [
    ...head('clm_id', 'Claim'),
    col('segment', 'int', 'Claim segment (always 1).'),
    col('clm_from_dt', 'date', 'First service date (YYYYMMDD).'),
    col('clm_thru_dt', 'date', 'Last service date (YYYYMMDD).'),
    col('prvdr_num', 'string', 'Hospital CMS certification number (2-digit SSA state code + 4 digits).'),
    col('clm_pmt_amt', 'money', 'Medicare payment; clm_alowd_amt = clm_pmt + prmry_pyr + ptb deductible + ptb coinsurance + blood deductible.'),
    col('nch_prmry_pyr_clm_pd_amt', 'money', 'Paid by a primary payer other than Medicare.'),
    ...physicians(),
    col('nch_bene_blood_ddctbl_lblty_am', 'money', 'Blood deductible (not modelled: 0).'),
    ...instDx(),
    ...instPrc(),
    col('nch_bene_ptb_ddctbl_amt', 'money', 'Part B deductible paid by the beneficiary.'),
    col('nch_bene_ptb_coinsrnc_amt', 'money', 'Part B coinsurance paid by the beneficiary.'),
    col('admtng_icd_dgns_cd', 'string', 'Admitting / reason-for-visit diagnosis (emergency and observation visits); else null.'),
    ...numbered(INST_LINES, (j) => col(`hcpcs_cd_${j}`, 'string', `Line ${j} HCPCS code; null when unused or the line has none (mean 7.2 lines, at most 45).`)),
    ...numbered(INST_LINES, (j) => col(`rev_cntr_${j}`, 'string', `Line ${j} revenue centre code; null when unused.`)),
    col('org_npi_num', 'string', 'Hospital organisation NPI (extra column, as in the CCW RIF).'),
    col('clm_alowd_amt', 'money', 'Claim allowed amount (extra column): the sum the payment identity adds up to.'),
  ],
};

export const INPATIENT_SCHEMA: TableSchema = {
  name: 'claims_inpatient',
  description: 'Inpatient hospital stays of fee-for-service months (Part A), one row per stay.',
  columns: [
    ...head('clm_id', 'Claim'),
    col('segment', 'int', 'Claim segment (always 1).'),
    col('clm_from_dt', 'date', 'Admission date (YYYYMMDD).'),
    col('clm_thru_dt', 'date', 'Discharge date (YYYYMMDD).'),
    col('prvdr_num', 'string', 'Hospital CMS certification number (2-digit SSA state code + 4 digits).'),
    col('clm_pmt_amt', 'money', 'Medicare payment; clm_alowd_amt = clm_pmt + prmry_pyr + ip deductible + pta coinsurance + blood deductible.'),
    col('nch_prmry_pyr_clm_pd_amt', 'money', 'Paid by a primary payer other than Medicare.'),
    ...physicians(),
    col('clm_admsn_dt', 'date', 'Admission date (YYYYMMDD).'),
    col('admtng_icd_dgns_cd', 'string', 'Admitting diagnosis (ICD-10-CM, no dot).'),
    col('clm_pass_thru_per_diem_amt', 'money', 'Pass-through per diem (per utilisation day; included in clm_alowd_amt).'),
    col('nch_bene_ip_ddctbl_amt', 'money', 'Part A inpatient deductible (once per benefit period).'),
    col('nch_bene_pta_coinsrnc_lblty_am', 'money', 'Part A coinsurance (days 61 and later).'),
    col('nch_bene_blood_ddctbl_lblty_am', 'money', 'Blood deductible (not modelled: 0).'),
    col('clm_utlztn_day_cnt', 'int', 'Utilisation days (discharge minus admission, at least 1).'),
    col('nch_bene_dschrg_dt', 'date', 'Discharge date (YYYYMMDD).'),
    col('clm_drg_cd', 'string', 'MS-DRG (3 digits).'),
    ...instDx(),
    ...instPrc(),
    col('rev_cntr_line_cnt', 'int', 'Number of revenue-centre lines (mean ~17).'),
    ...numbered(INST_LINES, (j) => col(`hcpcs_cd_${j}`, 'string', `Line ${j} HCPCS code (detailed drug lines only); null otherwise.`)),
    ...numbered(INST_LINES, (j) => col(`rev_cntr_${j}`, 'string', `Line ${j} revenue centre code (0001 = total, last); null when unused.`)),
    col('org_npi_num', 'string', 'Hospital organisation NPI (extra column, as in the CCW RIF).'),
    col('clm_alowd_amt', 'money', 'Claim allowed amount: DRG payment + per diem x utilisation days (extra column).'),
  ],
};

export const PDE_SCHEMA: TableSchema = {
  name: 'claims_pde',
  description: 'Part D prescription drug events of Part D months (Medicare Advantage or FFS), one row per fill.',
  columns: [
    ...head('pde_id', 'Event'),
    col('srvc_dt', 'date', 'Date of service (fill date, YYYYMMDD).'),
    col('prod_srvc_id', 'string', 'Product NDC (11 digits, SYNTHETIC: labeler 00000 is never assigned).'),
    col('qty_dspnsd_num', 'int', 'Quantity dispensed.'),
    col('days_suply_num', 'int', 'Days supply.'),
    col('ptnt_pay_amt', 'money', 'Paid by the patient.'),
    col('lics_amt', 'money', 'Low-income cost-sharing subsidy (full-benefit duals).'),
    col('cvrd_d_plan_pd_amt', 'money', 'Paid by the plan for a covered Part D drug.'),
    col('ncvrd_plan_pd_amt', 'money', 'Paid by an enhanced plan for a drug Part D excludes.'),
    col('tot_rx_cst_amt', 'money', 'Total cost = ptnt_pay + lics + cvrd_d_plan_pd + ncvrd_plan_pd.'),
    col('prscrbr_npi', 'string', 'Prescriber NPI.'),
    col('drug_label', 'string', 'Drug name and strength (extra column; plain text for readers of the synthetic NDC).'),
  ],
};

export const CLAIM_SCHEMAS: Record<'claims_carrier' | 'claims_outpatient' | 'claims_inpatient' | 'claims_pde', TableSchema> = {
  claims_carrier: CARRIER_SCHEMA,
  claims_outpatient: OUTPATIENT_SCHEMA,
  claims_inpatient: INPATIENT_SCHEMA,
  claims_pde: PDE_SCHEMA,
};
