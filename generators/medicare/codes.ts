// Code vocabularies for the claims generator: ICD-10-CM diagnoses (no dots), HCPCS/CPT with allowed
// amounts, revenue centres, MS-DRGs, ICD-10-PCS procedures and Part D drugs. Amounts are approximate
// 2019 national figures in integer cents (approx., calibration values, not fee schedules).
//
// NDCs below are SYNTHETIC: labeler code 00000 is never assigned by the FDA, so no value here is the
// product code of a real drug package. Drug names, days supply and costs are realistic.
import { CONDITIONS, type Condition } from './types.ts';

/** Parses a text table: records separated by newlines or '|', fields by spaces. */
function table(text: string): string[][] {
  return text.split(/\n|\|/).map((l) => l.trim()).filter((l) => l.length > 0).map((l) => l.split(/\s+/));
}
function idOf(map: Map<string, number>, what: string): (code: string) => number {
  return (code) => {
    const id = map.get(code);
    if (id === undefined) throw new Error(`unknown ${what} code ${code}`);
    return id;
  };
}
const conditionBit = (c: string): number => {
  const b = CONDITIONS.indexOf(c as Condition);
  if (b < 0) throw new Error(`unknown condition ${c}`);
  return b;
};

// ---------------------------------------------------------------- diagnoses
// condition (or '-' for a code that qualifies for no chronic condition), code, weight within the condition
// (N186, end-stage renal disease, has weight 0: it is the code of ESRD beneficiaries only).
const DX_TABLE = table(`
hypertension I10 92 | hypertension I119 8
hyperlipidemia E785 60 | hyperlipidemia E782 22 | hyperlipidemia E7800 12 | hyperlipidemia E781 6
ra_oa M170 22 | ra_oa M1711 10 | ra_oa M1712 10 | ra_oa M1990 18 | ra_oa M160 8 | ra_oa M069 16 | ra_oa M0579 6 | ra_oa M19011 10
ischemic_heart I2510 70 | ischemic_heart I209 8 | ischemic_heart I252 15 | ischemic_heart I214 7
diabetes E119 50 | diabetes E1165 20 | diabetes E1142 10 | diabetes E1169 8 | diabetes E1136 7 | diabetes E109 5
ckd N183 50 | ckd N186 0 | ckd N184 12 | ckd N189 16 | ckd N182 12 | ckd N185 4
depression F329 45 | depression F331 15 | depression F339 10 | depression F341 10 | depression F330 10 | depression F4321 7 | depression F333 3
heart_failure I509 40 | heart_failure I5032 20 | heart_failure I5022 15 | heart_failure I5042 5 | heart_failure I110 20
alzheimers G309 50 | alzheimers F0390 30 | alzheimers G301 10 | alzheimers F0150 10
copd J449 60 | copd J441 15 | copd J439 10 | copd J42 10 | copd J40 5
cancer C61 30 | cancer C50911 28 | cancer C3490 12 | cancer C189 10 | cancer C679 8 | cancer C9000 6 | cancer C8590 6
stroke_tia I639 45 | stroke_tia G459 35 | stroke_tia I6350 10 | stroke_tia I6389 10
osteoporosis M810 85 | osteoporosis M818 15
- Z0000 1 | - Z0001 1 | - Z23 1 | - Z1231 1 | - Z125 1 | - Z1211 1 | - Z13220 1 | - Z79899 1 | - Z7901 1 | - Z794 1
- R05 1 | - M545 1 | - R0602 1 | - N390 1 | - J189 1 | - R51 1 | - R42 1 | - R0789 1 | - R079 1 | - R109 1
- M25561 1 | - M25562 1 | - M79604 1 | - L03115 1 | - J069 1 | - R5383 1 | - R531 1 | - R262 1 | - R296 1 | - R55 1
- E039 1 | - K219 1 | - E559 1 | - D649 1 | - H2513 1 | - H409 1 | - N400 1 | - G4733 1 | - I4891 1 | - E669 1
- A419 1 | - N179 1 | - K5290 1 | - K922 1 | - S72001A 1 | - E871 1 | - E876 1 | - E860 1 | - J9601 1 | - J690 1
- M4806 1 | - R509 1 | - R0902 1 | - R1310 1 | - L97519 1 | - H353210 1 | - Z992 1 | - Z5111 1 | - Z9181 1 | - Z66 1
- M6281 1 | - R3915 1 | - L570 1 | - B351 1 | - K5900 1 | - R319 1 | - F419 1 | - G629 1 | - R609 1 | - J301 1
- R29810 1 | - R4182 1
`);

