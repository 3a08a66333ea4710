// Who an attack harms: the people it wrongly named and the people it re-identified, by immigration status
// and by race/ethnicity, each against the size of the group in the world so that groups of different
// size compare (per 100,000). Read from the world's truth, which the attack never saw. Browser-safe.
import { count } from '../report/numbers.ts';
import type { Harm, HarmGroup } from './result.ts';
import type { Table } from '../table/table.ts';
import { integersOf, textReader } from '../table/text.ts';

const rowOfPerson = new WeakMap<Table, Map<number, number>>();

/** The people-table row of each person id (built once per table). */
export function personRows(people: Table): Map<number, number> {
  let rows = rowOfPerson.get(people);
  if (!rows) {
    rows = new Map();
    const pid = integersOf(people, 'person_id', 'the people table');
    for (let i = 0; i < people.rows; i++) rows.set(pid[i]!, i);
    rowOfPerson.set(people, rows);
  }
  return rows;
}

/** `wronglyNamed` and `reidentified` are person ids (a person may appear more than once; each counts once). */
export function harmOf(people: Table, wronglyNamed: Iterable<number>, reidentified: Iterable<number>): Harm {
  const rows = personRows(people);
  const wrong = new Set(wronglyNamed);
  const right = new Set(reidentified);
  const by = (column: string): HarmGroup[] => {
    const value = textReader(people, column, 'the people table');
    const groups = new Map<string, { people: number; wronglyNamed: number; reidentified: number }>();
    const of = (v: string | null | undefined) => {
      const key = v ?? 'unknown';
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { people: 0, wronglyNamed: 0, reidentified: 0 }));
      return g;
    };
    for (let i = 0; i < people.rows; i++) of(value(i)).people++;
    for (const p of wrong) if (p >= 0 && rows.has(p)) of(value(rows.get(p)!)).wronglyNamed++;
    for (const p of right) if (p >= 0 && rows.has(p)) of(value(rows.get(p)!)).reidentified++;
    return [...groups]
      .map(([group, g]) => ({ group, ...g, per100k: g.people ? (1e5 * g.wronglyNamed) / g.people : 0 }))
      .sort((a, b) => b.people - a.people || a.group.localeCompare(b.group));
  };
  const byImmigrationStatus = by('immigration_status');
  const byRaceEthnicity = by('race_ethnicity');
  return { byImmigrationStatus, byRaceEthnicity, sentence: harmSentence(wrong.size, byImmigrationStatus, byRaceEthnicity) };
}

const LABELS: Readonly<Record<string, string>> = {
  asian_pi: 'Asian or Pacific Islander',
  aian: 'American Indian or Alaska Native',
  multi_other: 'multiracial or other',
  white: 'white',
  black: 'Black',
  hispanic: 'Hispanic',
};

/** A group's name as a reader sees it ("Asian or Pacific Islander", "lawful permanent resident"). */
export function groupLabel(group: string): string {
  return LABELS[group] ?? group.replace(/_/g, ' ');
}

function harmSentence(wrong: number, status: readonly HarmGroup[], race: readonly HarmGroup[]): string {
  if (wrong === 0) return 'Nobody was wrongly named.';
  const worst = (groups: readonly HarmGroup[]) => groups.filter((g) => g.wronglyNamed > 0).sort((a, b) => b.per100k - a.per100k)[0]!;
  const s = worst(status);
  const r = worst(race);
  const label = groupLabel;
  return (
    `${count(wrong)} ${wrong === 1 ? 'person was' : 'people were'} wrongly named. Per 100,000 people, the wrong names fell most often on ` +
    `${label(s.group)} people (${rateText(s.per100k)}) by immigration status and on ${label(r.group)} people (${rateText(r.per100k)}) by race/ethnicity.`
  );
}

/** A rate per 100,000 people as text: whole above 10, two significant digits below, 0 as 0. */
export function per100kText(per100k: number): string {
  return per100k === 0 ? '0' : per100k >= 10 ? count(per100k) : per100k.toPrecision(2);
}

function rateText(per100k: number): string {
  return `${per100kText(per100k)} per 100,000`;
}
