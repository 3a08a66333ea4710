// Typos of SSNs stay in the space the number came from: an agency's mistyped synthetic SSN (once
// 740-46-4419 for 940-46-4419) and an 'ssn' column of the corruption model never become real-looking.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { agencyList } from '../generators/adversary/agency-list.ts';
import { corruptTable, Corruption } from '../generators/adversary/corrupt/corrupt.ts';
import { mistypeSsnText, parseSsnText } from '../generators/adversary/corrupt/ssn-typo.ts';
import type { Table } from '../src/table/table.ts';
import { formatSsn, ISSUABLE_SPACE, ITIN_SPACE, SYNTHETIC_SPACE, type SsnSpace } from '../generators/population/ssn.ts';
import { generateWorld, planWorld } from '../generators/world.ts';
import type { TableChunk } from '../src/table/schema.ts';
import { tableView } from './helpers/world.ts';
import { columnText } from './helpers/world.ts';

/** True when b has a's layout and its digits are a's with one replaced or two neighbours swapped. */
function isDigitSlip(textA: string, textB: string): boolean {
  if (textA.replace(/\d/g, '0') !== textB.replace(/\d/g, '0') || textA === textB) return false;
  const [a, b] = [textA.replace(/\D/g, ''), textB.replace(/\D/g, '')];
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

const inSpace = (space: SsnSpace) => fc.integer({ min: 0, max: space.size - 1 }).map((k) => formatSsn(space.at(k)));
const u = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('SSN typos keep the number in its space', () => {
  test('a mistyped synthetic SSN, ITIN or (realistic) issuable SSN stays in its space, as a digit slip', () => {
    for (const space of [SYNTHETIC_SPACE, ITIN_SPACE, ISSUABLE_SPACE]) {
      fc.assert(
        fc.property(inSpace(space), fc.boolean(), u, u, u, (text, dashes, u1, u2, u3) => {
          const original = dashes ? text : text.replaceAll('-', '');
          const typed = mistypeSsnText(original, u1, u2, u3)!;
          expect(space.contains(parseSsnText(typed.value)!)).toBe(true);
          expect(isDigitSlip(original, typed.value)).toBe(true);
        }),
        { numRuns: 300 },
      );
    }
  });

  test("an 'ssn' column with a typo in every cell: every 9-digit result is still synthetic (or still an ITIN)", () => {
    const n = 1000;
    const ssn = Array.from({ length: n }, (_, i) => formatSsn(i % 3 === 0 ? ITIN_SPACE.at(i * 7919) : SYNTHETIC_SPACE.at(i * 104_729)));
    const { columns, log } = corruptTable({ ssn }, { ssn: { kind: 'ssn', rates: { missing: 0, valueSwap: 0, typo: 1 } } }, { seed: 3, stream: 'test' });
    let changed = 0;
    columns.ssn!.forEach((v, i) => {
      const digits = v!.replace(/\D/g, '');
      if (digits.length === 9) {
        const space = i % 3 === 0 ? ITIN_SPACE : SYNTHETIC_SPACE;
        expect(space.contains(Number(digits)), `${ssn[i]} -> ${v}`).toBe(true);
      }
      if (v !== ssn[i]) changed++;
      expect(log.ssn![i]! & (Corruption.TYPO_INSERT | Corruption.TYPO_DELETE | Corruption.TYPO_SUBSTITUTE | Corruption.TYPO_TRANSPOSE)).not.toBe(0);
    });
    expect(changed).toBe(n);
  });

  describe('the agency list', () => {
    let people: Table;
    beforeAll(() => {
      const plan = planWorld({ seed: 8, people: 2000 });
      const chunks: TableChunk[] = [];
      for (const b of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(['people']) })) chunks.push(b.chunks.people!);
      people = tableView(plan.schemas.people, chunks);
    });

    test('mistypes a known SSN as a digit slip inside the synthetic space, never outside it', () => {
      const clean = agencyList(people, { seed: 4, size: 600, mistyped: 0, errors: false });
      const typed = agencyList(people, { seed: 4, size: 600, mistyped: 1, errors: false });
      let slips = 0;
      columnText(typed.table, 'ssn').forEach((v, k) => {
        if (v === null) return;
        const number = parseSsnText(v)!;
        expect(SYNTHETIC_SPACE.contains(number) || ITIN_SPACE.contains(number), `${columnText(clean.table, 'ssn')[k]} -> ${v}`).toBe(true);
        if (typed.notes![k]!.endsWith('+agency_typo')) {
          expect(isDigitSlip(columnText(clean.table, 'ssn')[k]!, v), `${columnText(clean.table, 'ssn')[k]} -> ${v}`).toBe(true);
          slips++;
        }
      });
      expect(slips).toBeGreaterThan(100);
    });
  });
});
