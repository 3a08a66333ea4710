// Candidate pairs from blocking rules: union over rules, each pair kept once (by the first rule that
// generates it, as Splink's `AND NOT (earlier rule)` does). Typed-array grouping, no object per pair.

import { groupTuples } from '../risk/group-tuples.ts';
import { asText, type Table, type TextColumn } from '../../src/table/table.ts';
import { sharedCodes } from '../../src/table/text.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import type { LinkType } from './settings.ts';

/** Pairs as parallel arrays; `rule` is the index of the blocking rule that produced each pair. */
export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  rule: Uint8Array;
  count: number;
}

/** The named column of a table being linked, as text; an error names the side and the columns there are. */
export function linkColumn(table: Table, name: string, side: string): TextColumn {
  const col = table.columns[name];
  if (!col) throw new Error(`${side} table has no column '${name}' (has: ${table.names.join(', ')})`);
  return asText(col);
}

/**
 * Codes each record's rule key (joint value of the rule's columns) in one space shared by both sides;
 * -1 = a value missing. Each column's codes are mapped through its dictionary, then the code tuples
 * grouped: no string key per record.
 */
function ruleCodes(rule: string[], tables: Table[], names: string[]): { codes: Int32Array[]; distinct: number } {
  const rows = tables.map((t) => t.rows);
  const total = rows.reduce((a, b) => a + b, 0);
  const stacked: Int32Array[] = [];
  const sizes: number[] = [];
  const missing = new Uint8Array(total);
  for (const name of rule) {
    const cols = tables.map((t, s) => linkColumn(t, name, names[s]!));
    const shared = cols.length === 2 ? sharedCodes(cols[0]!, cols[1]!) : { left: cols[0]!.codes, right: new Int32Array(0), distinct: cols[0]!.dictionary.length };
    const out = new Int32Array(total);
    out.set(shared.left);
    if (cols.length === 2) out.set(shared.right, rows[0]!);
    for (let i = 0; i < total; i++) if (out[i]! < 0) missing[i] = 1;
    stacked.push(out);
    sizes.push(shared.distinct);
  }
  const groups = groupTuples(stacked, sizes, total);
  const ids = Int32Array.from(groups.ids, (g, i) => (missing[i] ? -1 : g));
  return { codes: tables.map((_, s) => ids.subarray(s === 0 ? 0 : rows[0]!, s === 0 ? rows[0]! : total)), distinct: groups.distinct };
}

/** Groups records by code (counting sort, stable): members of code k are order[start[k]..start[k+1]). */
function groupByCode(codes: Int32Array, nCodes: number): { start: Int32Array; order: Int32Array; pos: Int32Array } {
  const start = new Int32Array(nCodes + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) start[codes[i]! + 1]!++;
  for (let k = 0; k < nCodes; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, nCodes);
  const order = new Int32Array(start[nCodes]!);
  const pos = new Int32Array(codes.length).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i]!;
    if (k < 0) continue;
    pos[i] = fill[k]!;
    order[fill[k]!++] = i;
  }
  return { start, order, pos };
}

class PairBuffer {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  rule = new Uint8Array(1024);
  count = 0;
  push(i: number, j: number, r: number): void {
    if (this.count === this.left.length) {
      const n = this.left.length * 2;
      const l = new Int32Array(n);
      l.set(this.left);
      const rr = new Int32Array(n);
      rr.set(this.right);
      const ru = new Uint8Array(n);
      ru.set(this.rule);
      this.left = l;
      this.right = rr;
      this.rule = ru;
    }
    this.left[this.count] = i;
    this.right[this.count] = j;
    this.rule[this.count++] = r;
  }
  done(): CandidatePairs {
    return {
      left: this.left.slice(0, this.count),
      right: this.right.slice(0, this.count),
      rule: this.rule.slice(0, this.count),
      count: this.count,
    };
  }
}

/**
 * Candidate pairs for link_only (left x right) or dedupe_only (i < j within `left`; `right` ignored).
 * Order: by rule, then left index, then right index. Progress counts left records over all rules.
 */
export function blockPairs(left: Table, right: Table | null, rules: string[][], linkType: LinkType, onProgress?: LinkProgress): CandidatePairs {
  if (rules.length === 0) throw new Error('blocking needs at least one rule');
  if (rules.length > 255) throw new Error('blocking supports at most 255 rules');
  const dedupe = linkType === 'dedupe_only';
  if (!dedupe && !right) throw new Error('link_only needs a right table');
  const tables = dedupe ? [left] : [left, right!];
  const names = dedupe ? ['input'] : ['left', 'right'];
  const keyed = rules.map((rule) => ruleCodes(rule, tables, names));
  const codes = keyed.map((k) => k.codes);
  const out = new PairBuffer();
  for (let r = 0; r < rules.length; r++) {
    const codesL = codes[r]![0]!;
    const codesR = codes[r]![dedupe ? 0 : 1]!;
    const { start, order, pos } = groupByCode(codesR, keyed[r]!.distinct);
    for (let i = 0; i < codesL.length; i++) {
      if (onProgress && i % PROGRESS_EVERY === 0) onProgress('blocking', r * codesL.length + i, rules.length * codesL.length);
      const k = codesL[i]!;
      if (k < 0) continue;
      const from = dedupe ? pos[i]! + 1 : start[k]!;
      const to = start[k + 1]!;
      next: for (let p = from; p < to; p++) {
        const j = order[p]!;
        for (let e = 0; e < r; e++) {
          const a = codes[e]![0]![i]!;
          if (a >= 0 && a === codes[e]![dedupe ? 0 : 1]![j]) continue next;
        }
        out.push(i, j, r);
      }
    }
  }
  onProgress?.('blocking', rules.length * left.rows, rules.length * left.rows);
  return out.done();
}

/** Number of pairs with no blocking at all. */
export function allPairsCount(left: Table, right: Table | null, linkType: LinkType): number {
  return linkType === 'dedupe_only' ? (left.rows * (left.rows - 1)) / 2 : left.rows * right!.rows;
}
