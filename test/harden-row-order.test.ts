// Adversary datasets come out in a seeded random row order: row order must not mirror person order
// (people are generated and selected in person_id order), and the truth stays row-aligned.
import { beforeAll, describe, expect, test } from 'vitest';
import { agencyList } from '../generators/adversary/agency-list.ts';
import { brokerFile } from '../generators/adversary/broker-file.ts';
import { newsReports } from '../generators/adversary/news-reports.ts';
import type { AdversaryDataset } from '../generators/adversary/types.ts';
import type { Table } from '../src/table/table.ts';
import { voterRoll } from '../generators/adversary/voter-roll.ts';
import { peopleAndStays } from './helpers/world.ts';
import { columnText } from './helpers/world.ts';

let people: Table;
let stays: Table;
let seed5: AdversaryDataset[];

beforeAll(() => {
  ({ people, stays } = peopleAndStays(21, 3000));
  seed5 = datasets(5);
});

/** Kendall's tau between row index and truth person_id (ties count as neither). */
function kendallTau(ids: Int32Array): number {
  let s = 0;
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) s += Math.sign(ids[j]! - ids[i]!);
  return s / ((ids.length * (ids.length - 1)) / 2);
}

/** Share of neighbouring rows whose person ids ascend (1 in person order, 1/2 in a random order). */
function ascendingShare(ids: Int32Array): number {
  let up = 0;
  for (let i = 1; i < ids.length; i++) if (ids[i]! > ids[i - 1]!) up++;
  return up / (ids.length - 1);
}

const datasets = (seed: number): AdversaryDataset[] => [
  voterRoll(people, { seed }),
  brokerFile(people, { seed }),
  agencyList(people, { seed, size: 400 }),
  newsReports(people, stays, { seed, count: 200 }),
];

describe('adversary row order', () => {
  test('row order is not person order: Kendall tau and ascending neighbours are what a random order gives', () => {
    for (const d of seed5) {
      const n = d.truth.length;
      expect(n, d.name).toBeGreaterThan(40);
      // Five standard deviations of each statistic under a uniformly random order.
      const tauSd = Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1)));
      const ascentSd = Math.sqrt((n + 1) / 12) / (n - 1);
      expect(Math.abs(kendallTau(d.truth)), `${d.name}: Kendall tau of row vs person_id`).toBeLessThan(5 * tauSd);
      expect(Math.abs(ascendingShare(d.truth) - 0.5), `${d.name}: share of ascending neighbours - 1/2`).toBeLessThan(5 * ascentSd);
    }
  });

  test('the order is a pure function of the seed, and another seed gives another order', () => {
    const [b, c] = [datasets(5), datasets(6)];
    seed5.forEach((d, k) => {
      expect(b[k]!.truth, d.name).toEqual(d.truth);
      expect(b[k]!.table, d.name).toEqual(d.table);
      expect(Array.from(c[k]!.truth), d.name).not.toEqual(Array.from(d.truth));
    });
  });

  test('truth stays row-aligned after the shuffle (clean records show their person)', () => {
    const row = new Map<number, number>();
    const pid = columnText(people, 'person_id');
    for (let i = 0; i < people.rows; i++) row.set(Number(pid[i]), i);
    const [first, birth] = [columnText(people, 'first_name'), columnText(people, 'birth_date')];
    for (const d of [voterRoll(people, { seed: 5, errors: false }), brokerFile(people, { seed: 5, errors: false })]) {
      d.truth.forEach((p, k) => {
        expect(columnText(d.table, 'first_name')[k], d.name).toBe(first[row.get(p)!]);
        if (d.table.columns.birth_year) expect(columnText(d.table, 'birth_year')[k], d.name).toBe(birth[row.get(p)!]!.slice(0, 4));
      });
      // Sorting by the visible record id must not bring back person order either.
      const id = columnText(d.table, d.table.columns.broker_id ? 'broker_id' : 'voter_id');
      const byId = d.truth.map((_, k) => k).sort((x, y) => (id[x]! < id[y]! ? -1 : 1));
      expect(Math.abs(kendallTau(byId.map((k) => d.truth[k]!))), `${d.name}: person order by record id`).toBeLessThan(0.1);
    }
  });
});
