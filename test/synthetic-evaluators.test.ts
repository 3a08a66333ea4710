// Anonymeter-style evaluators on synthetic tables (attacks/synthetic/).
import { describe, expect, test } from 'vitest';
import { evaluateSynthetic } from '../attacks/synthetic/evaluate.ts';
import { evaluateLinkability } from '../attacks/synthetic/linkability.ts';
import { evaluateInference, guessIsRight } from '../attacks/synthetic/inference.ts';
import { evaluateSinglingOut, univariatePredicates, countMatches } from '../attacks/synthetic/singling-out.ts';
import { residualRisk, residualRiskFromCounts } from '../attacks/score/index.ts';
import { synthesizeMarginals } from '../safeguards/synthesize/marginals.ts';
import { below, streamKey } from '../src/random/prng.ts';
import { textTable } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';

type Texts = Record<string, (string | null)[]>;

/** People with rich, nearly unique attributes; `from` offsets the row counter so tables are disjoint draws. */
function people(n: number, from: number): Table {
  const key = streamKey(11, 'test:people');
  const t: Texts = { age: [], sex: [], zip: [], income: [], diagnosis: [] };
  for (let r = 0; r < n; r++) {
    const i = from + r;
    const age = 18 + below(key, i, 0, 73);
    t.age!.push(String(age));
    t.sex!.push(below(key, i, 1, 2) ? 'F' : 'M');
    t.zip!.push(`Z${below(key, i, 2, 50)}`);
    t.income!.push(String(10_000 + below(key, i, 3, 190_000)));
    // diagnosis depends a little on age
    t.diagnosis!.push(`D${(Math.floor(age / 10) + below(key, i, 4, 3)) % 10}`);
  }
  return textTable(t);
}

/** A table with no structure: independent, low-cardinality columns. */
function flat(n: number, from: number): Table {
  const key = streamKey(12, 'test:flat');
  const t: Texts = { a: [], b: [], c: [], d: [], secret: [] };
  for (let r = 0; r < n; r++) {
    const i = from + r;
    t.a!.push(String(below(key, i, 0, 5)));
    t.b!.push(`b${below(key, i, 1, 5)}`);
    t.c!.push(`c${below(key, i, 2, 5)}`);
    t.d!.push(String(below(key, i, 3, 5)));
    t.secret!.push(`s${below(key, i, 4, 4)}`);
  }
  return textTable(t);
}

describe('residual risk through the score module (REFERENCE 8)', () => {
  test('(0.9, 0.02) against control (0.85, 0.02) -> 0.333 +- 0.16', () => {
    const r = residualRisk({ rate: 0.9, error: 0.02 }, { rate: 0.85, error: 0.02 });
    expect(r.residual).toBeCloseTo(1 / 3, 3);
    expect(r.error).toBeCloseTo(0.16, 2);
  });

  test('evaluator results carry the score module residual risk of their counts', () => {
    const ori = people(300, 0);
    const res = evaluateInference({ original: ori, synthetic: ori, control: people(300, 10_000), aux: ['age', 'sex', 'zip'], secret: 'diagnosis', nAttacks: 200, seed: 3 });
    const expected = residualRiskFromCounts(res.main.k, res.main.n, res.control!.k, res.control!.n);
    expect(res.risk!.residual).toBe(expected.residual);
    expect(res.risk!.error).toBe(expected.error);
    expect(res.riskAgainst).toBe('control');
  });
});

describe('guesses and predicates', () => {
  test('numeric guesses within a relative tolerance; categorical exact; nulls only match nulls', () => {
    expect(guessIsRight('104', '100', true)).toBe(true);
    expect(guessIsRight('106', '100', true)).toBe(false);
    expect(guessIsRight('104', '100', false)).toBe(false);
    expect(guessIsRight(null, null, false)).toBe(true);
    expect(guessIsRight('a', null, false)).toBe(false);
  });

  test('univariate predicates single out exactly one synthetic row', () => {
    const t = textTable({ x: ['1', '2', '2', '3', null], y: ['a', 'a', 'b', 'c', 'c'] });
    const numeric = new Map([['x', true], ['y', false]]);
    const ps = univariatePredicates(t, numeric, 100, streamKey(1, 't'));
    // x: is null, <= 1, >= 3, == 1, == 3 (the last two duplicate the extremes' matches but not their text); y: == b
    expect(ps).toHaveLength(6);
    expect(countMatches(t, ps, numeric).every((c) => c === 1)).toBe(true);
  });
});

