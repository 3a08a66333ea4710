// Scoring links against truth held apart: hand examples, a naive recomputation, order invariance,
// perfect linkage, dedupe true-pair counting and the precision-recall curve.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { explainLinkScore } from '../attacks/score/explain.ts';
import { countTruePairs, precisionRecallCurve, scoreLinks, type Links } from '../attacks/score/links.ts';

const links = (pairs: [number, number, number?][]): Links => ({
  left: Int32Array.from(pairs, (p) => p[0]),
  right: Int32Array.from(pairs, (p) => p[1]),
  score: Float64Array.from(pairs, (p) => p[2] ?? 1),
});

describe('scoreLinks', () => {
  // left people 10..14; right has 10, 11, 12 and two strangers
  const truthLeft = [10, 11, 12, 13, 14];
  const truthRight = [12, 99, 10, 11, 98];

  test('hand example: TP, FP, FN, precision, recall, F1, false matches', () => {
    const s = scoreLinks(links([[0, 2, 0.9], [1, 3, 0.8], [3, 1, 0.7], [4, 4, 0.2]]), truthLeft, truthRight);
    expect(s.truePairs).toBe(3);
    expect(s.truePositives).toBe(2);
    expect(s.falsePositives).toBe(2);
    expect(s.falseNegatives).toBe(1);
    expect(s.precision.point).toBe(0.5);
    expect(s.recall.point).toBeCloseTo(2 / 3, 15);
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 15);
    expect(s.reidentified.point).toBe(2 / 5);
    expect(s.reidentifiedLinkable.point).toBe(2 / 3);
    expect(s.falseMatches).toEqual([
      { leftRow: 3, rightRow: 1, leftPerson: 13, rightPerson: 99, score: 0.7 },
      { leftRow: 4, rightRow: 4, leftPerson: 14, rightPerson: 98, score: 0.2 },
    ]);
    const hi = scoreLinks(links([[0, 2, 0.9], [1, 3, 0.8], [3, 1, 0.7], [4, 4, 0.2]]), truthLeft, truthRight, { threshold: 0.75 });
    expect([hi.truePositives, hi.falsePositives, hi.precision.point]).toEqual([2, 0, 1]);
  });

  test('duplicate pairs count once; truePairs override; bad input is named', () => {
    const s = scoreLinks(links([[0, 2], [0, 2], [0, 2]]), truthLeft, truthRight, { truePairs: 10 });
    expect(s.links).toBe(1);
    expect(s.falseNegatives).toBe(9);
    expect(() => scoreLinks(links([[5, 0]]), truthLeft, truthRight)).toThrow(/outside the 5 rows/);
    expect(() => scoreLinks({ left: new Int32Array(2), right: new Int32Array(1) }, truthLeft, truthRight)).toThrow(/2 left rows but 1/);
    expect(() => scoreLinks({ left: new Int32Array(1), right: new Int32Array(1) }, truthLeft, truthRight, { threshold: 0.5 })).toThrow(/threshold needs scores/);
  });

  test('a perfect linkage gives precision = recall = 1', () => {
    const perfect = links([[0, 2], [1, 3], [2, 0]]);
    const s = scoreLinks(perfect, truthLeft, truthRight);
    expect(s.precision.point).toBe(1);
    expect(s.recall.point).toBe(1);
    expect(s.f1).toBe(1);
    expect(s.reidentifiedLinkable.point).toBe(1);
    expect(s.falseMatches).toEqual([]);
  });

  test('dedupe: true pairs are C(rows, 2) per person; (a,b) = (b,a); self-links ignored', () => {
    const t = [1, 1, 1, 2, 2, 3];
    expect(countTruePairs(t, t, true)).toBe(3 + 1);
    expect(countTruePairs(t, t)).toBe(9 + 4 + 1);
    const s = scoreLinks(links([[0, 1], [1, 0], [2, 2], [3, 4], [0, 5]]), t, t, { dedupe: true });
    expect(s.links).toBe(3);
    expect(s.truePositives).toBe(2);
    expect(s.falsePositives).toBe(1);
    expect(s.falseNegatives).toBe(2);
    expect(s.reidentified.k).toBe(4); // rows 0, 1, 3, 4
  });
});

