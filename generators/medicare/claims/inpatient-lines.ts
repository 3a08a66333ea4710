// Revenue-centre lines of an inpatient stay: which centres a stay bills depends on its DRG, its length
// and dialysis. Lines are in revenue-code order with the 0001 total line last; a stay averages ~17 lines.
import { DRGS, hcpcsId, revId } from '../codes.ts';
import { uniform } from '../../../src/random/prng.ts';

const enum Tag { None = 0, Sepsis = 1, Infection = 2, Respiratory = 4, Cardiac = 8, Stroke = 16, Surgical = 32, Gi = 64, Psych = 128, Neuro = 256 }

const TAGS_BY_DRG: Record<string, number> = {
  '871': Tag.Sepsis | Tag.Infection, '872': Tag.Sepsis | Tag.Infection, '690': Tag.Infection, '603': Tag.Infection,
  '193': Tag.Infection | Tag.Respiratory, '194': Tag.Infection | Tag.Respiratory, '177': Tag.Infection | Tag.Respiratory | Tag.Neuro,
  '190': Tag.Respiratory, '191': Tag.Respiratory, '189': Tag.Respiratory, '291': Tag.Cardiac, '292': Tag.Cardiac,
  '280': Tag.Cardiac, '247': Tag.Cardiac, '309': Tag.Cardiac, '312': Tag.Cardiac, '064': Tag.Stroke | Tag.Neuro,
  '065': Tag.Stroke | Tag.Neuro, '057': Tag.Neuro, '377': Tag.Gi, '378': Tag.Gi, '392': Tag.Gi, '885': Tag.Psych,
};
/** Tags of each DRG (by index in DRGS). */
export const DRG_TAGS: Int32Array = Int32Array.from(DRGS, (d) => (TAGS_BY_DRG[d.code] ?? 0) | (d.surgical ? Tag.Surgical : 0));

// revenue code, base probability, tags that raise it, probability when raised ('s' rows: surgical only).
const TEMPLATE: readonly (readonly [string, number, number, number])[] = [
  ['0200', 0.18, Tag.Sepsis | Tag.Stroke | Tag.Respiratory, 0.45], ['0250', 0.97, 0, 0], ['0251', 0.5, 0, 0],
  ['0252', 0.4, 0, 0], ['0258', 0.7, 0, 0], ['0260', 0.55, Tag.Sepsis, 0.9], ['0270', 0.85, 0, 0], ['0272', 0.5, Tag.Surgical, 0.95],
  ['0278', 0.05, Tag.Surgical, 0.9], ['0300', 0.95, 0, 0], ['0301', 0.9, 0, 0], ['0305', 0.9, 0, 0],
  ['0306', 0.45, Tag.Infection, 0.9], ['0310', 0.1, Tag.Gi | Tag.Surgical, 0.5], ['0320', 0.6, Tag.Surgical, 0.8],
  ['0324', 0.55, Tag.Respiratory | Tag.Cardiac, 0.9], ['0340', 0.03, Tag.Cardiac, 0.15], ['0350', 0.45, Tag.Stroke | Tag.Neuro, 0.95],
  ['0360', 0.04, Tag.Surgical, 1], ['0370', 0.03, Tag.Surgical, 1], ['0380', 0.05, Tag.Gi, 0.3], ['0391', 0.08, Tag.Gi, 0.5],
  ['0402', 0.25, Tag.Cardiac, 0.4], ['0410', 0.5, Tag.Respiratory | Tag.Cardiac, 0.9], ['0420', 0.55, Tag.Surgical | Tag.Stroke, 0.95],
  ['0424', 0.35, Tag.Surgical | Tag.Stroke, 0.9], ['0430', 0.4, Tag.Surgical | Tag.Stroke, 0.85], ['0434', 0.3, Tag.Surgical | Tag.Stroke, 0.8],
  ['0440', 0.08, Tag.Stroke | Tag.Neuro, 0.7], ['0450', 0.65, Tag.Sepsis | Tag.Cardiac | Tag.Stroke | Tag.Respiratory, 0.85],
  ['0460', 0.08, Tag.Respiratory, 0.35], ['0480', 0.3, Tag.Cardiac, 0.85], ['0610', 0.08, Tag.Stroke | Tag.Neuro, 0.7],
  ['0636', 0.8, 0, 0], ['0710', 0.02, Tag.Surgical, 1], ['0730', 0.65, Tag.Cardiac | Tag.Stroke, 0.95], ['0731', 0.05, Tag.Cardiac, 0.3],
  ['0740', 0.03, Tag.Stroke | Tag.Neuro, 0.3], ['0821', 0, 0, 0], ['0900', 0, Tag.Psych, 1], ['0921', 0.04, Tag.Stroke, 0.2], ['0943', 0.02, Tag.Cardiac, 0.1],
];
const T_REV = Int16Array.from(TEMPLATE, (t) => revId(t[0]));
const T_BASE = Float64Array.from(TEMPLATE, (t) => t[1]);
const T_TAGS = Int32Array.from(TEMPLATE, (t) => t[2]);
const T_RAISED = Float64Array.from(TEMPLATE, (t) => t[3]);
const REV_0001 = revId('0001');
const REV_ROOM = revId('0120');
const REV_PRIVATE = revId('0110');
const REV_DIALYSIS = revId('0821');
const REV_DRUG = revId('0636');
const DRUG_HCPCS = Int16Array.from(['J1100', 'J2405', 'J2270', 'J1030', 'J7030'], hcpcsId);
const EPO = hcpcsId('J0882');

/**
 * Writes a stay's revenue lines (and HCPCS for detailed-drug lines, else -1) at `offset`; returns the
 * line count. Draws uniform(key, index, k0 + j).
 */
export function inpatientLines(
  drg: number, los: number, dialysis: boolean, key: number, index: number, k0: number,
  rev: Int16Array, hcpcs: Int16Array, offset: number, maxLines: number,
): number {
  const tags = DRG_TAGS[drg];
  const stretch = Math.max(0.7, Math.min(1.15, 0.68 + 0.04 * los));
  let n = 0;
  const put = (r: number, h: number) => {
    if (n < maxLines - 1) {
      rev[offset + n] = r;
      hcpcs[offset + n] = h;
      n++;
    }
  };
  put(uniform(key, index, k0) < 0.12 ? REV_PRIVATE : REV_ROOM, -1);
  for (let j = 0; j < T_REV.length; j++) {
    const prob = T_REV[j] === REV_DIALYSIS ? (dialysis ? 1 : 0) : T_TAGS[j] & tags ? T_RAISED[j] : Math.min(1, T_BASE[j] * stretch);
    const u = uniform(key, index, k0 + 1 + j);
    if (u >= prob) continue;
    if (T_REV[j] === REV_DRUG) put(REV_DRUG, dialysis && u < prob * 0.3 ? EPO : DRUG_HCPCS[Math.floor((u / prob) * DRUG_HCPCS.length)]);
    else put(T_REV[j], -1);
  }
  rev[offset + n] = REV_0001;
  hcpcs[offset + n] = -1;
  return n + 1;
}
