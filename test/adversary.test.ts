import { beforeAll, describe, expect, test } from 'vitest';
import { agencyList } from '../generators/adversary/agency-list.ts';
import { brokerFile } from '../generators/adversary/broker-file.ts';
import { newsReports } from '../generators/adversary/news-reports.ts';
import type { Table } from '../src/table/table.ts';
import { voterRoll } from '../generators/adversary/voter-roll.ts';
import { peopleAndStays } from './helpers/world.ts';
import { columnText } from './helpers/world.ts';

type View = Table;
let people: View;
let stays: View;


beforeAll(() => {
  ({ people, stays } = peopleAndStays(12, 40_000));
});

const byPerson = () => {
  const m = new Map<number, number>();
  const pid = columnText(people, 'person_id');
  for (let i = 0; i < people.rows; i++) m.set(Number(pid[i]), i);
  return m;
};

describe('adversary datasets', () => {
  test('no visible table carries a person id; truth is row-aligned', () => {
    for (const d of [voterRoll(people, { seed: 1 }), agencyList(people, { seed: 1, size: 500 }), brokerFile(people, { seed: 1 }), newsReports(people, stays, { seed: 1 })]) {
      for (const name of d.table.names) expect(name).not.toMatch(/person/);
      expect(d.table.rows).toBe(d.truth.length);
      for (const name of d.table.names) expect(columnText(d.table, name).length).toBe(d.truth.length);
    }
  });

  test('the voter roll holds living adult citizens only, about 70% of them, some at a stale address', () => {
    const v = voterRoll(people, { seed: 1, birthYearOnly: ['TX'] });
    const row = byPerson();
    const [status, age, death, zip, state] = ['immigration_status', 'age', 'death_date', 'zip', 'state'].map((c) => columnText(people, c));
    let eligible = 0;
    for (let i = 0; i < people.rows; i++) if (Number(age![i]) >= 18 && ['citizen_by_birth', 'naturalized'].includes(status![i]!) && death![i] === null) eligible++;
    expect(v.truth.length / eligible).toBeGreaterThan(0.6);
    expect(v.truth.length / eligible).toBeLessThan(0.8);
    let stale = 0;
    v.truth.forEach((p, k) => {
      const i = row.get(p)!;
      expect(['citizen_by_birth', 'naturalized']).toContain(status![i]);
      expect(Number(age![i])).toBeGreaterThanOrEqual(18);
      if (columnText(v.table, 'zip')[k] !== zip![i]) stale++;
      if (state![i] === 'TX' && v.notes![k] === null) expect(columnText(v.table, 'birth_date')[k]).toBeNull();
    });
    expect(stale).toBeGreaterThan(0);
  });

  test('the agency list is mostly undocumented people, and its SSNs go wrong the documented ways', () => {
    const a = agencyList(people, { seed: 2, size: 600 });
    const row = byPerson();
    const [status, ssn] = ['immigration_status', 'ssn'].map((c) => columnText(people, c));
    const undocumented = Array.from(a.truth).filter((p) => status![row.get(p)!] === 'undocumented').length;
    expect(undocumented / a.truth.length).toBeGreaterThan(0.55);
    const owners = new Map<string, number>();
    for (let i = 0; i < people.rows; i++) if (ssn![i]) owners.set(ssn![i]!, i);
    let someoneElses = 0;
    a.truth.forEach((p, k) => {
      const note = a.notes![k]!;
      const value = columnText(a.table, 'ssn')[k];
      if (note === 'missing') expect(value).toBeNull();
      if (note === 'own') expect(value).toBe(ssn![row.get(p)!]);
      if (note === 'someone_elses') {
        someoneElses++;
        expect(value).not.toBe(ssn![row.get(p)!]);
        expect(owners.has(value!)).toBe(true); // it belongs to another person of the world
      }
    });
    expect(someoneElses).toBeGreaterThan(0);
  });

  test('the broker file covers undocumented people and the young less than citizens', () => {
    const b = brokerFile(people, { seed: 3 });
    const row = byPerson();
    const [status, age, death] = ['immigration_status', 'age', 'death_date'].map((c) => columnText(people, c));
    const share = (f: (i: number) => boolean) => {
      let all = 0;
      for (let i = 0; i < people.rows; i++) if (Number(age![i]) >= 18 && death![i] === null && f(i)) all++;
      const inFile = Array.from(b.truth).filter((p) => f(row.get(p)!)).length;
      return inFile / all;
    };
    expect(share((i) => status![i] === 'undocumented')).toBeLessThan(share((i) => status![i] === 'citizen_by_birth' && Number(age![i]) >= 25) - 0.3);
    expect(share((i) => Number(age![i]) < 25)).toBeLessThan(0.6);
  });

  test('each news report describes a real stay of its person', () => {
    const n = newsReports(people, stays, { seed: 4, count: 30 });
    expect(n.truth.length).toBe(Math.min(30, stays.rows));
    const [sp, adm, ccn, clm] = ['person_id', 'clm_admsn_dt', 'prvdr_num', 'clm_id'].map((c) => columnText(stays, c));
    n.truth.forEach((p, k) => {
      const s = clm!.indexOf(n.notes![k]!);
      expect(Number(sp![s])).toBe(p);
      if (columnText(n.table, 'hospital_ccn')[k] !== null) expect(columnText(n.table, 'hospital_ccn')[k]).toBe(ccn![s]);
      expect(adm![s]!.startsWith(columnText(n.table, 'admission_date')[k]!.replace(/-/g, ''))).toBe(true); // the day, or only the month
    });
    const exact = newsReports(people, stays, { seed: 4, count: 30, vagueness: { monthOnly: 0, noAge: 0, noTown: 0, noHospital: 0 } });
    exact.truth.forEach((_, k) => {
      expect(columnText(exact.table, 'admission_date')[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(columnText(exact.table, 'town')[k]).not.toBeNull();
    });
  });
});

describe('errors in adversary records', () => {
  test('the default model corrupts some names and dates; errors: false gives clean copies', () => {
    const noisy = voterRoll(people, { seed: 9 });
    const clean = voterRoll(people, { seed: 9, errors: false });
    expect(noisy.truth).toEqual(clean.truth);
    const changed = columnText(noisy.table, 'first_name').filter((v, k) => v !== columnText(clean.table, 'first_name')[k]).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed / noisy.truth.length).toBeLessThan(0.2);
    const flagged = Array.from(noisy.errors!.first_name!).filter((f) => f !== 0).length;
    expect(flagged).toBeGreaterThanOrEqual(changed); // every change is logged (a swap may log both columns)
    const row = byPerson();
    const first = columnText(people, 'first_name');
    clean.truth.forEach((p, k) => expect(columnText(clean.table, 'first_name')[k]).toBe(first[row.get(p)!]));
  });
});