export const DX: readonly string[] = DX_TABLE.map((r) => r[1]);
/** Condition bit of each diagnosis code, -1 when the code qualifies for no chronic condition. */
export const DX_CONDITION: Int8Array = Int8Array.from(DX_TABLE, (r) => (r[0] === '-' ? -1 : conditionBit(r[0])));
const DX_INDEX = new Map(DX.map((c, i) => [c, i]));
export const dxId = idOf(DX_INDEX, 'diagnosis');
/** For each condition, its qualifying code ids and their relative weights. */
export const CONDITION_DX: readonly { readonly codes: Int16Array; readonly weights: Float64Array }[] = CONDITIONS.map((c) => {
  const rows = DX_TABLE.map((r, i) => [r, i] as const).filter(([r]) => r[0] === c);
  return { codes: Int16Array.from(rows, ([, i]) => i), weights: Float64Array.from(rows, ([r]) => Number(r[2])) };
});

/** Non-chronic code groups the generator draws from, by purpose. */
export const DX_GROUPS = {
  routine: ['Z0000', 'Z0001', 'Z23', 'Z79899', 'Z13220', 'E559', 'E039', 'K219', 'N400', 'G4733', 'E669', 'F419', 'J301'],
  acute: ['R05', 'M545', 'R0602', 'N390', 'J069', 'R51', 'R42', 'R0789', 'R109', 'R5383', 'M25561', 'M79604', 'L03115', 'R609'],
  musculoskeletal: ['M545', 'M25561', 'M25562', 'M79604', 'R262', 'M6281', 'R296', 'M4806'],
  emergency: ['R0789', 'R079', 'R0602', 'R55', 'R42', 'N390', 'R109', 'J189', 'R509', 'R0902', 'L03115', 'R531', 'S72001A'],
  inpatientSecondary: ['E871', 'E876', 'E860', 'D649', 'I4891', 'Z7901', 'N179', 'Z66', 'Z9181', 'E559', 'K219', 'R1310', 'G629'],
  skinEyeFoot: ['L570', 'H2513', 'H409', 'B351', 'L97519', 'H353210'],
} as const;

// ---------------------------------------------------------------- HCPCS / CPT
// code, carrier (physician fee schedule) allowed $, facility (OPPS/lab) allowed $ per line, flags:
// 'n' = no Part B deductible or coinsurance (clinical lab, preventive services), '-' = normal cost sharing.
// Quality-reporting codes (G8427, 1036F, 3074F, ...) are real $0.00 lines on carrier claims.
const HCPCS_TABLE = table(`
99211 23 30 - | 99212 46 60 - | 99213 76 95 - | 99214 110 116 - | 99215 148 150 - | 99204 167 170 -
G0439 119 119 n | G0438 173 173 n | G0463 0 116 - | 99223 206 0 - | 99222 140 0 - | 99232 73 0 -
99233 105 0 - | 99231 40 0 - | 99238 73 0 - | 99239 107 0 - | 99283 62 190 - | 99284 91 330 -
99285 134 500 - | 99309 100 0 - | 99308 75 0 - | 90960 250 0 - | 90935 70 0 - | 36415 3 3 n
80053 11 11 n | 80048 9 9 n | 85025 8 8 n | 80061 13 13 n | 83036 10 10 n | 84443 17 17 n
82043 6 6 n | 82570 5 5 n | 81001 3 3 n | 82306 30 30 n | 84153 18 18 n | 85610 4 4 n
84484 10 10 n | 83880 35 35 n | 87086 9 9 n | 82607 15 15 n | 93000 17 0 - | 93005 0 28 -
93010 8 0 - | 71046 30 60 - | 71045 25 50 - | 73562 40 60 - | 72100 40 60 - | 70450 110 190 -
71250 150 250 - | 74177 300 400 - | 70553 380 500 - | 93306 215 480 - | 78452 450 1000 - | 77067 140 140 n
77080 40 90 - | 76700 110 200 - | 93880 200 280 - | 97110 31 35 - | 97140 28 32 - | 97530 35 40 -
97112 33 37 - | 97161 100 110 - | G0283 13 15 - | 94010 35 45 - | 94060 60 80 - | 93015 75 0 -
20610 60 140 - | J3301 2 2 - | J1100 1 1 - | J1030 4 4 - | J3420 1 1 - | 96372 25 40 -
90662 55 55 n | G0008 24 24 n | 90732 100 100 n | 11721 45 0 - | 92014 130 0 - | 92134 45 70 -
67028 100 250 - | J0178 1850 1850 - | 17000 65 0 - | 45378 350 800 n | 88305 70 70 - | 43239 300 900 -
66984 650 2000 - | 29881 500 2800 - | 52000 200 500 - | 96413 135 300 - | 96415 30 70 - | 96375 20 45 -
J9045 30 30 - | J9355 2700 2700 - | J2505 4000 4000 - | 96360 35 170 - | 96374 30 180 - | J2405 1 1 -
J2270 2 2 - | J7030 3 3 - | J0882 80 80 - | J1756 50 50 - | G0378 0 50 - | A0427 450 0 -
A0429 400 0 - | A0425 70 0 - | 27447 1400 0 - | 92928 600 0 - | 27236 1200 0 - | A9500 0 110 -
93798 30 110 - | G0424 30 55 - | 77386 0 420 - | 77014 10 90 - | Q9967 0 15 - | 82947 5 5 n
G8427 0 0 n | 1036F 0 0 n | 3074F 0 0 n | 3078F 0 0 n | G8420 0 0 n | 1159F 0 0 n | 1160F 0 0 n | 3044F 0 0 n
`);

