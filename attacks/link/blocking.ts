// Candidate pairs from blocking rules: union over rules, each pair kept once (by the first rule that
// generates it, as Splink's `AND NOT (earlier rule)` does). Typed-array grouping, no object per pair;
// SQL terms of a rule (splink/blocking-terms.ts) become join keys or pair filters.

import { groupByCode, groupTuples } from '../risk/group-tuples.ts';
import { doubled } from '../../src/typed-arrays.ts';
import { asText, type Table, type TextColumn } from '../../src/table/table.ts';
import { sharedCodes } from '../../src/table/text.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import type { LinkType } from './settings.ts';
import { ruleTerms } from './splink/blocking-terms.ts';
import { compileSql, holds, SqlTimestamp } from './splink/sql-eval.ts';
import { columnsOf, type Side, type SqlNode } from './splink/sql-parse.ts';

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

/** One record's text value of each column, at slot 2c (l) or 2c + 1 (r); see compileSql. */
function slotsOf(nodes: SqlNode[]): string[] {
  return [...new Set(nodes.flatMap((n) => columnsOf(n).map((c) => c.name)))];
}

/** The code of each record's value of `expr` (on side `side`), in a space shared through `index`; -1 = NULL. */
function expressionCodes(table: Table, expr: SqlNode, side: Side, tableName: string, index: Map<string, number>): Int32Array {
  const names = slotsOf([expr]);
  const cols = names.map((n) => linkColumn(table, n, tableName));
  const f = compileSql(expr, (name, s) => 2 * names.indexOf(name) + (s === 'r' ? 1 : 0));
  const row: (string | null)[] = new Array(2 * names.length).fill(null);
  const off = side === 'r' ? 1 : 0;
  const out = new Int32Array(table.rows);
  for (let i = 0; i < table.rows; i++) {
    for (let c = 0; c < cols.length; c++) {
      const k = cols[c]!.codes[i]!;
      row[2 * c + off] = k < 0 ? null : cols[c]!.dictionary[k]!;
    }
    const v = f(row);
    if (v === null) {
      out[i] = -1;
      continue;
    }
    // a type tag keeps 1 (number) and '1' (text) apart
    const key = v instanceof SqlTimestamp ? `t${v.seconds}` : `${typeof v}:${String(v)}`;
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = index.size));
    out[i] = code;
  }
  return out;
}

/** A rule ready to run: join-key codes of the left-role and right-role records, and the pair filter (null when none). */
interface RuleKeys {
  left: Int32Array;
  right: Int32Array;
  distinct: number;
  filter: ((i: number, j: number) => boolean) | null;
}

/**
 * Codes each record's rule key (joint value of the rule's columns and key expressions) in one space
 * shared by both roles; -1 = a value missing. Each term's codes are computed per record, then the
 * code tuples grouped: no string key per record for plain columns.
 */
function ruleKeys(rule: string[], leftTable: Table, rightTable: Table, names: [string, string]): RuleKeys {
  const terms = ruleTerms(rule);
  const nL = leftTable.rows;
  const total = nL + rightTable.rows;
  const stacked: Int32Array[] = [];
  const sizes: number[] = [];
  const missing = new Uint8Array(total);
  const add = (l: Int32Array, r: Int32Array, distinct: number) => {
    const out = new Int32Array(total);
    out.set(l);
    out.set(r, nL);
    for (let i = 0; i < total; i++) if (out[i]! < 0) missing[i] = 1;
    stacked.push(out);
    sizes.push(distinct);
  };
  for (const name of terms.columns) {
    const a = linkColumn(leftTable, name, names[0]);
    if (leftTable === rightTable) add(a.codes, a.codes, a.dictionary.length);
    else {
      const shared = sharedCodes(a, linkColumn(rightTable, name, names[1]));
      add(shared.left, shared.right, shared.distinct);
    }
  }
  for (const key of terms.keys) {
    const index = new Map<string, number>();
    const l = expressionCodes(leftTable, key.l, 'l', names[0], index);
    const r = expressionCodes(rightTable, key.r, 'r', names[1], index);
    add(l, r, index.size);
  }
  const groups = groupTuples(stacked, sizes, total);
  const ids = Int32Array.from(groups.ids, (g, i) => (missing[i] ? -1 : g));
  return { left: ids.subarray(0, nL), right: ids.subarray(nL), distinct: groups.distinct, filter: pairFilter(terms.filters, leftTable, rightTable, names) };
}

