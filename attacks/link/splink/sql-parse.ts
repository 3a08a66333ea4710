// A small SQL expression parser for the conditions Splink 4 writes for DuckDB: comparison levels
// ("first_name_l" = "first_name_r", jaro_winkler_similarity(...) >= 0.9, ... IS NULL) and blocking
// rules (l."surname" = r."surname"). Tokens -> tree; anything outside the subset is refused with an
// SqlError naming the construct. Browser-safe.

/** Which record of the pair a column belongs to. */
export type Side = 'l' | 'r';

export type CastType = 'text' | 'date' | 'integer' | 'double';
export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '||';

export type SqlNode =
  | { kind: 'column'; name: string; side: Side }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'call'; fn: SqlFunction; args: SqlNode[] }
  | { kind: 'cast'; arg: SqlNode; type: CastType }
  | { kind: 'compare'; op: CompareOp; left: SqlNode; right: SqlNode }
  | { kind: 'arith'; op: ArithOp; left: SqlNode; right: SqlNode }
  | { kind: 'and' | 'or'; left: SqlNode; right: SqlNode }
  | { kind: 'not'; arg: SqlNode }
  | { kind: 'is_null'; arg: SqlNode; negated: boolean };

/** Functions understood, with their argument counts [min, max]. */
export const SQL_FUNCTIONS = {
  lower: [1, 1],
  upper: [1, 1],
  substr: [2, 3],
  substring: [2, 3],
  nullif: [2, 2],
  coalesce: [1, 16],
  regexp_extract: [2, 3],
  jaro_similarity: [2, 2],
  jaro_winkler_similarity: [2, 2],
  levenshtein: [2, 2],
  damerau_levenshtein: [2, 2],
  jaccard: [2, 2],
  abs: [1, 1],
  epoch: [1, 1],
  try_strptime: [2, 2],
  date_diff: [3, 3],
  datediff: [3, 3],
} as const;
export type SqlFunction = keyof typeof SQL_FUNCTIONS;

const CAST_TYPES: Record<string, CastType> = {
  text: 'text',
  varchar: 'text',
  string: 'text',
  date: 'date',
  int: 'integer',
  integer: 'integer',
  bigint: 'integer',
  double: 'double',
  float: 'double',
  float8: 'double',
};

/** The SQL is outside the supported subset, or malformed; the message names the construct. */
export class SqlError extends Error {
  override readonly name = 'SqlError';
}

type Token =
  | { t: 'ident'; v: string; quoted: boolean }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'op'; v: string }
  | { t: 'end' };

const OPERATORS = ['<>', '!=', '<=', '>=', '||', '::', '=', '<', '>', '+', '-', '*', '/', '(', ')', ',', '.'];

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      // quoted string or identifier; a doubled quote stands for itself
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) throw new SqlError(`unterminated ${c === "'" ? 'string' : 'quoted name'} starting at ${JSON.stringify(sql.slice(i, i + 20))}`);
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            v += c;
            j += 2;
            continue;
          }
          break;
        }
        v += sql[j++];
      }
      out.push(c === "'" ? { t: 'string', v } : { t: 'ident', v, quoted: true });
      i = j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
    if (num) {
      out.push({ t: 'number', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i));
    if (id) {
      out.push({ t: 'ident', v: id[0], quoted: false });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (!op) throw new SqlError(`the character ${JSON.stringify(c)} is not supported`);
    out.push({ t: 'op', v: op === '!=' ? '<>' : op });
    i += op.length;
  }
  out.push({ t: 'end' });
  return out;
}

/**
 * How columns are written: in a comparison level, `"first_name_l"` / `first_name_r` (Splink's
 * suffixes); in a blocking rule, `l."first_name"` / `r.first_name`.
 */
export type ColumnStyle = 'suffix' | 'qualified';

