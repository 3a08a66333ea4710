// Revenue-centre lines of outpatient claims, by kind of visit, and the facility allowed amount they add up to.
import { HCPCS_FAC_CENTS, HCPCS_NO_COST_SHARE, REVENUE, hcpcsId, revId } from '../codes.ts';
import { uniform } from '../../../src/random/prng.ts';
import type { Profile } from './profile.ts';
import { COND } from './profile.ts';
import { INST_LINES, type OutpatientStore } from './store.ts';

/** Facility amount of a line that carries no HCPCS code, by revenue centre (cents). */
const REV_CENTS = Int32Array.from(REVENUE, (r) =>
  ({ '0250': 4000, '0251': 1500, '0258': 2000, '0270': 3000, '0272': 6000, '0370': 20000, '0710': 15000, '0821': 24000 })[r] ?? 5000);

const MALE = -2;
const FEMALE = -3;
type Entry = readonly [rev: string, hcpcs: string, prob: number, when?: number, probWhen?: number];
export interface Template {
  readonly rev: Int16Array;
  readonly hcpcs: Int16Array;
  readonly prob: Float64Array;
  readonly when: Int8Array;
  readonly probWhen: Float64Array;
}
function template(entries: readonly Entry[]): Template {
  return {
    rev: Int16Array.from(entries, (e) => revId(e[0])),
    hcpcs: Int16Array.from(entries, (e) => (e[1] ? hcpcsId(e[1]) : -1)),
    prob: Float64Array.from(entries, (e) => e[2]),
    when: Int8Array.from(entries, (e) => e[3] ?? -1),
    probWhen: Float64Array.from(entries, (e) => e[4] ?? e[2]),
  };
}

export const EMERGENCY = template([
  ['0300', '36415', 0.9], ['0300', '81001', 0.55], ['0301', '80053', 0.75], ['0301', '80048', 0.3], ['0301', '84484', 0.55],
  ['0301', '83880', 0.25, COND.heart_failure, 0.7], ['0301', '82947', 0.3], ['0305', '85025', 0.85], ['0305', '85610', 0.25],
  ['0306', '87086', 0.35], ['0324', '71046', 0.65], ['0350', '70450', 0.3], ['0350', '74177', 0.25], ['0320', '73562', 0.12],
  ['0730', '93005', 0.6], ['0250', '', 0.6], ['0258', 'J7030', 0.55], ['0260', '96374', 0.45], ['0260', '96360', 0.3],
  ['0270', '', 0.3], ['0636', 'J2405', 0.4], ['0636', 'J1100', 0.15], ['0636', 'J2270', 0.15], ['0636', 'Q9967', 0.2],
  ['0636', 'J1030', 0.06, COND.copd, 0.4],
]);
export const OBSERVATION_EXTRA = template([
  ['0762', 'G0378', 1], ['0301', '80061', 0.3], ['0301', '83036', 0.2, COND.diabetes, 0.8], ['0480', '93306', 0.35],
  ['0341', '78452', 0.2], ['0636', 'A9500', 0.2], ['0270', '', 0.6], ['0251', '', 0.7], ['0252', '', 0.4], ['0402', '93880', 0.15],
]);
export const LAB = template([
  ['0300', '36415', 0.95], ['0301', '80053', 0.7], ['0301', '80048', 0.3], ['0305', '85025', 0.8], ['0301', '82947', 0.2],
  ['0301', '80061', 0.25, COND.hyperlipidemia, 0.75], ['0301', '83036', 0.1, COND.diabetes, 0.9], ['0301', '82043', 0.05, COND.diabetes, 0.6],
  ['0301', '82570', 0.05, COND.ckd, 0.7], ['0301', '84443', 0.4], ['0301', '82306', 0.3], ['0301', '84153', 0, MALE, 0.2],
  ['0305', '85610', 0.08, COND.stroke_tia, 0.35], ['0300', '81001', 0.4], ['0301', '82607', 0.2], ['0306', '87086', 0.15],
]);
export const CLINIC = template([
  ['0510', 'G0463', 1], ['0300', '36415', 0.5], ['0301', '80053', 0.4], ['0305', '85025', 0.4], ['0301', '83036', 0, COND.diabetes, 0.5],
  ['0301', '80061', 0.1, COND.hyperlipidemia, 0.3], ['0300', '81001', 0.2], ['0260', '96372', 0.25], ['0636', 'J3420', 0.12],
  ['0636', 'J1030', 0.06], ['0730', '93005', 0.12, COND.ischemic_heart, 0.35],
]);
/** Contrast and supplies added to an imaging visit. */
export const CONTRAST = template([['0636', 'Q9967', 0.25], ['0270', '', 0.15], ['0250', '', 0.1]]);
export const SURGERY_COMMON = template([
  ['0370', '', 0.8], ['0710', '', 0.85], ['0250', '', 0.9], ['0258', 'J7030', 0.6], ['0272', '', 0.75], ['0636', 'J2405', 0.45],
  ['0300', '36415', 0.35], ['0305', '85025', 0.3], ['0301', '80048', 0.25], ['0730', '93005', 0.3], ['0270', '', 0.4],
]);
export const CHEMO = template([
  ['0335', '96413', 1], ['0335', '96415', 0.6], ['0260', '96375', 0.5], ['0636', 'J9045', 0.6], ['0636', 'J9355', 0.3],
  ['0636', 'J2405', 0.8], ['0636', 'J2505', 0.15], ['0258', 'J7030', 0.8], ['0300', '36415', 0.9], ['0305', '85025', 0.9],
  ['0301', '80053', 0.7], ['0250', '', 0.5],
]);
/** Imaging studies: [rev, hcpcs, weight, condition or sex that makes the study likelier, weight then]. */
export const IMAGING = template([
  ['0324', '71046', 0.3], ['0320', '73562', 0.15, COND.ra_oa, 0.4], ['0320', '72100', 0.12], ['0350', '70450', 0.08, COND.alzheimers, 0.2],
  ['0350', '71250', 0.08, COND.copd, 0.25], ['0350', '74177', 0.08], ['0610', '70553', 0.04, COND.stroke_tia, 0.3],
  ['0402', '76700', 0.05], ['0402', '93880', 0.04, COND.stroke_tia, 0.3], ['0480', '93306', 0.06, COND.heart_failure, 0.4],
  ['0401', '77067', 0, FEMALE, 0.25], ['0320', '77080', 0.03, COND.osteoporosis, 0.4], ['0341', '78452', 0.04, COND.ischemic_heart, 0.25],
]);