/** The conjunction of a rule's other conditions, tested on a pair (left-role record i, right-role record j). */
function pairFilter(filters: SqlNode[], leftTable: Table, rightTable: Table, names: [string, string]): ((i: number, j: number) => boolean) | null {
  if (filters.length === 0) return null;
  const cols = slotsOf(filters);
  const a = cols.map((n) => linkColumn(leftTable, n, names[0]));
  const b = cols.map((n) => linkColumn(rightTable, n, names[1]));
  const slot = (name: string, s: Side) => 2 * cols.indexOf(name) + (s === 'r' ? 1 : 0);
  const tests = filters.map((f) => compileSql(f, slot));
  const row: (string | null)[] = new Array(2 * cols.length).fill(null);
  return (i, j) => {
    for (let c = 0; c < cols.length; c++) {
      const ka = a[c]!.codes[i]!;
      const kb = b[c]!.codes[j]!;
      row[2 * c] = ka < 0 ? null : a[c]!.dictionary[ka]!;
      row[2 * c + 1] = kb < 0 ? null : b[c]!.dictionary[kb]!;
    }
    for (const t of tests) if (!holds(t(row))) return false;
    return true;
  };
}

class PairBuffer {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  rule = new Uint8Array(1024);
  count = 0;
  push(i: number, j: number, r: number): void {
    if (this.count === this.left.length) {
      this.left = doubled(this.left);
      this.right = doubled(this.right);
      this.rule = doubled(this.rule);
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

/** First position p in [from, to) with order[p] > i (members of a group are in ascending order). */
function firstAfter(order: Int32Array, from: number, to: number, i: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order[mid]! > i) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Candidate pairs for link_only (left x right) or dedupe_only (i < j within `left`; `right` ignored).
 * Order: by rule, then left index, then right index. Progress counts left records over all rules.
 * A rule's terms are columns that must be equal and non-missing, or SQL on l and r (settings.ts):
 * equalities between an expression of l and one of r are join keys, other conditions filter the
 * pairs. A pair is kept once, by the first rule that makes it, as Splink 4's `AND NOT (earlier rule)`.
 */
export function blockPairs(left: Table, right: Table | null, rules: string[][], linkType: LinkType, onProgress?: LinkProgress): CandidatePairs {
  if (rules.length === 0) throw new Error('blocking needs at least one rule');
  if (rules.length > 255) throw new Error('blocking supports at most 255 rules');
  const dedupe = linkType === 'dedupe_only';
  if (!dedupe && !right) throw new Error('link_only needs a right table');
  const rightTable = dedupe ? left : right!;
  const names: [string, string] = dedupe ? ['input', 'input'] : ['left', 'right'];
  const keyed = rules.map((rule) => ruleKeys(rule, left, rightTable, names));
  const out = new PairBuffer();
  for (let r = 0; r < rules.length; r++) {
    const { left: codesL, right: codesR, distinct, filter } = keyed[r]!;
    const { start, order } = groupByCode(codesR, distinct);
    for (let i = 0; i < codesL.length; i++) {
      if (onProgress && i % PROGRESS_EVERY === 0) onProgress('blocking', r * codesL.length + i, rules.length * codesL.length);
      const k = codesL[i]!;
      if (k < 0) continue;
      const to = start[k + 1]!;
      const from = dedupe ? firstAfter(order, start[k]!, to, i) : start[k]!;
      next: for (let p = from; p < to; p++) {
        const j = order[p]!;
        if (filter && !filter(i, j)) continue;
        for (let e = 0; e < r; e++) {
          const earlier = keyed[e]!;
          const a = earlier.left[i]!;
          if (a >= 0 && a === earlier.right[j] && (!earlier.filter || earlier.filter(i, j))) continue next;
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
