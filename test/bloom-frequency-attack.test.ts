// The frequency attack on Bloom-filter encodings (attacks/bloom/frequency-attack.ts), the Dice linkage
// the holders run (attacks/bloom/dice-link.ts) and balanced filters (safeguards/identifiers/balanced-filter.ts).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { expectedBits, frequencyAttack, rankedNames, type BloomScheme } from '../attacks/bloom/frequency-attack.ts';
import { diceLink, exactLink, similarity } from '../attacks/bloom/dice-link.ts';
import { clkEncoder } from '../safeguards/identifiers/clk-encoder.ts';
import { balancer } from '../safeguards/identifiers/balanced-filter.ts';
import { popcount } from '../safeguards/identifiers/bit-strings.ts';
import { qgrams } from '../safeguards/identifiers/qgrams.ts';

const scheme: BloomScheme = { q: 2, k: 20, length: 1000, padded: true };
const bytes = (s: string) => new TextEncoder().encode(s);
const encoder = (salt = '') => clkEncoder({ keys: [bytes(`first key of the test${salt}`), bytes(`second key of the test${salt}`)], ...scheme });

/** Names with distinct frequencies: name j occurs (NAMES.length - j) * 3 times, then 30 names once each. */
const NAMES = ['JAMES', 'MARY', 'ROBERT', 'PATRICIA', 'JOHN', 'LINDA', 'MICHAEL', 'BARBARA', 'DAVID', 'ELIZABETH'];
function population(): string[] {
  const out: string[] = [];
  NAMES.forEach((n, j) => {
    for (let c = 0; c < (NAMES.length - j) * 3; c++) out.push(n);
  });
  for (let r = 0; r < 30; r++) out.push(`RARE${String.fromCharCode(65 + r)}NAME`);
  return out;
}

describe('frequencyAttack', () => {
  test('with the true frequencies as its public list, it recovers every name of a distinct frequency', () => {
    const records = population();
    const e = encoder();
    const encodings = records.map((n) => e.encode([n]));
    const { guesses, alignments } = frequencyAttack(encodings, records);
    // naive: a record is recovered when its name occurs at least twice (the 10 frequent names)
    let right = 0;
    records.forEach((n, i) => (right += guesses[i] === n ? 1 : 0));
    const expected = records.filter((n) => !n.startsWith('RARE')).length;
    expect(right).toBe(expected);
    expect(alignments.length).toBe(NAMES.length);
    expect(guesses.filter((g, i) => g !== null && g !== records[i])).toEqual([]);
  });

  test('records are recovered whatever order the holder lists them in (fast-check)', () => {
    const records = population();
    const e = encoder();
    fc.assert(
      fc.property(fc.shuffledSubarray(records.map((_, i) => i), { minLength: records.length, maxLength: records.length }), (order) => {
        const shuffled = order.map((i) => records[i]!);
        const { guesses } = frequencyAttack(shuffled.map((n) => e.encode([n])), records);
        shuffled.forEach((n, i) => expect(guesses[i]).toBe(n.startsWith('RARE') ? null : n));
      }),
      { numRuns: 20 },
    );
  });

  test('minCount and top bound what is attacked', () => {
    const records = population();
    const e = encoder();
    const encodings = records.map((n) => e.encode([n]));
    const top3 = frequencyAttack(encodings, records, { top: 3 });
    expect(new Set(top3.guesses.filter((g) => g !== null))).toEqual(new Set(NAMES.slice(0, 3)));
    // minCount 1: the 30 rare names are aligned too (with names of equal frequency: arbitrary)
    expect(frequencyAttack(encodings, records, { minCount: 1 }).alignments.length).toBe(NAMES.length + 30);
    // minCount above the largest group: nothing
    expect(frequencyAttack(encodings, records, { minCount: 31 }).guesses.every((g) => g === null)).toBe(true);
  });

  test('a salt per record leaves no equal encodings, so nothing is attacked', () => {
    const records = population();
    const encodings = records.map((n, i) => encoder(`:${i}`).encode([n]));
    expect(frequencyAttack(encodings, records).guesses.every((g) => g === null)).toBe(true);
  });

  test('the fill refinement puts a name of the right length on a group whose rank is off', () => {
    // The holder's two most frequent names swap ranks in the public list; their lengths differ, so the fill tells them apart.
    const holder = [...Array(10).fill('ELIZABETH'), ...Array(8).fill('AL'), ...Array(3).fill('BOB')];
    const publicList = [...Array(100).fill('AL'), ...Array(90).fill('ELIZABETH'), ...Array(50).fill('BOB')];
    const e = encoder();
    const encodings = holder.map((n) => e.encode([n]));
    const byRank = frequencyAttack(encodings, publicList);
    expect(byRank.guesses[0]).toBe('AL');
    const refined = frequencyAttack(encodings, publicList, { window: 2, scheme });
    holder.forEach((n, i) => expect(refined.guesses[i]).toBe(n));
  });

  test('expected fill is the mean popcount of field filters (within 2%)', () => {
    const e = encoder();
    for (const name of ['AL', 'JAMES', 'ELIZABETH', 'BARTHOLOMEW']) {
      const grams = qgrams(name, scheme.q, scheme.padded).length;
      expect(Math.abs(popcount(e.encode([name])!) - expectedBits(grams, scheme)) / expectedBits(grams, scheme)).toBeLessThan(0.06);
    }
    // averaged over many values of 7 distinct bigrams (6 distinct letters) the formula is closer
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const values = Array.from({ length: 300 }, (_, i) => Array.from({ length: 6 }, (_, j) => letters[(i * 7 + j * (1 + (i % 4))) % 26]).join('')).filter((v) => new Set(v).size === 6);
    expect(values.length).toBeGreaterThan(100);
    const mean = values.reduce((a, v) => a + popcount(e.encode([v])!), 0) / values.length;
    const grams = qgrams(values[0]!, 2, true).length;
    expect(grams).toBe(7);
    expect(Math.abs(mean - expectedBits(grams, scheme)) / expectedBits(grams, scheme)).toBeLessThan(0.02);
  });

  test('rankedNames: by count, then alphabetical; empty and null skipped', () => {
    expect(rankedNames(['B', 'A', 'B', null, '', 'C', 'A'])).toEqual([
      { name: 'A', count: 2 },
      { name: 'B', count: 2 },
      { name: 'C', count: 1 },
    ]);
  });

  test('options are checked', () => {
    expect(() => frequencyAttack([], [], { minCount: 0 })).toThrow(/minCount/);
    expect(() => frequencyAttack([], [], { window: 2 })).toThrow(/scheme/);
  });
});

