// The corruption model: determinism, identity at zero rates, observed rates against configured ones on
// 50k records, and what the log says matches what was done.
import { describe, expect, test } from 'vitest';
import { below, streamKey } from '../src/random/prng.ts';
import { Corruption, corruptTable, describeCorruption, type ColumnSpec } from '../generators/adversary/corrupt/corrupt.ts';
import { NO_CORRUPTION } from '../generators/adversary/corrupt/rates.ts';
import { editDistance } from '../generators/adversary/corrupt/typo.ts';
import { nameVariants, nicknamePairs } from '../generators/adversary/corrupt/nicknames.ts';
import { parseDate } from '../generators/adversary/corrupt/dates.ts';

const FORMAL = [...new Set(nicknamePairs().map(([f]) => f))];
const SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez'];

function makeTable(n: number): Record<string, (string | null)[]> {
  const key = streamKey(7, 'corrupt-test-table');
  const given: string[] = [], surname: string[] = [], dob: string[] = [], zip: string[] = [], ssn: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    given.push(FORMAL[below(key, i, 0, FORMAL.length)]!);
    surname.push(SURNAMES[below(key, i, 1, SURNAMES.length)]!);
    const month = 1 + below(key, i, 2, 12);
    let day = 1 + below(key, i, 3, 12);
    if (day === month) day = day === 12 ? 1 : day + 1; // every date can be transposed
    dob.push(`${1920 + below(key, i, 4, 80)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    zip.push(String(10000 + below(key, i, 5, 89999)));
    ssn.push(i % 10 === 0 ? null : String(100000000 + below(key, i, 6, 800000000)));
  }
  return { given, surname, dob, zip, ssn };
}

const SPEC: Record<string, ColumnSpec> = {
  given: { kind: 'given_name', swapWith: 'surname' },
  surname: { kind: 'surname' },
  dob: { kind: 'date' },
  zip: { kind: 'zip' },
  ssn: { kind: 'ssn' },
};
const OPTS = { seed: 42, stream: 'voter-roll' };

describe('corruptTable', () => {
  const small = makeTable(2000);

  test('determinism: same (seed, stream) -> same output and log; another stream differs', () => {
    const a = corruptTable(small, SPEC, OPTS);
    const b = corruptTable(small, SPEC, OPTS);
    expect(b).toEqual(a);
    const c = corruptTable(small, SPEC, { ...OPTS, stream: 'broker' });
    expect(c.columns.given).not.toEqual(a.columns.given);
    expect(small.given![0]).toBe(makeTable(1).given![0]); // input untouched
  });

  test('a cell depends on its record index only: a prefix of the table corrupts the same', () => {
    const spec: Record<string, ColumnSpec> = { surname: { kind: 'surname' }, dob: { kind: 'date' } }; // no value swaps of other rows
    const noSwap = { surname: { ...spec.surname!, rates: { valueSwap: 0 } }, dob: { ...spec.dob!, rates: { valueSwap: 0 } } };
    const full = corruptTable(small, noSwap, OPTS);
    const prefix = corruptTable({ surname: small.surname!.slice(0, 500), dob: small.dob!.slice(0, 500) }, noSwap, OPTS);
    expect(prefix.columns.surname).toEqual(full.columns.surname!.slice(0, 500));
    expect(Array.from(prefix.log.dob!)).toEqual(Array.from(full.log.dob!.slice(0, 500)));
  });

  test('zero rates are the identity', () => {
    const zero = Object.fromEntries(Object.entries(SPEC).map(([k, s]) => [k, { ...s, rates: NO_CORRUPTION }]));
    const r = corruptTable(small, zero, OPTS);
    expect(r.columns).toEqual(small);
    for (const codes of Object.values(r.log)) expect(codes.every((c) => c === 0)).toBe(true);
  });

  test('bad input gets a clear error', () => {
    expect(() => corruptTable(small, { nope: { kind: 'text' } }, OPTS)).toThrow(/does not have/);
    expect(() => corruptTable(small, { zip: { kind: 'zip', rates: { typo: 1.5 } } }, OPTS)).toThrow(/typo must lie in \[0, 1\]/);
    expect(() => corruptTable({ a: ['x'], b: [] }, {}, OPTS)).toThrow(/has 0 rows/);
    expect(() => corruptTable(small, { zip: { kind: 'zip', swapWith: 'surname' } }, OPTS)).toThrow(/swapWith is for given_name/);
  });
});

describe('observed rates on 50k records', () => {
  const N = 50_000;
  const table = makeTable(N);
  const rates = {
    given: { missing: 0.02, valueSwap: 0.01, nickname: 0.1, nameSwap: 0.05, typo: 0.05 },
    surname: { missing: 0.01, valueSwap: 0, typo: 0.08 },
    dob: { missing: 0.03, valueSwap: 0, transposeDayMonth: 0.04, dayOffByOne: 0.02, yearOffByOne: 0.01 },
    zip: { missing: 0.02, valueSwap: 0.01, typo: 0.03 },
  };
  const spec: Record<string, ColumnSpec> = {
    given: { kind: 'given_name', swapWith: 'surname', rates: rates.given },
    surname: { kind: 'surname', rates: rates.surname },
    dob: { kind: 'date', rates: rates.dob },
    zip: { kind: 'zip', rates: rates.zip },
  };
  const out = corruptTable(table, spec, { seed: 3, stream: 'rates' });
  const share = (col: string, flag: number) => out.log[col]!.reduce((s, c) => s + ((c & flag) !== 0 ? 1 : 0), 0) / N;
  /** Within 4.5 binomial standard deviations of p. */
  const near = (observed: number, p: number) => expect(Math.abs(observed - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N) + 1e-9);
  const TYPO = Corruption.TYPO_INSERT | Corruption.TYPO_DELETE | Corruption.TYPO_SUBSTITUTE | Corruption.TYPO_TRANSPOSE;

  test('missing, typo, nickname, name swap, value swap, date edits', () => {
    near(share('given', Corruption.NAME_SWAP), rates.given.nameSwap);
    near(share('surname', Corruption.NAME_SWAP), rates.given.nameSwap);
    near(share('given', Corruption.MISSING), rates.given.missing);
    near(share('surname', Corruption.MISSING), rates.surname.missing);
    near(share('given', TYPO), rates.given.typo * (1 - rates.given.missing));
    near(share('surname', TYPO), rates.surname.typo * (1 - rates.surname.missing));
    near(share('zip', TYPO), rates.zip.typo * (1 - rates.zip.missing));
    near(share('dob', Corruption.MISSING), rates.dob.missing);
    near(share('dob', Corruption.DATE_TRANSPOSE), rates.dob.transposeDayMonth * (1 - rates.dob.missing));
    near(share('dob', Corruption.DATE_DAY), rates.dob.dayOffByOne * (1 - rates.dob.missing));
    near(share('dob', Corruption.DATE_YEAR), rates.dob.yearOffByOne * (1 - rates.dob.missing));
    // zip values are nearly all distinct, so a swap almost always changes the value
    near(share('zip', Corruption.VALUE_SWAP), rates.zip.valueSwap * (1 - rates.zip.missing));
    // every formal name has a variant; a name swapped in from the surname column may not
    const nick = share('given', Corruption.NICKNAME);
    const expected = rates.given.nickname * (1 - rates.given.missing) * (1 - rates.given.nameSwap);
    expect(nick).toBeGreaterThan(expected - 4.5 * Math.sqrt((expected * (1 - expected)) / N));
    expect(nick).toBeLessThan(rates.given.nickname * (1 - rates.given.missing) + 0.01);
    expect(share('dob', TYPO)).toBe(0); // date kind has no typo by default
  });

  test('the log tells the truth about each cell', () => {
    for (let i = 0; i < N; i++) {
      const g = out.log.given![i]!;
      const before = (g & Corruption.NAME_SWAP) !== 0 ? table.surname![i]! : table.given![i]!;
      const after = out.columns.given![i];
      if (g === 0) expect(after).toBe(table.given![i]);
      if (g & Corruption.MISSING) expect(after).toBeNull();
      if (g === Corruption.NICKNAME) expect(nameVariants(before)).toContain(after);
      if (g === Corruption.TYPO_TRANSPOSE) expect(editDistance(before, after!)).toBe(2);
      if (g === Corruption.TYPO_SUBSTITUTE || g === Corruption.TYPO_INSERT || g === Corruption.TYPO_DELETE) expect(editDistance(before, after!)).toBe(1);
      const d = out.log.dob![i]!;
      if (d === Corruption.DATE_TRANSPOSE) {
        const [y, m, dd] = table.dob![i]!.split('-');
        expect(out.columns.dob![i]).toBe(`${y}-${dd}-${m}`);
      }
      if (d !== 0 && !(d & Corruption.MISSING)) expect(parseDate(out.columns.dob![i]!)).not.toBeNull();
      const z = out.log.zip![i]!;
      if (z & TYPO && out.columns.zip![i] !== null) expect(out.columns.zip![i]).toMatch(/^\d+$/);
    }
    expect(describeCorruption(Corruption.NICKNAME | Corruption.TYPO_DELETE)).toEqual(['NICKNAME', 'TYPO_DELETE']);
  });
});