export const THERAPY_CODES = Int16Array.from(['97110', '97140', '97530', '97112', 'G0283'], hcpcsId);
export const THERAPY_PROB = [1, 0.5, 0.45, 0.3, 0.2];
export const REV_PT = revId('0420');
export const PT_EVAL = hcpcsId('97161');
export const REV_ED = revId('0450');
export const REV_SURGERY = revId('0360');
export const REV_DIALYSIS = revId('0821');
export const REV_DRUG = revId('0636');
export const REV_LAB = revId('0301');
export const REV_HEMATOLOGY = revId('0305');
export const REV_PATHOLOGY = revId('0310');
export const REV_NUCLEAR = revId('0341');
export const revOf = revId;

export function applies(t: Template, j: number, p: Profile): boolean {
  const w = t.when[j];
  return w >= 0 ? p.has(w) : w === MALE ? !p.female : w === FEMALE ? p.female : false;
}

/** Writes lines into one outpatient claim and totals its allowed and cost-shared amounts. */
export class LineWriter {
  st!: OutpatientStore;
  k = 0;
  n = 0;
  alowd = 0;
  share = 0;
  price = 1;

  begin(st: OutpatientStore, k: number, price: number): this {
    this.st = st;
    this.k = k;
    this.n = 0;
    this.alowd = 0;
    this.share = 0;
    this.price = price;
    return this;
  }

  add(rev: number, hcpcs: number): void {
    if (this.n >= INST_LINES) return;
    const o = this.k * INST_LINES + this.n++;
    this.st.rev[o] = rev;
    this.st.hcpcs[o] = hcpcs;
    const a = Math.round((hcpcs >= 0 ? HCPCS_FAC_CENTS[hcpcs] : REV_CENTS[rev]) * this.price);
    this.alowd += a;
    if (hcpcs < 0 || !HCPCS_NO_COST_SHARE[hcpcs]) this.share += a;
  }

  /** Adds each template line with its probability (times `scale`), drawing uniform(key, index, k0 + j). */
  addTemplate(t: Template, p: Profile, key: number, index: number, k0: number, scale: number): void {
    for (let j = 0; j < t.rev.length; j++) {
      const prob = applies(t, j, p) ? t.probWhen[j] : t.prob[j];
      if (uniform(key, index, k0 + j) < prob * scale) this.add(t.rev[j], t.hcpcs[j]);
    }
  }

  /** Closes the claim: lines sorted by revenue centre (stable), line count and amounts. */
  end(): void {
    const { st, k } = this;
    const o = k * INST_LINES;
    for (let a = 1; a < this.n; a++) {
      const r = st.rev[o + a];
      const h = st.hcpcs[o + a];
      let b = a - 1;
      for (; b >= 0 && st.rev[o + b] > r; b--) {
        st.rev[o + b + 1] = st.rev[o + b];
        st.hcpcs[o + b + 1] = st.hcpcs[o + b];
      }
      st.rev[o + b + 1] = r;
      st.hcpcs[o + b + 1] = h;
    }
    st.nLines[k] = this.n;
    st.alowd[k] = this.alowd;
    st.share[k] = this.share;
  }
}