/** Random truth and random links, small enough to enumerate every pair. */
const caseArb = fc
  .record({
    left: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 20 }),
    right: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 20 }),
    seed: fc.nat(),
  })
  .chain(({ left, right, seed }) =>
    fc.record({
      left: fc.constant(left),
      right: fc.constant(right),
      seed: fc.constant(seed),
      pairs: fc.array(
        fc.tuple(fc.integer({ min: 0, max: left.length - 1 }), fc.integer({ min: 0, max: right.length - 1 }), fc.integer({ min: 0, max: 5 })),
        { maxLength: 40 },
      ),
    }),
  );

describe('properties', () => {
  test('matches a naive recomputation; pair order changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 6 }), ({ left, right, pairs, seed }, threshold) => {
        const l = links(pairs.map(([a, b, s]) => [a, b, s]));
        const s = scoreLinks(l, left, right, { threshold });
        // naive: distinct (a, b) with the max score over duplicates >= threshold
        const best = new Map<string, number>();
        for (const [a, b, sc] of pairs) best.set(`${a},${b}`, Math.max(best.get(`${a},${b}`) ?? -Infinity, sc));
        let tp = 0, fp = 0;
        for (const [key, sc] of best) {
          if (sc < threshold) continue;
          const [a, b] = key.split(',').map(Number) as [number, number];
          if (left[a] === right[b]) tp++; else fp++;
        }
        let truePairs = 0;
        for (const x of left) for (const y of right) if (x === y) truePairs++;
        expect(s.truePositives).toBe(tp);
        expect(s.falsePositives).toBe(fp);
        expect(s.truePairs).toBe(truePairs);
        expect(s.falseNegatives).toBe(truePairs - tp);
        if (tp + fp > 0) expect(s.precision.point).toBe(tp / (tp + fp));
        if (truePairs > 0) expect(s.recall.point).toBe(tp / truePairs);
        // shuffle the pairs
        const order = pairs.map((_, i) => i).sort((i, j) => ((i * 7919 + seed) % 101) - ((j * 7919 + seed) % 101) || i - j);
        const shuffled = scoreLinks(links(order.map((i) => pairs[i]!)), left, right, { threshold });
        const strip = (x: typeof s) => ({ ...x, falseMatches: [...x.falseMatches].sort((a, b) => a.leftRow - b.leftRow || a.rightRow - b.rightRow) });
        expect(strip(shuffled)).toEqual(strip(s));
      }),
    );
  });

  test('precision-recall curve agrees with scoreLinks at every threshold', () => {
    fc.assert(
      fc.property(caseArb, ({ left, right, pairs }) => {
        if (pairs.length === 0) return;
        const l = links(pairs.map(([a, b, s]) => [a, b, s]));
        const curve = precisionRecallCurve(l, left, right);
        for (let i = 1; i < curve.length; i++) expect(curve[i]!.threshold).toBeLessThan(curve[i - 1]!.threshold);
        for (const point of curve) {
          const s = scoreLinks(l, left, right, { threshold: point.threshold });
          expect(point.truePositives).toBe(s.truePositives);
          expect(point.falsePositives).toBe(s.falsePositives);
          expect(point.precision).toBe(s.precision.point);
        }
      }),
    );
  });
});

describe('explanations', () => {
  test('link scores explain themselves', () => {
    const s = scoreLinks(links([[0, 2], [1, 3], [3, 1]]), [10, 11, 12, 13, 14], [12, 99, 10, 11, 98]);
    const e = explainLinkScore(s);
    expect(e.precision.explanation).toMatch(/Of the 3 links the attack claimed, 2 joined/);
    expect(e.recall.explanation).toMatch(/2 of the 3 pairs/);
    expect(Object.values(e).every((x) => x.explanation.endsWith('.'))).toBe(true);
  });
});
