// The baseline marginal synthesizer (safeguards/synthesize/marginals.ts).
import { describe, expect, test } from 'vitest';
import { synthesizeMarginals } from '../safeguards/synthesize/marginals.ts';
import { below, streamKey } from '../src/random/prng.ts';
import { textTable, textsOf } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';

type Texts = Record<string, (string | null)[]>;
/** The table's columns as text, for the naive checks below. */
const texts = (t: Table): Texts => Object.fromEntries(t.names.map((n) => [n, textsOf(t, n)]));

function source(n: number): Texts {
  const key = streamKey(5, 'test:marginals');
  const colour: (string | null)[] = [];
  const size: (string | null)[] = [];
  const shade: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const u = below(key, i, 0, 100);
    const c = u < 50 ? 'red' : u < 80 ? 'green' : u < 95 ? 'blue' : null;
    colour.push(c);
    size.push(String(below(key, i, 1, 5)));
    // shade is a function of colour: perfectly dependent
    shade.push(c === null ? null : `${c}-${below(key, i, 2, 2)}`);
  }
  return { colour, size, shade };
}

function shares(col: (string | null)[]): Map<string | null, number> {
  const m = new Map<string | null, number>();
  for (const v of col) m.set(v, (m.get(v) ?? 0) + 1);
  for (const [k, c] of m) m.set(k, c / col.length);
  return m;
}

/** Pearson chi-square of observed counts against the source shares. */
function chiSquare(observed: (string | null)[], expected: Map<string | null, number>): number {
  const obs = new Map<string | null, number>();
  for (const v of observed) obs.set(v, (obs.get(v) ?? 0) + 1);
  let x2 = 0;
  for (const [k, p] of expected) {
    const e = p * observed.length;
    x2 += ((obs.get(k) ?? 0) - e) ** 2 / e;
  }
  for (const k of obs.keys()) if (!expected.has(k)) return Infinity;
  return x2;
}

describe('synthesizeMarginals', () => {
  const src = source(2000);

  test('keeps every marginal (chi-square within the 99.9% quantile)', () => {
    const syn = texts(synthesizeMarginals(textTable(src), { rows: 5000, seed: 1 }));
    expect(Object.keys(syn)).toEqual(['colour', 'size', 'shade']);
    expect(syn.colour).toHaveLength(5000);
    // 99.9% chi-square quantiles: df 3 -> 16.27, df 4 -> 18.47, df 6 -> 22.46
    expect(chiSquare(syn.colour!, shares(src.colour!))).toBeLessThan(16.27);
    expect(chiSquare(syn.size!, shares(src.size!))).toBeLessThan(18.47);
    expect(chiSquare(syn.shade!, shares(src.shade!))).toBeLessThan(22.46);
  });

  test('is deterministic for a seed and changes with it', () => {
    const a = synthesizeMarginals(textTable(src), { rows: 300, seed: 'x', keepPairs: [['colour', 'shade']] });
    const b = synthesizeMarginals(textTable(src), { rows: 300, seed: 'x', keepPairs: [['colour', 'shade']] });
    const c = synthesizeMarginals(textTable(src), { rows: 300, seed: 'y', keepPairs: [['colour', 'shade']] });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('independent columns break the dependence; keepPairs keeps it', () => {
    const consistent = (t: Texts): number =>
      t.colour!.filter((c, i) => (c === null ? t.shade![i] === null : t.shade![i]?.startsWith(`${c}-`))).length / t.colour!.length;
    expect(consistent(src)).toBe(1);
    expect(consistent(texts(synthesizeMarginals(textTable(src), { rows: 2000, seed: 2 })))).toBeLessThan(0.6);
    const kept = texts(synthesizeMarginals(textTable(src), { rows: 2000, seed: 2, keepPairs: [['colour', 'shade']] }));
    expect(consistent(kept)).toBe(1);
    expect(chiSquare(kept.shade!, shares(src.shade!))).toBeLessThan(22.46);
  });

  test('rejects bad pairs', () => {
    expect(() => synthesizeMarginals(textTable(src), { rows: 1, seed: 1, keepPairs: [['colour', 'nope']] })).toThrow();
    expect(() => synthesizeMarginals(textTable(src), { rows: 1, seed: 1, keepPairs: [['colour', 'shade'], ['size', 'shade']] })).toThrow();
    expect(() => synthesizeMarginals(textTable(src), { rows: 1, seed: 1, keepPairs: [['shade', 'size'], ['colour', 'shade']] })).toThrow();
  });
});
