// News stories linked to a claims release whose values may be coarsened or shifted (Sweeney 2015): a
// story and a claim are compatible when every fact the story gives could be the claim's released value
// (same hospital; admission days that overlap; an age the released birth and admission dates allow; a
// town with a ZIP that the release would write as the claim's ZIP); a story links when exactly one claim
// is compatible. Browser-safe.
import { geography } from '../../../generators/calibration/tables.ts';
import type { Table } from '../../table/table.ts';
import { sharedCodes, textColumnOf, textReader } from '../../table/text.ts';
import { ageOn, dayOf } from '../../dates.ts';

export interface ReleaseCoding {
  /** How the release writes a ZIP (identity, or Safe Harbor's ZIP3). */
  readonly zip: (zip: string) => string;
  /** Days either way a released date may be from the real one, as the adversary believes (0: taken as real). */
  readonly shiftWindow: number;
}

export interface NewsClaimsJoin {
  /** Per story: the row of the one compatible claim, or -1. */
  readonly linked: Int32Array;
  /** Per story: how many claims were compatible. */
  readonly candidates: Int32Array;
}

type Span = readonly [number, number];

/** Days a released or reported date may be: a day, a month ('YYYY-MM'), a year ('YYYY'); null when unreadable. */
export function daySpan(text: string | null): Span | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  if (m) {
    const d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return [d, d];
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return [dayOf(Number(m[1]), Number(m[2]), 1), dayOf(Number(m[1]), Number(m[2]) + 1, 1) - 1];
  m = /^(\d{4})$/.exec(t);
  if (m) return [dayOf(Number(m[1]), 1, 1), dayOf(Number(m[1]), 12, 31)];
  return null;
}

/** Ages a released birth value and admission span allow ('90+'-style labels: 90 and over). */
function ageSpan(birth: string | null, admission: Span | null): Span | null {
  if (!birth || !admission) return null;
  const b = daySpan(birth);
  if (!b) return /\+/.test(birth) ? [Number.parseInt(birth, 10) || 90, Infinity] : null;
  return [ageOn(b[1], admission[0]), ageOn(b[0], admission[1])];
}

const overlaps = (a: Span, b: Span) => a[0] <= b[1] && b[0] <= a[1];
const norm = (s: string) => s.trim().toUpperCase();

/** Town (upper case) -> the ZIPs whose USPS post-office name it is: a public ZIP directory. */
let zipsOfTown: Map<string, string[]> | null = null;
function townZips(): Map<string, string[]> {
  if (zipsOfTown) return zipsOfTown;
  zipsOfTown = new Map();
  const { zcta, city } = geography.zctas;
  for (let i = 0; i < zcta.length; i++) {
    const town = norm(geography.cities[city[i]!]!);
    const list = zipsOfTown.get(town);
    if (list) list.push(zcta[i]!);
    else zipsOfTown.set(town, [zcta[i]!]);
  }
  return zipsOfTown;
}

/**
 * `stories` has hospital_ccn, admission_date, age and town (any may be null but the date); `claims` has
 * prvdr_num, clm_admsn_dt, bene_birth_dt and mailing_zip as released. Hospitals are compared by code,
 * dates and ZIPs read once per distinct value; stories are few, so each is compared with every claim.
 */
export function linkStoriesToClaims(stories: Table, claims: Table, coding: ReleaseCoding): NewsClaimsJoin {
  const n = claims.rows;
  const w = coding.shiftWindow;
  const story = (c: string) => textColumnOf(stories, c, 'news join: the stories');
  const claim = (c: string) => textColumnOf(claims, c, 'news join: the claims');
  const hospitals = sharedCodes(story('hospital_ccn'), claim('prvdr_num'), norm);
  const admitted = claim('clm_admsn_dt');
  const spanOf = admitted.dictionary.map((d) => daySpan(d));
  const admission = Array.from(admitted.codes, (k) => (k < 0 ? null : spanOf[k]!));
  const birth = textReader(claims, 'bene_birth_dt', 'news join: the claims');
  // ages from the released dates; a shift moves birth and admission together, but a birthday may fall between
  const ages = admission.map((a, k) => {
    const s = ageSpan(birth(k), a);
    return s && w > 0 ? ([s[0] - 1, s[1] + 1] as Span) : s;
  });
  const widened = admission.map((a) => (a ? ([a[0] - w, a[1] + w] as Span) : null));
  const zip = claim('mailing_zip');
  const [hospital, date, age, townOf] = ['hospital_ccn', 'admission_date', 'age', 'town'].map((c) => textReader(stories, c));
  const reports = stories.rows;
  const linked = new Int32Array(reports).fill(-1);
  const candidates = new Int32Array(reports);
  const towns = townZips();
  for (let i = 0; i < reports; i++) {
    const reported = daySpan(date!(i));
    if (!reported) continue; // a story without a date cannot be placed
    const h = hospital!(i) ? hospitals.left[i]! : -1;
    const ageText = age!(i);
    const years = ageText ? Number(ageText) : null;
    const town = townOf!(i) ? norm(townOf!(i)!) : null;
    // which of the released ZIPs the story's town allows (by code)
    const zipsHere = town === null ? null : new Set((towns.get(town) ?? []).map(coding.zip));
    const zipAllowed = zipsHere === null ? null : Uint8Array.from(zip.dictionary, (z) => (zipsHere.has(z) ? 1 : 0));
    let hits = 0;
    let hit = -1;
    for (let k = 0; k < n; k++) {
      if (h >= 0 && hospitals.right[k] !== h) continue;
      const d = widened[k];
      if (d && !overlaps(d, reported)) continue;
      const a = ages[k];
      if (years !== null && a && (years < a[0] || years > a[1])) continue;
      const z = zip.codes[k]!;
      if (zipAllowed !== null && z >= 0 && zip.dictionary[z] !== '' && !zipAllowed[z]) continue;
      hits++;
      hit = k;
    }
    candidates[i] = hits;
    if (hits === 1) linked[i] = hit;
  }
  return { linked, candidates };
}