const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'true', 'false', 'cast', 'as']);
const UNSUPPORTED_KEYWORDS = new Set(['case', 'when', 'then', 'in', 'like', 'ilike', 'between', 'exists', 'select', 'similar', 'glob', 'over']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly style: ColumnStyle,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private isKeyword(v: string): boolean {
    const t = this.peek();
    return t.t === 'ident' && !t.quoted && t.v.toLowerCase() === v;
  }
  private expectOp(v: string, where: string): void {
    if (!this.isOp(v)) throw new SqlError(`expected '${v}' ${where}, found ${describe(this.peek())}`);
    this.pos++;
  }

  parseAll(): SqlNode {
    const node = this.parseOr();
    if (this.peek().t !== 'end') {
      const t = this.peek();
      if (t.t === 'ident' && UNSUPPORTED_KEYWORDS.has(t.v.toLowerCase())) throw new SqlError(`${t.v.toUpperCase()} is not supported`);
      throw new SqlError(`unexpected ${describe(t)}`);
    }
    return node;
  }

  private parseOr(): SqlNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): SqlNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): SqlNode {
    if (this.isKeyword('not')) {
      this.pos++;
      return { kind: 'not', arg: this.parseNot() };
    }
    return this.parseComparison();
  }

  private parseComparison(): SqlNode {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.t === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(t.v)) {
      this.pos++;
      return { kind: 'compare', op: t.v as CompareOp, left, right: this.parseAdditive() };
    }
    if (this.isKeyword('is')) {
      this.pos++;
      const negated = this.isKeyword('not');
      if (negated) this.pos++;
      if (!this.isKeyword('null')) throw new SqlError(`IS ${negated ? 'NOT ' : ''}${describe(this.peek())} is not supported (only IS NULL and IS NOT NULL)`);
      this.pos++;
      return { kind: 'is_null', arg: left, negated };
    }
    if (t.t === 'ident' && !t.quoted && UNSUPPORTED_KEYWORDS.has(t.v.toLowerCase())) throw new SqlError(`${t.v.toUpperCase()} is not supported`);
    return left;
  }

  private parseAdditive(): SqlNode {
    let left = this.parseMultiplicative();
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || !['+', '-', '||'].includes(t.v)) return left;
      this.pos++;
      left = { kind: 'arith', op: t.v as ArithOp, left, right: this.parseMultiplicative() };
    }
  }

  private parseMultiplicative(): SqlNode {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op' || !['*', '/'].includes(t.v)) return left;
      this.pos++;
      left = { kind: 'arith', op: t.v as ArithOp, left, right: this.parseUnary() };
    }
  }

  private parseUnary(): SqlNode {
    if (this.isOp('-')) {
      this.pos++;
      const arg = this.parseUnary();
      if (arg.kind === 'literal' && typeof arg.value === 'number') return { kind: 'literal', value: -arg.value };
      return { kind: 'arith', op: '-', left: { kind: 'literal', value: 0 }, right: arg };
    }
    if (this.isOp('+')) {
      this.pos++;
      return this.parseUnary();
    }
    let node = this.parsePrimary();
    while (this.isOp('::')) {
      this.pos++;
      node = { kind: 'cast', arg: node, type: this.parseType() };
    }
    return node;
  }

  private parseType(): CastType {
    const t = this.next();
    if (t.t !== 'ident') throw new SqlError(`expected a type name, found ${describe(t)}`);
    const type = CAST_TYPES[t.v.toLowerCase()];
    if (!type) throw new SqlError(`CAST to ${t.v} is not supported (TEXT, VARCHAR, DATE, INTEGER, DOUBLE are)`);
    return type;
  }

  private parsePrimary(): SqlNode {
    const t = this.next();
    if (t.t === 'number') return { kind: 'literal', value: t.v };
    if (t.t === 'string') return { kind: 'literal', value: t.v };
    if (t.t === 'op' && t.v === '(') {
      const inner = this.parseOr();
      this.expectOp(')', 'to close a parenthesis');
      return inner;
    }
    if (t.t !== 'ident') throw new SqlError(`unexpected ${describe(t)}`);
    const lower = t.v.toLowerCase();
    if (!t.quoted) {
      if (lower === 'null') return { kind: 'literal', value: null };
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'cast' && this.isOp('(')) {
        this.pos++;
        const arg = this.parseOr();
        if (!this.isKeyword('as')) throw new SqlError(`expected AS in CAST, found ${describe(this.peek())}`);
        this.pos++;
        const type = this.parseType();
        this.expectOp(')', 'to close CAST');
        return { kind: 'cast', arg, type };
      }
      if (UNSUPPORTED_KEYWORDS.has(lower)) throw new SqlError(`${t.v.toUpperCase()} is not supported`);
      if (KEYWORDS.has(lower)) throw new SqlError(`unexpected ${t.v.toUpperCase()}`);
      if (this.isOp('(')) return this.parseCall(t.v);
    }
    if (this.isOp('.')) {
      // qualified column: l.name or r."name"
      this.pos++;
      const col = this.next();
      if (col.t !== 'ident') throw new SqlError(`expected a column name after '${t.v}.', found ${describe(col)}`);
      if (this.style !== 'qualified') throw new SqlError(`column ${t.v}.${col.v}: a comparison level names columns as "name_l" and "name_r"`);
      if (lower !== 'l' && lower !== 'r') throw new SqlError(`column ${t.v}.${col.v}: a blocking rule names columns as l.name and r.name`);
      return { kind: 'column', name: col.v, side: lower };
    }
    if (this.style === 'qualified') throw new SqlError(`column ${t.v}: a blocking rule names columns as l.name and r.name`);
    const m = /^(.+)_([lr])$/.exec(t.v);
    if (!m) throw new SqlError(`column "${t.v}": a comparison level names columns as "name_l" and "name_r"`);
    return { kind: 'column', name: m[1]!, side: m[2] as Side };
  }

  private parseCall(name: string): SqlNode {
    const fn = name.toLowerCase();
    if (!Object.hasOwn(SQL_FUNCTIONS, fn)) throw new SqlError(`${fn} is not supported`);
    this.pos++; // (
    const args: SqlNode[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.parseOr());
        if (!this.isOp(',')) break;
        this.pos++;
      }
    }
    this.expectOp(')', `to close ${fn}(`);
    const [min, max] = SQL_FUNCTIONS[fn as SqlFunction];
    if (args.length < min || args.length > max) {
      throw new SqlError(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`);
    }
    return { kind: 'call', fn: fn as SqlFunction, args };
  }
}

function describe(t: Token): string {
  if (t.t === 'end') return 'the end of the condition';
  if (t.t === 'string') return `'${t.v}'`;
  if (t.t === 'ident') return t.quoted ? `"${t.v}"` : t.v;
  return `'${t.v}'`;
}

/** Parses one SQL condition; throws SqlError naming what is not supported. */
export function parseSql(sql: string, style: ColumnStyle): SqlNode {
  return new Parser(tokenize(sql), style).parseAll();
}

/** Columns a tree reads, each once, in order of first use, with the sides it reads them on. */
export function columnsOf(node: SqlNode): { name: string; sides: Set<Side> }[] {
  const out = new Map<string, Set<Side>>();
  const walk = (n: SqlNode): void => {
    switch (n.kind) {
      case 'column': {
        const s = out.get(n.name) ?? new Set<Side>();
        s.add(n.side);
        out.set(n.name, s);
        return;
      }
      case 'literal':
        return;
      case 'call':
        n.args.forEach(walk);
        return;
      case 'cast':
      case 'not':
      case 'is_null':
        walk(n.arg);
        return;
      default:
        walk(n.left);
        walk(n.right);
    }
  };
  walk(node);
  return [...out].map(([name, sides]) => ({ name, sides }));
}

const parsed = new Map<string, SqlNode>();

/** parseSql, remembering the trees of conditions already seen (settings are parsed more than once). */
export function parseSqlCached(sql: string, style: ColumnStyle): SqlNode {
  const key = `${style}\u0000${sql}`;
  let node = parsed.get(key);
  if (!node) {
    node = parseSql(sql, style);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, node);
  }
  return node;
}

/** Is the tree `"col_l" = "col_r"` (either order): Splink's exact match on one column? */
export function isExactMatchOn(node: SqlNode, column: string): boolean {
  if (node.kind !== 'compare' || node.op !== '=' || node.left.kind !== 'column' || node.right.kind !== 'column') return false;
  return node.left.name === column && node.right.name === column && node.left.side !== node.right.side;
}

/** Does a blocking-rule term name the two records (l.x, r."y"), i.e. is it SQL rather than a column name? */
export function isSqlBlockingTerm(term: string): boolean {
  return /(^|[^A-Za-z0-9_$"])[lr]\s*\.\s*["A-Za-z_]/.test(term);
}
