// End-to-end attacks on a small world, each checked against an independent computation from the truth.
import { beforeAll, describe, expect, test } from 'vitest';
import { generateWorld, planWorld } from '../generators/world.ts';
import { TABLE_NAMES, type TableName } from '../generators/world-types.ts';
import type { TableChunk } from '../src/table/schema.ts';
import { tableView } from './helpers/world.ts';
import { ssnMatch } from '../src/scenarios/ssn-match.ts';
import { quasiIdAttack } from '../src/scenarios/quasi-id.ts';
import { newsAttack } from '../src/scenarios/news.ts';
import { unicityAttack } from '../src/scenarios/unicity.ts';
import { inferenceAttack } from '../src/scenarios/inference.ts';
import { agencyList } from '../generators/adversary/agency-list.ts';
import { voterRoll } from '../generators/adversary/voter-roll.ts';
import { beneficiaryRows, type WorldView } from '../src/scenarios/world-view.ts';
import { textTable } from '../src/table/text.ts';
import { columnText } from './helpers/world.ts';

let world: WorldView;


beforeAll(() => {
  const plan = planWorld({ seed: 31, people: 30_000 });
  const chunks: Record<string, TableChunk[]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  for (const b of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set<TableName>(['people', 'beneficiaries', 'claims_carrier', 'claims_inpatient']) })) {
    for (const [t, c] of Object.entries(b.chunks)) chunks[t]!.push(c!);
  }
  world = {
    people: tableView(plan.schemas.people, chunks.people!),
    beneficiaries: tableView(plan.schemas.beneficiaries, chunks.beneficiaries!),
    claims_carrier: tableView(plan.schemas.claims_carrier, chunks.claims_carrier!),
    claims_inpatient: tableView(plan.schemas.claims_inpatient, chunks.claims_inpatient!),
  };
});

describe('attacks on a 30,000-person world', () => {
  test('ssn-match: right and wrong matches equal a direct count from the truth', () => {
    const r = ssnMatch(world, { seed: 5, size: 1000 });
    // independent: for each list entry's SSN, the beneficiaries whose HICN starts with those digits
    const agency = agencyList(world.people, { seed: 5, size: 1000 });
    const benes = world.beneficiaries!;
    const rows = beneficiaryRows(benes);
    const hicn = columnText(benes, 'hicn');
    const bp = columnText(benes, 'person_id');
    let right = 0;
    let wrong = 0;
    columnText(agency.table, 'ssn').forEach((s, k) => {
      if (!s) return;
      const digits = s.replace(/-/g, '');
      for (const i of rows) {
        if (hicn[i]!.slice(0, 9) !== digits) continue;
        if (Number(bp[i]) === agency.truth[k]) right++;
        else wrong++;
      }
    });
    expect(r.foundRightPerson.k).toBe(right);
    expect(r.wrongMatches).toBe(wrong);
    expect(r.precision.k).toBe(right);
    expect(r.precision.n).toBe(right + wrong);
  });

  test('quasi-id: links equal an independent unique-on-both-sides join, and precision is counted from the truth', () => {
    const r = quasiIdAttack(world, { seed: 6 });
    const roll = voterRoll(world.people, { seed: 6 });
    const benes = world.beneficiaries!;
    const rows = beneficiaryRows(benes);
    const [zip, sex, dob, pid] = ['mailing_zip', 'bene_sex_ident_cd', 'bene_birth_dt', 'person_id'].map((c) => columnText(benes, c));
    const key = (z: string, s: string, d: string) => `${z}|${s}|${d}`;
    const rollCount = new Map<string, number[]>();
    columnText(roll.table, 'zip').forEach((z, k) => {
      const kk = key(z!, columnText(roll.table, 'sex')[k]!, columnText(roll.table, 'birth_date')[k] ?? '');
      rollCount.set(kk, [...(rollCount.get(kk) ?? []), k]);
    });
    const extractCount = new Map<string, number>();
    const keys = rows.map((i) => key(zip![i]!, sex![i] === '1' ? 'M' : 'F', `${dob![i]!.slice(0, 4)}-${dob![i]!.slice(4, 6)}-${dob![i]!.slice(6)}`));
    for (const k of keys) extractCount.set(k, (extractCount.get(k) ?? 0) + 1);
    let linked = 0;
    let correct = 0;
    keys.forEach((k, n) => {
      const m = rollCount.get(k);
      if (!m || m.length !== 1 || extractCount.get(k) !== 1) return;
      linked++;
      if (roll.truth[m[0]!] === Number(pid![rows[n]!])) correct++;
    });
    expect(r.linked).toBe(linked);
    expect(r.precision.k).toBe(correct);
  });

  test('news: every unique match is checked against the stay the report was written from', () => {
    const r = newsAttack(world, { seed: 7, count: 40 });
    expect(r.reports).toBe(40);
    expect(r.matchedUniquely.k).toBeGreaterThan(0);
    expect(r.correct.k).toBeLessThanOrEqual(r.matchedUniquely.k);
  });

  test('unicity: more points never make fewer people unique', () => {
    const r = unicityAttack(world, { seed: 8, points: [1, 2, 3], samples: 400 });
    const shares = r.rows.map((x) => x.uniqueShare.point);
    expect(shares[1]!).toBeGreaterThanOrEqual(shares[0]! - 0.05);
    expect(shares[2]!).toBeGreaterThanOrEqual(shares[1]! - 0.05);
    expect(r.rows.every((x) => x.unique <= x.sampled)).toBe(true);
  });
});