export const HCPCS: readonly string[] = HCPCS_TABLE.map((r) => r[0]);
export const HCPCS_PRO_CENTS: Int32Array = Int32Array.from(HCPCS_TABLE, (r) => Math.round(Number(r[1]) * 100));
export const HCPCS_FAC_CENTS: Int32Array = Int32Array.from(HCPCS_TABLE, (r) => Math.round(Number(r[2]) * 100));
/** 1 when the line carries no Part B deductible or coinsurance (clinical lab, preventive). */
export const HCPCS_NO_COST_SHARE: Uint8Array = Uint8Array.from(HCPCS_TABLE, (r) => (r[3] === 'n' ? 1 : 0));
export const hcpcsId = idOf(new Map(HCPCS.map((c, i) => [c, i])), 'HCPCS');

// ---------------------------------------------------------------- revenue centres (institutional lines)
export const REVENUE: readonly string[] = (
  '0001 0110 0120 0200 0250 0251 0252 0258 0260 0270 0272 0278 0300 0301 0305 0306 0310 0320 0324 0333 0335 0340 0341 ' +
  '0350 0360 0370 0380 0391 0401 0402 0410 0420 0424 0430 0434 0440 0450 0460 0480 0510 0610 0636 0710 0730 0731 ' +
  '0740 0762 0821 0900 0921 0943 0948'
).split(' ');
export const revId = idOf(new Map(REVENUE.map((c, i) => [c, i])), 'revenue centre');

// ---------------------------------------------------------------- ICD-10-PCS procedures
export const PROCEDURES: readonly string[] = (
  '0SRD0J9 0SRC0J9 02703DZ 0QS604Z 0SG00AJ 30233N1 0DB68ZX 3E03317 5A1D70Z 0BH17EZ 02HV33Z 5A1955Z 0DJ08ZZ 0FT44ZZ'
).split(' ');
export const procId = idOf(new Map(PROCEDURES.map((c, i) => [c, i])), 'procedure');

