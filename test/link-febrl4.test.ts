// FEBRL4 (bench/data/febrl4): every field compared, trained with reident's training (no truth used),
// linked one-to-one: precision and recall against the rec_id truth, each at least 0.99. u is sampled
// from a 100,000-pair budget here (the bench uses Splink's default, 1e6) to keep the test short;
// both recipes reach the same figures at either budget (bench/README.md).
import { describe, expect, test } from 'vitest';
import { benchFebrl4 } from '../bench/febrl4.ts';
import { readFebrl4 } from '../bench/febrl4-data.ts';

describe('FEBRL4 benchmark', () => {
  test('the files hold 5,000 records each, and every record of B is the duplicate of one of A (the truth ids)', () => {
    const { left, right } = readFebrl4();
    expect(left.table.rows).toBe(5000);
    expect(right.table.rows).toBe(5000);
    expect(new Set(left.truth).size).toBe(5000);
    const ids = new Set(left.truth);
    expect([...right.truth].every((id) => ids.has(id))).toBe(true);
    expect(left.table.names).toEqual(['given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id']);
  });

  test.each(['reident defaults', "Splink's demo recipe"] as const)('%s: precision and recall >= 0.99', (recipe) => {
    const r = benchFebrl4(recipe, { maxPairsForU: 1e5 });
    expect(r.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
    // the prior is estimated near the truth, 5,000 matches in 25,000,000 pairs, without looking at it
    expect(r.lambda).toBeGreaterThan(1e-4);
    expect(r.lambda).toBeLessThan(4e-4);
  });
});
