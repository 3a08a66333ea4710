// SSN candidate spaces, hash inversion by enumeration, name + birth date inversion and the HMAC defence.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  ISSUABLE_SPACE, SYNTHETIC_SPACE, WHOLE_SPACE, formatCandidate, indexOfSsn, scanCandidates, ssnAt, ssnSpace,
} from '../attacks/hash/ssn-space.ts';
import { invertHashes, invertNameDob, nameDobText } from '../attacks/hash/invert.ts';
import { hmacDefence } from '../attacks/hash/hmac.ts';
import { applyPipeline } from '../safeguards/registry.ts';
import { tableOf, textColumn, valueAt } from '../src/table/table.ts';
import * as generated from '../generators/population/ssn.ts';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const md5 = (t: string) => createHash('md5').update(t).digest('hex');
/** Fixed pseudo-random indices (a Weyl sequence), so the test is deterministic. */
const picks = (n: number, from: number, width: number) => Array.from({ length: n }, (_, i) => from + Math.floor((((i + 1) * 0.6180339887) % 1) * width));

describe('SSN candidate spaces', () => {
  test('sizes: 10^9 whole, 888,931,098 issuable, 54,994,500 synthetic', () => {
    expect(WHOLE_SPACE.size).toBe(1_000_000_000);
    expect(ISSUABLE_SPACE.size).toBe(888_931_098);
    expect(SYNTHETIC_SPACE.size).toBe(54_994_500);
    expect(ssnSpace({ areas: [[0, 999]], groups: [[0, 99]], serials: 'all' }).size).toBe(1e9);
    // A state of issue (California's pre-2011 areas 545-573), all groups.
    expect(ssnSpace({ name: 'CA', areas: [[545, 573]], groups: [[1, 99]] }).size).toBe(29 * 99 * 9999);
  });

  test('the issuable and synthetic spaces match the generator (same numbers, same order)', () => {
    for (const [ours, theirs] of [[ISSUABLE_SPACE, generated.ISSUABLE_SPACE], [SYNTHETIC_SPACE, generated.SYNTHETIC_SPACE]] as const) {
      expect(ours.size).toBe(theirs.size);
      for (const k of [0, 1, 9998, 9999, ...picks(200, 0, ours.size), ours.size - 1]) expect(ssnAt(ours, k)).toBe(theirs.at(k));
    }
    for (const k of picks(200, 0, ISSUABLE_SPACE.size)) expect(generated.isIssuable(ssnAt(ISSUABLE_SPACE, k))).toBe(true);
  });

  test('index <-> candidate round trip, and out-of-space numbers', () => {
    for (const sp of [WHOLE_SPACE, ISSUABLE_SPACE, SYNTHETIC_SPACE, ssnSpace({ areas: [[1, 3], [400, 407]], groups: [[10, 20]] })]) {
      for (const k of [0, sp.size - 1, ...picks(300, 0, sp.size)]) expect(indexOfSsn(sp, ssnAt(sp, k))).toBe(k);
      expect(() => ssnAt(sp, sp.size)).toThrow(RangeError);
    }
    expect(indexOfSsn(ISSUABLE_SPACE, 666_12_3456)).toBe(-1);
    expect(indexOfSsn(ISSUABLE_SPACE, 123_00_4567)).toBe(-1);
    expect(indexOfSsn(ISSUABLE_SPACE, 123_45_0000)).toBe(-1);
    expect(() => ssnSpace({ areas: [[5, 1]], groups: [[1, 99]] })).toThrow(/area range/);
  });

  test('the scan writes the same text as formatCandidate, across group and area boundaries', () => {
    const sp = ssnSpace({ areas: [[8, 9], [665, 667]], groups: [[98, 99]], serials: 'all' });
    for (const format of ['digits', 'dashed'] as const) {
      const block = new Uint8Array(64);
      const len = format === 'digits' ? 9 : 11;
      const seen: number[] = [];
      const n = scanCandidates(sp, format, 9_995, 40_005, block, (ssn) => {
        seen.push(ssn);
        expect(new TextDecoder().decode(block.subarray(0, len))).toBe(formatCandidate(ssn, format));
        return false;
      });
      expect(n).toBe(30_010);
      expect(seen).toEqual(Array.from({ length: 30_010 }, (_, i) => ssnAt(sp, 9_995 + i)));
    }
    expect(formatCandidate(1_02_0003, 'dashed')).toBe('001-02-0003');
    expect(formatCandidate(1_02_0003, 'digits')).toBe('001020003');
  });
});