describe('a synthetic table that copies the original', () => {
  const ori = people(600, 0);
  const ctl = people(600, 100_000);
  const ev = evaluateSynthetic({
    original: ori, synthetic: ori, control: ctl, auxA: ['age', 'sex', 'zip'], auxB: ['income'], secret: 'diagnosis', nAttacks: 300, seed: 7,
  });

  test('linkability risk is high and well above control', () => {
    expect(ev.linkability.main.rate).toBeGreaterThan(0.8);
    expect(ev.linkability.control!.high).toBeLessThan(ev.linkability.main.low);
    expect(ev.linkability.risk!.low).toBeGreaterThan(0.7);
    expect(ev.linkability.beatsBaseline).toBe(true);
  });

  test('inference risk is high and well above control', () => {
    expect(ev.inference.main.rate).toBeGreaterThan(0.95);
    expect(ev.inference.risk!.low).toBeGreaterThan(0.8);
  });

  test('singling-out risk is high and well above control', () => {
    expect(ev.singlingOut.nAttacks).toBe(300);
    expect(ev.singlingOut.main.rate).toBeGreaterThan(0.95);
    expect(ev.singlingOut.risk!.low).toBeGreaterThan(0.7);
  });

  test('every result explains itself in a sentence', () => {
    for (const r of [ev.linkability, ev.inference, ev.singlingOut]) expect(r.explanation).toMatch(/residual risk of \d+\.\d%/);
  });

  test('the evaluators are deterministic for a seed', () => {
    const again = evaluateSynthetic({
      original: ori, synthetic: ori, control: ctl, auxA: ['age', 'sex', 'zip'], auxB: ['income'], secret: 'diagnosis', nAttacks: 300, seed: 7,
    });
    expect(again).toEqual(ev);
  });
});

describe('no leak: residual risk near 0 (the interval reaches 0)', () => {
  const ori = flat(800, 0);
  const ctl = flat(800, 50_000);

  test('independent-marginals synthesis of a table with no structure: linkability and inference', () => {
    const syn = synthesizeMarginals(ori, { rows: 800, seed: 9 });
    const link = evaluateLinkability({ original: ori, synthetic: syn, control: ctl, auxA: ['a', 'b'], auxB: ['c', 'd'], nAttacks: 500, nNeighbors: 3, seed: 4 });
    expect(link.risk!.low).toBe(0);
    const inf = evaluateInference({ original: ori, synthetic: syn, control: ctl, aux: ['a', 'b', 'c', 'd'], secret: 'secret', nAttacks: 500, seed: 4 });
    expect(inf.risk!.low).toBe(0);
    expect(Math.abs(inf.main.rate - 0.25)).toBeLessThan(0.06);
  });

  test('a synthetic table drawn independently of the original: all three', () => {
    const o = people(600, 0);
    const c = people(600, 100_000);
    const syn = people(600, 200_000);
    const ev = evaluateSynthetic({ original: o, synthetic: syn, control: c, auxA: ['age', 'sex', 'zip'], auxB: ['income'], secret: 'diagnosis', nAttacks: 300, seed: 5 });
    for (const r of [ev.linkability, ev.inference, ev.singlingOut]) expect(r.risk!.low).toBe(0);
  });

  test('the marginal synthesizer copies rare values: singling out sees it', () => {
    const o = people(600, 0);
    const c = people(600, 100_000);
    const syn = synthesizeMarginals(o, { rows: 600, seed: 9 });
    const so = evaluateSinglingOut({ original: o, synthetic: syn, control: c, nAttacks: 300, seed: 5 });
    expect(so.risk!.low).toBeGreaterThan(0.3);
  });
});

describe('multivariate singling out', () => {
  const o = people(600, 0);
  const c = people(600, 100_000);

  test('a copy is singled out; an independent draw is not', () => {
    const copy = evaluateSinglingOut({ original: o, synthetic: o, control: c, nAttacks: 200, seed: 8, mode: 'multivariate', columns: ['age', 'sex', 'zip', 'diagnosis'] });
    expect(copy.mode).toBe('multivariate');
    expect(copy.nAttacks).toBe(200);
    expect(copy.successful.every((q) => q.length === 3)).toBe(true);
    expect(copy.main.rate).toBeGreaterThan(0.95);
    expect(copy.risk!.low).toBeGreaterThan(0.5);
    const indep = evaluateSinglingOut({ original: o, synthetic: people(600, 200_000), control: c, nAttacks: 200, seed: 8, mode: 'multivariate', columns: ['age', 'sex', 'zip', 'diagnosis'] });
    expect(indep.risk!.low).toBe(0);
  });

  test('queries are evaluated on equally many original and control rows', () => {
    const r = evaluateSinglingOut({ original: o, synthetic: o, control: people(300, 100_000), nAttacks: 100, seed: 2 });
    expect(r.comparedRows).toBe(300);
    expect(r.control!.n).toBe(r.main.n);
  });

  test('deterministic for a seed', () => {
    const a = evaluateSinglingOut({ original: o, synthetic: o, control: c, nAttacks: 50, seed: 1, mode: 'multivariate' });
    const b = evaluateSinglingOut({ original: o, synthetic: o, control: c, nAttacks: 50, seed: 1, mode: 'multivariate' });
    expect(a).toEqual(b);
  });
});