// ---------------------------------------------------------------- MS-DRGs
// drg | relative weight (approx. FY2019) | geometric mean LOS | relative frequency among Medicare stays |
// required condition ('-' none) | conditions that raise its odds (comma list or '-') | principal dx | admitting dx |
// ICD-10-PCS procedure ('-' none) | surgical (1/0)
const DRG_TABLE = table(`
871 1.8564 4.7 100 - ckd,diabetes,alzheimers,cancer A419 R509 - 0
872 1.0295 3.9 30 - ckd,diabetes,alzheimers A419 R509 - 0
291 1.3454 3.9 75 heart_failure ckd,diabetes,ischemic_heart I5032 R0602 - 0
292 0.9127 3.0 22 heart_failure ckd I509 R0602 - 0
470 1.9898 2.0 45 ra_oa osteoporosis M1711 M1711 0SRD0J9 1
392 0.7392 2.8 38 - - K5290 R109 - 0
190 1.1645 3.5 28 copd heart_failure J441 R0602 - 0
191 0.9346 2.9 12 copd - J441 R0602 - 0
683 0.8860 3.2 25 - ckd,diabetes,heart_failure N179 R531 - 0
682 1.4861 4.3 18 - ckd,heart_failure N179 R531 5A1D70Z 0
194 0.9636 3.4 26 - copd,heart_failure J189 R509 - 0
193 1.3187 4.3 22 - copd,alzheimers J189 R509 0BH17EZ 0
065 1.0063 3.2 20 stroke_tia hypertension I639 R29810 - 0
064 1.8214 4.3 10 stroke_tia hypertension I6350 R29810 3E03317 0
690 0.7819 2.8 24 - alzheimers,diabetes N390 R509 - 0
603 0.8404 3.5 22 - diabetes,heart_failure L03115 L03115 - 0
378 0.9923 3.0 20 - ischemic_heart,ckd K922 K922 0DB68ZX 0
377 1.7800 4.1 8 - ischemic_heart,ckd K922 K922 30233N1 0
189 1.2103 3.4 15 - copd,heart_failure J9601 R0602 - 0
280 1.6810 3.9 10 ischemic_heart diabetes,hyperlipidemia I214 R079 - 0
247 2.0650 2.1 14 ischemic_heart diabetes,hyperlipidemia I2510 R079 02703DZ 1
481 2.1800 4.3 12 - osteoporosis,alzheimers S72001A S72001A 0QS604Z 1
885 1.3283 9.0 12 depression alzheimers F333 F333 - 0
057 1.0021 4.2 6 alzheimers - G309 R4182 - 0
638 0.8481 2.7 9 diabetes ckd E1165 E1165 - 0
312 0.7642 2.3 14 - heart_failure,ischemic_heart R55 R55 - 0
309 0.7961 2.5 12 - heart_failure,hypertension I4891 R0602 - 0
641 0.7466 2.8 12 - ckd,alzheimers E871 R531 - 0
177 1.7620 5.4 10 - alzheimers,stroke_tia,copd J690 R509 02HV33Z 0
460 3.9000 2.7 8 - ra_oa M4806 M4806 0SG00AJ 1
`);

export interface Drg {
  readonly code: string;
  readonly weight: number;
  readonly meanLos: number;
  readonly frequency: number;
  /** Condition bit a patient must have (-1: none). */
  readonly requires: number;
  /** Mask of conditions that raise the odds of this DRG. */
  readonly boosts: number;
  readonly principalDx: number;
  readonly admittingDx: number;
  readonly procedure: number; // -1: none
  readonly surgical: boolean;
}
export const DRGS: readonly Drg[] = DRG_TABLE.map((r) => ({
  code: r[0].padStart(3, '0'),
  weight: Number(r[1]),
  meanLos: Number(r[2]),
  frequency: Number(r[3]),
  requires: r[4] === '-' ? -1 : conditionBit(r[4]),
  boosts: r[5] === '-' ? 0 : r[5].split(',').reduce((m, c) => m | (1 << conditionBit(c)), 0),
  principalDx: dxId(r[6]),
  admittingDx: dxId(r[7]),
  procedure: r[8] === '-' ? -1 : procId(r[8]),
  surgical: r[9] === '1',
}));