describe('inverting unsalted hashes of SSNs', () => {
  const start = 123_456_789 % ISSUABLE_SPACE.size;
  const end = start + 200_000;
  const ssns = picks(5, start, end - start).map((k) => ssnAt(ISSUABLE_SPACE, k));
  const outside = ssnAt(ISSUABLE_SPACE, end + 10);

  test.each([
    ['sha256', 'dashed'], ['sha256', 'digits'], ['md5', 'dashed'], ['md5', 'digits'],
  ] as const)('%s of %s SSNs: finds exactly the SSNs in the slice', (algorithm, format) => {
    const hash = algorithm === 'md5' ? md5 : sha256;
    const targets = [...ssns, outside].map((s) => hash(formatCandidate(s, format)));
    const r = invertHashes(targets, ISSUABLE_SPACE, { algorithm, format, start, end });
    expect(r.tried).toBe(end - start);
    expect(r.targets).toBe(6);
    expect(r.found.map((f) => f.value)).toEqual([...ssns].sort((a, b) => a - b));
    for (const f of r.found) expect(f.digest).toBe(hash(f.ssn));
    expect(r.found[0]!.ssn).toBe(formatCandidate(r.found[0]!.value, format));
  });

  test('guessing the wrong format finds nothing; upper-case hex digests are accepted', () => {
    const targets = ssns.map((s) => sha256(formatCandidate(s, 'dashed')).toUpperCase());
    expect(invertHashes(targets, ISSUABLE_SPACE, { algorithm: 'sha256', format: 'digits', start, end }).found).toEqual([]);
    expect(invertHashes(targets, ISSUABLE_SPACE, { algorithm: 'sha256', format: 'dashed', start, end }).found).toHaveLength(5);
  });

  test('stops early once every target is found', () => {
    const first = ssnAt(ISSUABLE_SPACE, start + 10);
    const r = invertHashes([sha256(formatCandidate(first, 'digits'))], ISSUABLE_SPACE, { algorithm: 'sha256', format: 'digits', start, end });
    expect(r.tried).toBe(11);
    expect(r.found.map((f) => f.value)).toEqual([first]);
  });

  test('a malformed digest is an error naming it', () => {
    expect(() => invertHashes(['abc'], WHOLE_SPACE, { algorithm: 'sha256', format: 'digits', end: 10 })).toThrow(/'abc' is not a sha256 digest/);
    expect(() => invertHashes([sha256('x')], WHOLE_SPACE, { algorithm: 'md5', format: 'digits', end: 10 })).toThrow(/md5 digest/);
  });
});