/** Naive greedy one-to-one: every pair of the same block, best first. */
function naiveGreedy(left: Uint8Array[][], right: Uint8Array[][], bl: string[], br: string[], threshold: number): string[] {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < left.length; i++)
    for (let j = 0; j < right.length; j++) {
      if (bl[i] !== br[j]) continue;
      let s = 0;
      for (let f = 0; f < left[i]!.length; f++) {
        let both = 0;
        let total = 0;
        for (let b = 0; b < 8 * left[i]![f]!.length; b++) {
          const x = (left[i]![f]![b >> 3]! >> (7 - (b & 7))) & 1;
          const y = (right[j]![f]![b >> 3]! >> (7 - (b & 7))) & 1;
          both += x & y;
          total += x + y;
        }
        s += total ? (2 * both) / total : 0;
      }
      s /= left[i]!.length;
      if (s >= threshold) pairs.push([s, i, j]);
    }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const ul = new Set<number>();
  const ur = new Set<number>();
  const out: string[] = [];
  for (const [, i, j] of pairs) {
    if (ul.has(i) || ur.has(j)) continue;
    ul.add(i);
    ur.add(j);
    out.push(`${i}-${j}`);
  }
  return out.sort();
}

describe('diceLink', () => {
  const word = fc.stringMatching(/^[A-E]{2,6}$/);
  test('equals a naive all-pairs greedy one-to-one linkage within blocks (fast-check)', () => {
    const e = encoder();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, word, fc.constantFrom('1940', '1941')), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(word, word, fc.constantFrom('1940', '1941')), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (a, b, threshold) => {
          const enc = (r: [string, string, string]) => [e.encode([r[0]])!, e.encode([r[1]])!];
          const left = a.map(enc);
          const right = b.map(enc);
          const links = diceLink(left, right, { threshold, blockLeft: a.map((r) => r[2]), blockRight: b.map((r) => r[2]) });
          const got = Array.from(links.left, (l, i) => `${l}-${links.right[i]}`).sort();
          expect(got).toEqual(naiveGreedy(left, right, a.map((r) => r[2]), b.map((r) => r[2]), threshold));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a typo keeps a name above the threshold; another name falls below it', () => {
    const e = encoder();
    expect(similarity([e.encode(['CATHERINE'])!], [e.encode(['CATHERNE'])!])).toBeGreaterThan(0.8);
    expect(similarity([e.encode(['CATHERINE'])!], [e.encode(['ROBERT'])!])).toBeLessThan(0.5);
  });

  test('records without a block or an encoding are linked to nobody', () => {
    const e = encoder();
    const f = [e.encode(['SMITH'])!];
    const links = diceLink([f, null, f], [f, f], { threshold: 0.5, blockLeft: ['1', '1', null], blockRight: ['1', '1'] });
    expect(Array.from(links.left)).toEqual([0]);
  });
});

describe('exactLink', () => {
  test('links a key only when it occurs once on each side', () => {
    const l = exactLink(['a', 'b', 'b', 'c', null], ['c', 'a', 'b', null, 'd']);
    expect(Array.from(l.left, (x, i) => `${x}-${l.right[i]}`).sort()).toEqual(['0-1', '3-0']);
  });
});

describe('balanced filters', () => {
  test('every balanced filter sets exactly l bits; equal values stay equal, different values different', () => {
    const e = encoder();
    const balance = balancer(scheme.length, 7);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,12}$/), fc.stringMatching(/^[A-Z]{1,12}$/), (a, b) => {
        const fa = balance(e.encode([a])!);
        expect(popcount(fa)).toBe(scheme.length);
        expect(balance(e.encode([a])!)).toEqual(fa);
        if (a !== b) expect(balance(e.encode([b])!)).not.toEqual(fa);
      }),
      { numRuns: 50 },
    );
  });
});
