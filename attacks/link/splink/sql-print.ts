// Writes a parsed SQL tree back as DuckDB SQL (the form Splink runs); parsing the output gives the
// same tree. Browser-safe.

import type { CastType, ColumnStyle, SqlNode } from './sql-parse.ts';

const CAST_NAMES: Record<CastType, string> = { text: 'TEXT', date: 'DATE', integer: 'BIGINT', double: 'DOUBLE' };

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

function atomic(n: SqlNode): boolean {
  return n.kind === 'column' || n.kind === 'literal' || n.kind === 'call' || n.kind === 'cast';
}

/** SQL text of a tree; columns as "name_l" (comparison levels) or l."name" (blocking rules). */
export function sqlOf(node: SqlNode, style: ColumnStyle): string {
  const p = (n: SqlNode): string => (atomic(n) ? sqlOf(n, style) : `(${sqlOf(n, style)})`);
  switch (node.kind) {
    case 'column':
      return style === 'suffix' ? quoteName(`${node.name}_${node.side}`) : `${node.side}.${quoteName(node.name)}`;
    case 'literal': {
      const v = node.value;
      if (v === null) return 'NULL';
      if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
      if (typeof v === 'number') return v < 0 ? `(${String(v)})` : String(v);
      return quoteText(v);
    }
    case 'call':
      return `${node.fn}(${node.args.map((a) => sqlOf(a, style)).join(', ')})`;
    case 'cast':
      return `CAST(${sqlOf(node.arg, style)} AS ${CAST_NAMES[node.type]})`;
    case 'compare':
    case 'arith':
      return `${p(node.left)} ${node.op} ${p(node.right)}`;
    case 'and':
    case 'or':
      return `${p(node.left)} ${node.kind.toUpperCase()} ${p(node.right)}`;
    case 'not':
      return `NOT ${p(node.arg)}`;
    case 'is_null':
      return `${p(node.arg)} IS ${node.negated ? 'NOT ' : ''}NULL`;
  }
}

/** The conjuncts of a tree joined by AND at the top (a AND (b AND c) -> [a, b, c]). */
export function conjuncts(node: SqlNode): SqlNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}