describe('attribute inference', () => {
  test.each([2, 3])('k = %i: the k-anonymous extract made by the safeguards gives the figures of a naive suppression and majority guess', (k) => {
    const r = inferenceAttack(world, { seed: 1, k });
    // independent: classes of (ZIP3, birth year, sex) counted by hand, classes under k dropped, each
    // released person guessed as their class's most common value, the baseline as the overall one.
    const benes = world.beneficiaries!;
    const rows = beneficiaryRows(benes);
    const [zip, dob, sex, flag] = ['mailing_zip', 'bene_birth_dt', 'bene_sex_ident_cd', 'sp_depressn'].map((c) => columnText(benes, c));
    const classes = new Map<string, Map<string, number>>();
    for (const i of rows) {
      const key = `${zip![i]!.slice(0, 3)}|${dob![i]!.slice(0, 4)}|${sex![i]}`;
      const values = classes.get(key) ?? new Map<string, number>();
      values.set(flag![i]!, (values.get(flag![i]!) ?? 0) + 1);
      classes.set(key, values);
    }
    let released = 0;
    let correct = 0;
    let homogeneous = 0;
    const overall = new Map<string, number>();
    for (const values of classes.values()) {
      const size = [...values.values()].reduce((a, b) => a + b, 0);
      if (size < k) continue;
      released += size;
      correct += Math.max(...values.values());
      if (values.size === 1) homogeneous += size;
      for (const [v, c] of values) overall.set(v, (overall.get(v) ?? 0) + c);
    }
    expect(released).toBeGreaterThan(0);
    expect(r.beneficiaries).toBe(rows.length);
    expect(r.released).toBe(released);
    expect(r.suppressed).toBe(rows.length - released);
    expect(r.homogeneousTargets).toBe(homogeneous);
    expect([r.accuracy!.k, r.accuracy!.n]).toEqual([correct, released]);
    expect([r.baselineAccuracy!.k, r.baselineAccuracy!.n]).toEqual([Math.max(...overall.values()), released]);
  });

  test('when every class is under k, nothing is released and nothing inferred', () => {
    const r = inferenceAttack(world, { seed: 1, k: 100_000 });
    expect([r.released, r.suppressed, r.accuracy]).toEqual([0, r.beneficiaries, null]);
    expect(r.explanation).toMatch(/suppresses all [\d,]+ beneficiaries and nothing can be inferred/);
  });

  test('class guesses equal the majority of each class, and homogeneous classes are counted', async () => {
    const { classGuess } = await import('../attacks/inference/class-guess.ts');
    const release = { q: ['a', 'a', 'a', 'b', 'b', 'c'], s: ['x', 'x', 'y', 'z', 'z', 'w'], bg: ['1', '2', '2', '1', '1', '1'] };
    const g = classGuess(textTable(release), textTable({ q: ['a', 'b', 'd'], bg: ['2', '1', '1'] }), { qi: ['q'], sensitive: 's' });
    expect(Array.from(g.rows)).toEqual([0, 1]);
    expect(g.values).toEqual(['x', 'z']);
    expect(g.homogeneous).toBe(1);
    const withBackground = classGuess(textTable(release), textTable({ q: ['a'], bg: ['2'] }), { qi: ['q'], sensitive: 's', background: 'bg' });
    expect(withBackground.values).toEqual(['x']); // {x, y} tie among bg=2: the lower value
    expect(withBackground.confidence[0]).toBe(0.5);
  });
});

describe('news join with partial facts', () => {
  test('a report links only when exactly one stay agrees on every fact it gives', async () => {
    const { newsJoin } = await import('../attacks/join/news-join.ts');
    const stays = {
      hospital: ['H1', 'H1', 'H2'],
      admission_date: ['2019-03-04', '2019-03-20', '2019-03-04'],
      age: ['70', '70', '70'],
      town: ['DOVER', 'DOVER', 'DOVER'],
    };
    const news = {
      hospital_ccn: ['H1', 'H1', null, 'H1'],
      admission_date: ['2019-03-04', '2019-03', '2019-03-04', '2019-04'],
      age: ['70', '70', '70', '70'],
      town: ['Dover', 'Dover', null, 'Dover'],
    };
    const r = newsJoin(textTable(news), textTable(stays));
    expect(Array.from(r.links.left)).toEqual([0]); // report 1: two stays in March at H1; report 2: two hospitals that day; report 3: none
    expect(Array.from(r.links.right)).toEqual([0]);
    expect(r.matchedAny).toBe(3);
  });
});
