// The terms of a blocking rule, sorted by how they are run: columns that must be equal, equalities
// between an expression of l and an expression of r (both are join keys, hashed per record), and
// other conditions (tested on each candidate pair). Browser-safe.

import { columnsOf, isSqlBlockingTerm, parseSqlCached, type SqlNode } from './sql-parse.ts';

export interface RuleTerms {
  /** Columns equal and non-missing on both records. */
  columns: string[];
  /** expression of l = expression of r. */
  keys: { l: SqlNode; r: SqlNode }[];
  /** Any other condition on the pair. */
  filters: SqlNode[];
}

function readsOnly(node: SqlNode, side: 'l' | 'r'): boolean {
  const cols = columnsOf(node);
  return cols.length > 0 && cols.every((c) => c.sides.size === 1 && c.sides.has(side));
}

/** Sorts a rule's terms (SQL terms are parsed; call after validateSettings, which reports bad SQL). */
export function ruleTerms(rule: readonly string[]): RuleTerms {
  const out: RuleTerms = { columns: [], keys: [], filters: [] };
  for (const term of rule) {
    if (!isSqlBlockingTerm(term)) {
      out.columns.push(term);
      continue;
    }
    const node = parseSqlCached(term, 'qualified');
    if (node.kind === 'compare' && node.op === '=') {
      if (readsOnly(node.left, 'l') && readsOnly(node.right, 'r')) {
        out.keys.push({ l: node.left, r: node.right });
        continue;
      }
      if (readsOnly(node.left, 'r') && readsOnly(node.right, 'l')) {
        out.keys.push({ l: node.right, r: node.left });
        continue;
      }
    }
    out.filters.push(node);
  }
  return out;
}
