// The single edits: typos (edit distance, keyboard share, first letter rarer), QWERTY neighbours,
// nicknames both ways, date edits that stay valid dates.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { streamKey } from '../src/random/prng.ts';
import { editDistance, typo, type TypoKind } from '../generators/adversary/corrupt/typo.ts';
import { isNeighbour, keyboardNeighbours } from '../generators/adversary/corrupt/keyboard.ts';
import { formalNamesOf, nameVariants, nicknamePairs, nicknamesOf, nicknameSwap } from '../generators/adversary/corrupt/nicknames.ts';
import { editDate, isValidDate, parseDate, shiftDay, shiftYear, transposeDayMonth } from '../generators/adversary/corrupt/dates.ts';
import { LETTER_TYPO_MIX } from '../generators/adversary/corrupt/rates.ts';

const OPTIONS = { mix: LETTER_TYPO_MIX, keyboardShare: 0.7, firstLetterWeight: 0.2 };

describe('typo', () => {
  test('always changes the value, within edit distance 1 (2 for a transpose); digits stay digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.nat(), fc.nat({ max: 1e6 }), (s, seed, index) => {
        const t = typo(s, streamKey(seed, 'typo'), index, 0, OPTIONS);
        expect(t.value).not.toBe(s);
        expect(editDistance(s, t.value)).toBe(t.kind === 'transpose' ? 2 : 1);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5}$/), fc.nat({ max: 1e6 }), (zip, index) => {
        expect(typo(zip, 99, index, 0, OPTIONS).value).toMatch(/^[0-9]{4,6}$/);
      }),
    );
  });

  test('deterministic: a pure function of (key, index, k)', () => {
    expect(typo('Margaret', 5, 17, 3, OPTIONS)).toEqual(typo('Margaret', 5, 17, 3, OPTIONS));
  });

  test('edit mix, keyboard share and first-letter rarity as configured', () => {
    const key = streamKey(1, 'typo-rates');
    const word = 'Katherine';
    const N = 40_000;
    const kinds: Record<TypoKind, number> = { insert: 0, delete: 0, substitute: 0, transpose: 0 };
    let neighbour = 0, first = 0, positions = 0;
    for (let i = 0; i < N; i++) {
      const t = typo(word, key, i, 0, OPTIONS);
      kinds[t.kind]++;
      if (t.kind === 'substitute') {
        if (isNeighbour(word[t.position]!, t.value[t.position]!)) neighbour++;
        if (t.position === 0) first++;
        positions++;
      }
    }
    expect(kinds.substitute / N).toBeCloseTo(0.45, 1);
    expect(kinds.transpose / N).toBeCloseTo(0.15, 1);
    // 70% chosen among neighbours, plus random letters that happen to be neighbours
    expect(neighbour / kinds.substitute).toBeGreaterThan(0.68);
    expect(neighbour / kinds.substitute).toBeLessThan(0.8);
    // position 0 has weight 0.2 against 1 for each of the other 8 letters: 0.2 / 8.2
    const firstShare = first / positions;
    expect(firstShare).toBeLessThan(1 / word.length / 2);
    expect(firstShare).toBeCloseTo(0.2 / 8.2, 2);
    const uniform = typo(word, key, 0, 0, { ...OPTIONS, firstLetterWeight: 1 });
    expect(uniform.value).not.toBe(word);
  });

  test('case is kept for substituted letters', () => {
    for (let i = 0; i < 200; i++) {
      const t = typo('SMITH', 11, i, 0, { ...OPTIONS, mix: { insert: 0, delete: 0, substitute: 1, transpose: 0 } });
      expect(t.value).toBe(t.value.toUpperCase());
    }
  });
});

describe('keyboard', () => {
  test('QWERTY neighbours are symmetric and local', () => {
    expect(keyboardNeighbours('a')).toBe('qwsz');
    expect(keyboardNeighbours('G')).toBe('TYFHVB');
    for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') for (const d of keyboardNeighbours(c)) expect(isNeighbour(d, c)).toBe(true);
  });
});

describe('nicknames', () => {
  test('at least 80 pairs, mapping both ways', () => {
    const pairs = nicknamePairs();
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    for (const [formal, nick] of pairs) {
      expect(nicknamesOf(formal)).toContain(nick);
      expect(formalNamesOf(nick)).toContain(formal);
      expect(nameVariants(formal)).toContain(nick);
      expect(nameVariants(nick)).toContain(formal);
    }
    expect(nicknamesOf('William')).toEqual(expect.arrayContaining(['Bill', 'Will', 'Liam']));
    expect(nicknamesOf('Robert')).toEqual(expect.arrayContaining(['Bob', 'Rob']));
    expect(nicknamesOf('Elizabeth')).toEqual(expect.arrayContaining(['Liz', 'Beth']));
    expect(nicknamesOf('Margaret')).toEqual(expect.arrayContaining(['Peggy', 'Maggie']));
    expect(formalNamesOf('bill')).toEqual(['William']);
  });

  test('a swap keeps the case style; a name without variants gives null', () => {
    expect(['BILL', 'WILL', 'BILLY', 'LIAM', 'WILLIE']).toContain(nicknameSwap('WILLIAM', 0.5));
    expect(nicknameSwap('peggy', 0)).toBe('margaret');
    expect(nicknameSwap('Xzyqx', 0.5)).toBeNull();
  });
});

describe('dates', () => {
  const dateArb = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  test('transposed day/month is a different valid date, or null when impossible', () => {
    fc.assert(
      fc.property(dateArb, (s) => {
        const t = transposeDayMonth(s);
        const d = parseDate(s)!;
        if (d.day > 12 || d.day === d.month) expect(t).toBeNull();
        else {
          const p = parseDate(t!)!;
          expect(isValidDate(p.year, p.month, p.day)).toBe(true);
          expect([p.month, p.day]).toEqual([d.day, d.month]);
        }
      }),
    );
    expect(transposeDayMonth('1950-03-07')).toBe('1950-07-03');
    expect(transposeDayMonth('19500307')).toBe('19500703');
    expect(transposeDayMonth('1950-03-13')).toBeNull();
  });

  test('off by one day or year stays valid; calendar edges', () => {
    fc.assert(
      fc.property(dateArb, fc.boolean(), (s, up) => {
        for (const edited of [shiftDay(s, up), shiftYear(s, up)]) expect(parseDate(edited!)).not.toBeNull();
      }),
    );
    expect(shiftDay('1999-12-31', true)).toBe('2000-01-01');
    expect(shiftDay('2000-03-01', false)).toBe('2000-02-29');
    expect(shiftYear('2000-02-29', true)).toBe('2001-02-28');
    expect(editDate('not a date', 'day_off_by_one', true)).toBeNull();
    expect(parseDate('1999-02-30')).toBeNull();
  });
});