// ---------------------------------------------------------------- Part D drugs
// label | synthetic NDC | typical days supply | cost per 30 days ($) | quantity per 30 days | kind:
// g generic, b brand, s specialty, x excluded from Part D (paid only by enhanced plans)
const DRUG_TABLE = table(`
lisinopril_10mg 00000010101 30 4 30 g | amlodipine_5mg 00000010201 30 4 30 g | losartan_50mg 00000010301 30 8 30 g
hydrochlorothiazide_25mg 00000010401 30 3 30 g | metoprolol_succ_50mg 00000010501 30 10 30 g
atorvastatin_40mg 00000020101 30 8 30 g | rosuvastatin_10mg 00000020201 30 10 30 g | simvastatin_20mg 00000020301 30 5 30 g
pravastatin_40mg 00000020401 30 9 30 g | ezetimibe_10mg 00000020501 30 15 30 g
meloxicam_15mg 00000030101 30 5 30 g | celecoxib_200mg 00000030201 30 20 30 g | methotrexate_2.5mg 00000030301 28 25 24 g
hydroxychloroquine_200mg 00000030401 30 30 60 g | tramadol_50mg 00000030501 30 10 90 g | adalimumab_40mg 00000030601 28 5500 2 s
clopidogrel_75mg 00000040101 30 6 30 g | isosorbide_mono_30mg 00000040201 30 12 30 g | metoprolol_tart_25mg 00000040301 30 4 60 g
nitroglycerin_0.4mg 00000040401 30 25 25 g | metformin_500mg 00000050101 30 4 60 g | glipizide_5mg 00000050201 30 5 30 g
insulin_glargine_100u 00000050301 30 400 15 b | sitagliptin_100mg 00000050401 30 480 30 b | empagliflozin_10mg 00000050501 30 500 30 b
dulaglutide_1.5mg 00000050601 28 760 2 b | sodium_bicarbonate_650mg 00000060101 30 10 90 g | calcitriol_0.25mcg 00000060201 30 40 30 g
sevelamer_800mg 00000060301 30 900 270 b | sertraline_50mg 00000070101 30 6 30 g | escitalopram_10mg 00000070201 30 6 30 g
trazodone_50mg 00000070301 30 6 30 g | bupropion_xl_150mg 00000070401 30 20 30 g | duloxetine_60mg 00000070501 30 15 30 g
mirtazapine_15mg 00000070601 30 10 30 g | furosemide_40mg 00000080101 30 4 30 g | carvedilol_12.5mg 00000080201 30 6 60 g
spironolactone_25mg 00000080301 30 8 30 g | sacubitril_valsartan 00000080401 30 500 60 b | apixaban_5mg 00000080501 30 480 60 b
donepezil_10mg 00000090101 30 10 30 g | memantine_10mg 00000090201 30 25 60 g | quetiapine_25mg 00000090301 30 15 30 g
tiotropium_inh 00000100101 30 430 30 b | fluticasone_salmeterol_inh 00000100201 30 350 60 b | albuterol_inh 00000100301 25 50 18 g
budesonide_formoterol_inh 00000100401 30 330 10 b | anastrozole_1mg 00000110101 30 15 30 g | tamoxifen_20mg 00000110201 30 20 30 g
bicalutamide_50mg 00000110301 30 30 30 g | abiraterone_250mg 00000110401 30 1200 120 s | ondansetron_4mg 00000110501 10 10 20 g
alendronate_70mg 00000130101 28 8 4 g | raloxifene_60mg 00000130201 30 30 30 g | ibandronate_150mg 00000130301 30 30 1 g
levothyroxine_50mcg 00000140101 30 8 30 g | omeprazole_20mg 00000140201 30 6 30 g | pantoprazole_40mg 00000140301 30 6 30 g
gabapentin_300mg 00000140401 30 10 90 g | tamsulosin_0.4mg 00000140501 30 10 30 g | potassium_chloride_20meq 00000140601 30 10 30 g
montelukast_10mg 00000140701 30 8 30 g | allopurinol_100mg 00000140801 30 6 30 g | latanoprost_0.005pct 00000140901 25 15 3 g
finasteride_5mg 00000141001 30 6 30 g | oxybutynin_5mg 00000141101 30 12 60 g | warfarin_5mg 00000141201 30 6 30 g
amoxicillin_500mg 00000150101 10 6 30 g | azithromycin_250mg 00000150201 5 8 6 g | ciprofloxacin_500mg 00000150301 7 6 14 g
cephalexin_500mg 00000150401 7 7 28 g | prednisone_10mg 00000150501 5 4 21 g | nitrofurantoin_100mg 00000150601 5 9 10 g
doxycycline_100mg 00000150701 7 10 14 g | benzonatate_100mg 00000150801 7 10 21 g | codeine_cough_syrup 00000150901 5 12 120 x
hydrocodone_apap_5mg 00000151001 5 8 20 g
`);

export interface Drug {
  readonly label: string;
  readonly ndc: string;
  readonly daysSupply: number;
  readonly costPer30Cents: number;
  readonly quantityPer30: number;
  readonly kind: 'g' | 'b' | 's' | 'x';
}
export const DRUGS: readonly Drug[] = DRUG_TABLE.map((r) => ({
  label: r[0],
  ndc: r[1],
  daysSupply: Number(r[2]),
  costPer30Cents: Math.round(Number(r[3]) * 100),
  quantityPer30: Number(r[4]),
  kind: r[5] as Drug['kind'],
}));
export const drugId = idOf(new Map(DRUGS.map((d, i) => [d.label, i])), 'drug');

/**
 * Drugs per condition: [label, weight] choices, and the probability that a person with the condition
 * takes a first, second and third maintenance drug for it.
 */