describe('the HMAC defence', () => {
  test('with a secret key, enumeration recovers nothing; with the leaked key, everything', () => {
    const start = 5_000_000;
    const end = start + 50_000;
    const ssns = picks(4, start, end - start).map((k) => ssnAt(SYNTHETIC_SPACE, k));
    const secretKey = 'k7Qf2v9XzP4mR1sT8wYb3nLc6dHj0eGa'; // stands in for 32 random bytes
    // The holder's release, made by the hmac-ids safeguard; the attack only enumerates.
    const dashed = ssns.map((s) => formatCandidate(s, 'dashed'));
    const release = applyPipeline({ table: tableOf({ ssn: textColumn(dashed) }), truth: Int32Array.from(ssns, (_, i) => i) }, [{ safeguard: 'hmac-ids', options: { column: 'ssn', normalise: 'none', key: secretKey } }]);
    const digests = dashed.map((_, i) => valueAt(release.table.columns.ssn!, i) as string);
    const r = hmacDefence({ digests, leakedKey: secretKey, space: SYNTHETIC_SPACE, format: 'dashed', start, end });
    expect(r.targets).toBe(4);
    expect(r.foundUnkeyed).toBe(0);
    expect(r.foundWithGuessedKeys).toEqual([0, 0, 0, 0]);
    expect(r.foundWithLeakedKey).toBe(4);
    expect(r.candidatesPerAttempt).toBe(50_000);
    expect(r.explanation).toMatch(/recovered 0 of 4 keyed pseudonyms/);
    // The keyed digests are real HMAC-SHA256 values.
    const digest = createHmac('sha256', secretKey).update(formatCandidate(ssns[0]!, 'dashed')).digest('hex');
    expect(invertHashes([digest], SYNTHETIC_SPACE, { algorithm: 'hmac-sha256', key: secretKey, format: 'dashed', start, end }).found[0]!.value).toBe(ssns[0]);
  });
});

describe('inverting hashes of name + birth date', () => {
  const lastNames = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez'];
  const firstNames = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'Maximiliano-Alejandro'];
  const people = [['Garcia', 'Linda', '1948-02-29'], ['Smith', 'John', '1950-12-31'], ['Davis', 'Maximiliano-Alejandro', '1949-07-04']] as const;
  const birthDates = { from: '1945-01-01', to: '1952-12-31' };

  test('default layout LAST|FIRST|YYYY-MM-DD, upper case', () => {
    expect(nameDobText('Smith', 'John', '1950-12-31')).toBe('SMITH|JOHN|1950-12-31');
    expect(nameDobText('Smith', 'John', '1950-12-31', { order: 'first-last', separator: ' ', case: 'lower', date: 'MM/DD/YYYY' })).toBe('john smith 12/31/1950');
  });

  test.each([['sha256'], ['md5']] as const)('%s: finds the people in a 10 x 9 name dictionary x 8 years of dates', (algorithm) => {
    const hash = algorithm === 'md5' ? md5 : sha256;
    const targets = [...people.map(([l, f, d]) => hash(nameDobText(l, f, d))), hash('NOBODY|HERE|1950-01-01')];
    const r = invertNameDob(targets, { firstNames, lastNames, birthDates, algorithm });
    expect(r.tried).toBe(10 * 9 * 2922);
    expect(r.found.map((f) => [f.lastName, f.firstName, f.birthDate]).sort()).toEqual(people.map((p) => [...p]).sort());
    for (const f of r.found) expect(hash(f.text)).toBe(f.digest);
  });

  test('a holder who hashes another layout is found only under that layout', () => {
    const format = { order: 'first-last', separator: '', case: 'lower', date: 'YYYYMMDD' } as const;
    const targets = people.map(([l, f, d]) => sha256(nameDobText(l, f, d, format)));
    expect(invertNameDob(targets, { firstNames, lastNames, birthDates }).found).toEqual([]);
    expect(invertNameDob(targets, { firstNames, lastNames, birthDates, format }).found).toHaveLength(3);
  });

  test('texts longer than one block take the general path', () => {
    const long = 'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh';
    const target = sha256(nameDobText(long, 'Mary', '1946-05-05'));
    const r = invertNameDob([target], { firstNames: ['Mary'], lastNames: [long], birthDates });
    expect(r.found.map((f) => f.birthDate)).toEqual(['1946-05-05']);
  });

  test('bad dates are errors naming them', () => {
    expect(() => invertNameDob([], { firstNames, lastNames, birthDates: { from: '1950-02-30', to: '1951-01-01' } })).toThrow(/1950-02-30/);
    expect(() => invertNameDob([], { firstNames, lastNames, birthDates: { from: '1951-01-01', to: '1950-01-01' } })).toThrow(/before/);
  });
});
