// News reports of hospital stays (as in Sweeney's Washington State study): name, age, town, hospital,
// admission date and the condition, for a few inpatient stays of the world.
import { chance, streamKey, u32 } from '../../src/random/prng.ts';
import { ageBetween, cmsToIso } from '../../src/dates.ts';
import type { Table } from '../../src/table/table.ts';
import { integersOf, textReader, textTable } from '../../src/table/text.ts';
import type { AdversaryDataset } from './types.ts';

/** What a reporter would write for each MS-DRG the claims generator uses. */
export const DRG_STORY: Record<string, string> = {
  '871': 'severe infection (sepsis)', '872': 'infection (sepsis)', '291': 'heart failure', '292': 'heart failure',
  '470': 'hip or knee replacement', '392': 'digestive illness', '190': 'breathing problems (COPD)', '191': 'breathing problems (COPD)',
  '683': 'kidney failure', '682': 'kidney failure', '194': 'pneumonia', '193': 'pneumonia', '065': 'stroke', '064': 'stroke',
  '690': 'urinary infection', '603': 'skin infection', '378': 'internal bleeding', '377': 'internal bleeding', '189': 'lung failure',
  '280': 'heart attack', '247': 'heart stent procedure', '481': 'hip surgery', '885': 'mental health crisis', '057': 'dementia',
  '638': 'diabetes complications', '312': 'fainting', '309': 'irregular heartbeat', '641': 'dehydration', '177': 'lung infection',
  '460': 'spinal surgery',
};

export interface NewsOptions {
  seed: number | string;
  /** Number of reports (Sweeney 2015 used 81). */
  count?: number;
  /**
   * How often a report leaves a fact out or gives it loosely: the admission month instead of the day,
   * and no age, town or hospital. Defaults are assumptions (news items vary); all 0 gives exact reports.
   */
  vagueness?: { monthOnly: number; noAge: number; noTown: number; noHospital: number };
}

export const NEWS_VAGUENESS = { monthOnly: 0.4, noAge: 0.1, noTown: 0.15, noHospital: 0.05 };

/** `stays` is the world's inpatient claims table (one row per claim). */
export function newsReports(people: Table, stays: Table, o: NewsOptions): AdversaryDataset {
  const count = o.count ?? 81;
  const key = streamKey(o.seed, 'news');
  const pid = integersOf(people, 'person_id', 'the people table');
  const rowOf = new Map<number, number>();
  for (let i = 0; i < people.rows; i++) rowOf.set(pid[i]!, i);
  const stayPerson = integersOf(stays, 'person_id', 'the inpatient claims');
  const [admitted, ccn, drg, claimId] = ['clm_admsn_dt', 'prvdr_num', 'clm_drg_cd', 'clm_id'].map((n) => textReader(stays, n, 'the inpatient claims'));
  const order = Array.from({ length: stays.rows }, (_, k) => k)
    .filter((k) => rowOf.has(stayPerson[k]!))
    .sort((a, b) => u32(key, a, 0) - u32(key, b, 0) || a - b)
    .slice(0, count);
  const [first, last, birth, city] = ['first_name', 'last_name', 'birth_date', 'city'].map((n) => textReader(people, n, 'the people table'));
  // admission_date is 'YYYY-MM-DD', or 'YYYY-MM' when the report gives only the month
  const table: Record<string, (string | null)[]> = { report_id: [], name: [], age: [], town: [], hospital_ccn: [], admission_date: [], condition: [] };
  const notes: string[] = [];
  const vague = o.vagueness ?? NEWS_VAGUENESS;
  order.forEach((k, n) => {
    const i = rowOf.get(stayPerson[k]!)!;
    const d = admitted!(k)!; // YYYYMMDD
    const admission = cmsToIso(d);
    const age = ageBetween(birth!(i)!, admission);
    table.report_id!.push(`N${String(n + 1).padStart(4, '0')}`);
    table.name!.push(`${first!(i)} ${last!(i)}`);
    table.age!.push(chance(key, k, 1, vague.noAge) ? null : String(age));
    table.town!.push(chance(key, k, 2, vague.noTown) ? null : city!(i)!);
    table.hospital_ccn!.push(chance(key, k, 3, vague.noHospital) ? null : ccn!(k)!);
    table.admission_date!.push(chance(key, k, 4, vague.monthOnly) ? admission.slice(0, 7) : admission);
    table.condition!.push(DRG_STORY[drg!(k)!] ?? 'an illness');
    notes.push(claimId!(k)!); // the stay's claim: the truth a news-to-claims linkage is scored against
  });
  return {
    name: 'news_reports',
    description: 'News items about hospital stays: name, age, town, hospital, admission date and condition.',
    table: textTable(table),
    truth: Int32Array.from(order, (k) => stayPerson[k]!),
    notes,
  };
}