const CONDITION_DRUG_SPEC: Record<Condition, { take: readonly number[]; drugs: readonly (readonly [string, number])[] }> = {
  hypertension: { take: [0.85, 0.5, 0.2], drugs: [['lisinopril_10mg', 30], ['amlodipine_5mg', 30], ['losartan_50mg', 20], ['hydrochlorothiazide_25mg', 12], ['metoprolol_succ_50mg', 8]] },
  hyperlipidemia: { take: [0.8, 0.1], drugs: [['atorvastatin_40mg', 45], ['rosuvastatin_10mg', 20], ['simvastatin_20mg', 15], ['pravastatin_40mg', 12], ['ezetimibe_10mg', 8]] },
  ra_oa: { take: [0.45, 0.12], drugs: [['meloxicam_15mg', 35], ['celecoxib_200mg', 15], ['tramadol_50mg', 25], ['methotrexate_2.5mg', 10], ['hydroxychloroquine_200mg', 12], ['adalimumab_40mg', 3]] },
  ischemic_heart: { take: [0.7, 0.35], drugs: [['clopidogrel_75mg', 45], ['metoprolol_tart_25mg', 30], ['isosorbide_mono_30mg', 15], ['nitroglycerin_0.4mg', 10]] },
  diabetes: { take: [0.9, 0.5, 0.2], drugs: [['metformin_500mg', 40], ['glipizide_5mg', 18], ['insulin_glargine_100u', 16], ['sitagliptin_100mg', 10], ['empagliflozin_10mg', 8], ['dulaglutide_1.5mg', 8]] },
  ckd: { take: [0.35], drugs: [['sodium_bicarbonate_650mg', 40], ['calcitriol_0.25mcg', 35], ['sevelamer_800mg', 25]] },
  depression: { take: [0.8, 0.3], drugs: [['sertraline_50mg', 25], ['escitalopram_10mg', 22], ['trazodone_50mg', 20], ['bupropion_xl_150mg', 12], ['duloxetine_60mg', 12], ['mirtazapine_15mg', 9]] },
  heart_failure: { take: [0.9, 0.6, 0.35], drugs: [['furosemide_40mg', 40], ['carvedilol_12.5mg', 25], ['spironolactone_25mg', 15], ['sacubitril_valsartan', 8], ['apixaban_5mg', 12]] },
  alzheimers: { take: [0.7, 0.3], drugs: [['donepezil_10mg', 50], ['memantine_10mg', 30], ['quetiapine_25mg', 20]] },
  copd: { take: [0.8, 0.4], drugs: [['albuterol_inh', 40], ['tiotropium_inh', 25], ['fluticasone_salmeterol_inh', 20], ['budesonide_formoterol_inh', 15]] },
  cancer: { take: [0.4], drugs: [['anastrozole_1mg', 30], ['tamoxifen_20mg', 15], ['bicalutamide_50mg', 25], ['abiraterone_250mg', 10], ['ondansetron_4mg', 20]] },
  stroke_tia: { take: [0.7], drugs: [['clopidogrel_75mg', 60], ['apixaban_5mg', 25], ['warfarin_5mg', 15]] },
  osteoporosis: { take: [0.5], drugs: [['alendronate_70mg', 70], ['raloxifene_60mg', 15], ['ibandronate_150mg', 15]] },
};
export const CONDITION_DRUGS: readonly { readonly take: readonly number[]; readonly drugs: Int16Array; readonly weights: Float64Array }[] =
  CONDITIONS.map((c) => {
    const s = CONDITION_DRUG_SPEC[c];
    return { take: s.take, drugs: Int16Array.from(s.drugs, ([l]) => drugId(l)), weights: Float64Array.from(s.drugs, ([, w]) => w) };
  });
/** Maintenance drugs for common conditions outside the chronic condition list. */
export const OTHER_CHRONIC_DRUGS: Int16Array = Int16Array.from(
  ['levothyroxine_50mcg', 'omeprazole_20mg', 'pantoprazole_40mg', 'gabapentin_300mg', 'tamsulosin_0.4mg', 'potassium_chloride_20meq',
    'montelukast_10mg', 'allopurinol_100mg', 'latanoprost_0.005pct', 'finasteride_5mg', 'oxybutynin_5mg', 'warfarin_5mg'],
  drugId,
);
/** Short courses (antibiotics, steroid bursts, cough, pain). */
export const ACUTE_DRUGS: Int16Array = Int16Array.from(
  ['amoxicillin_500mg', 'azithromycin_250mg', 'ciprofloxacin_500mg', 'cephalexin_500mg', 'prednisone_10mg', 'nitrofurantoin_100mg',
    'doxycycline_100mg', 'benzonatate_100mg', 'codeine_cough_syrup', 'hydrocodone_apap_5mg', 'ondansetron_4mg'],
  drugId,
);
