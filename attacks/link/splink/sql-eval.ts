// Evaluates a parsed SQL condition (sql-parse.ts) on a pair of records, as DuckDB would: three-valued
// logic (NULL propagates; a level holds only when its condition is TRUE), DuckDB's substring, nullif,
// regexp_extract ('' when nothing matches), try_strptime, epoch and date_diff. The tree is compiled
// once into closures; a pair's values are passed as an array indexed by slot. Browser-safe.

import { damerauLevenshtein, jaccard as byteJaccard, jaro, jaroWinkler, levenshtein } from '../compare-strings.ts';
import { SqlError, type CastType, type CompareOp, type Side, type SqlNode } from './sql-parse.ts';

/** A DuckDB TIMESTAMP (or DATE, `date`), as seconds since 1970-01-01 UTC. */
export class SqlTimestamp {
  constructor(
    readonly seconds: number,
    readonly date = false,
  ) {}
}

export type SqlValue = string | number | boolean | null | SqlTimestamp;
/** One pair's column values, at the slots given by the binder. */
export type SqlRow = readonly (string | null)[];
export type SqlEvaluator = (row: SqlRow) => SqlValue;

/** DuckDB's `jaccard` on UTF-8 bytes (compare-strings.ts), NULL for an empty string where DuckDB raises an error. */
export function jaccard(a: string, b: string): number | null {
  return a.length === 0 || b.length === 0 ? null : byteJaccard(a, b);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function civil(seconds: number): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const t = new Date(seconds * 1000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), ss: t.getUTCSeconds() };
}

function utcSeconds(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number | null {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(hh, mm, ss, 0);
  // reject days beyond the month (2015-02-30), as DuckDB does
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / 1000;
}

/** DuckDB's try_strptime for %Y %m %d %H %M %S (and %%): leading spaces skipped, the whole string consumed, NULL on failure. */
export function tryStrptime(s: string, format: string): SqlTimestamp | null {
  let i = 0;
  while (s[i] === ' ') i++;
  const f: Record<string, number> = { Y: 1970, m: 1, d: 1, H: 0, M: 0, S: 0 };
  for (let k = 0; k < format.length; k++) {
    const c = format[k]!;
    if (c !== '%') {
      if (s[i] !== c) return null;
      i++;
      continue;
    }
    const spec = format[++k];
    if (spec === '%') {
      if (s[i++] !== '%') return null;
      continue;
    }
    if (spec === undefined || !(spec in f)) throw new SqlError(`try_strptime format %${spec ?? ''} is not supported (%Y %m %d %H %M %S are)`);
    const max = spec === 'Y' ? 9 : 2;
    let n = 0;
    let digits = 0;
    while (digits < max && s[i] !== undefined && s[i]! >= '0' && s[i]! <= '9') {
      n = n * 10 + (s.charCodeAt(i) - 48);
      i++;
      digits++;
    }
    if (digits === 0) return null;
    f[spec] = n;
  }
  if (i !== s.length) return null;
  if (f.m! < 1 || f.m! > 12 || f.d! < 1 || f.H! > 23 || f.M! > 59 || f.S! > 59) return null;
  const seconds = utcSeconds(f.Y!, f.m!, f.d!, f.H!, f.M!, f.S!);
  return seconds === null ? null : new SqlTimestamp(seconds);
}

function toText(v: SqlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  const c = civil(v.seconds);
  const day = `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
  return v.date ? day : `${day} ${pad(c.hh)}:${pad(c.mm)}:${pad(c.ss)}`;
}

function toNumber(v: SqlValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof SqlTimestamp) throw new SqlError('a date cannot be used as a number here (use epoch() or date_diff())');
  const t = v.trim();
  const n = t === '' ? NaN : Number(t);
  return Number.isNaN(n) ? null : n;
}

/** A DATE from 'YYYY-MM-DD' text (DuckDB's cast; NULL where DuckDB would raise an error). */
function toTimestamp(v: SqlValue): SqlTimestamp | null {
  if (v === null || v instanceof SqlTimestamp) return v;
  if (typeof v !== 'string') throw new SqlError('a number cannot be used as a date');
  const m = /^\s*(\d{1,9})-(\d{1,2})-(\d{1,2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?\s*$/.exec(v);
  if (!m) return null;
  const seconds = utcSeconds(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return seconds === null ? null : new SqlTimestamp(seconds, m[4] === undefined);
}

function cast(v: SqlValue, type: CastType): SqlValue {
  if (v === null) return null;
  switch (type) {
    case 'text':
      return toText(v);
    case 'date': {
      const t = toTimestamp(v);
      return t && new SqlTimestamp(Math.floor(t.seconds / 86_400) * 86_400, true);
    }
    case 'integer': {
      const n = toNumber(v);
      return n === null ? null : Math.round(n);
    }
    case 'double':
      return toNumber(v);
  }
}

/** -1, 0, 1, or null when either side is NULL; types are coerced as DuckDB does for these cases. */
function order(a: SqlValue, b: SqlValue): number | null {
  if (a === null || b === null) return null;
  if (a instanceof SqlTimestamp || b instanceof SqlTimestamp) {
    const x = toTimestamp(a);
    const y = toTimestamp(b);
    if (!x || !y) return null;
    return Math.sign(x.seconds - y.seconds);
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  return x === y ? 0 : x < y ? -1 : 1;
}

const COMPARE: Record<CompareOp, (o: number) => boolean> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '>': (o) => o > 0,
  '>=': (o) => o >= 0,
};

/** SQL substring: 1-based, counted in characters; a negative start counts from the end. */
function substring(s: string, start: number, length?: number): string {
  const chars = Array.from(s);
  const n = chars.length;
  const from = start < 0 ? n + start + 1 : start;
  const to = length === undefined ? n + 1 : from + length;
  return chars.slice(Math.max(from, 1) - 1, Math.max(Math.min(to, n + 1) - 1, 0)).join('');
}

const DAY = 86_400;

function dateDiff(part: string, a: SqlTimestamp, b: SqlTimestamp): number {
  if (part === 'day') return Math.floor(b.seconds / DAY) - Math.floor(a.seconds / DAY);
  const x = civil(a.seconds);
  const y = civil(b.seconds);
  return part === 'month' ? y.y * 12 + y.m - (x.y * 12 + x.m) : y.y - x.y;
}

function literalString(node: SqlNode, what: string): string {
  if (node.kind !== 'literal' || typeof node.value !== 'string') throw new SqlError(`${what} must be a string literal`);
  return node.value;
}

function compileRegex(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch (e) {
      throw new SqlError(`regular expression '${pattern}' is not supported: ${(e as Error).message}`);
    }
  }
}

function textArgs(fs: SqlEvaluator[], row: SqlRow): string[] | null {
  const out: string[] = [];
  for (const f of fs) {
    const t = toText(f(row));
    if (t === null) return null;
    out.push(t);
  }
  return out;
}

/** Compiles a tree; `slot(name, side)` gives the index in the row array of a column on one side. */
export function compileSql(node: SqlNode, slot: (name: string, side: Side) => number): SqlEvaluator {
  const c = (n: SqlNode): SqlEvaluator => compileSql(n, slot);
  switch (node.kind) {
    case 'column': {
      const k = slot(node.name, node.side);
      return (row) => row[k]!;
    }
    case 'literal': {
      const v = node.value;
      return () => v;
    }
    case 'cast': {
      const f = c(node.arg);
      const type = node.type;
      return (row) => cast(f(row), type);
    }
    case 'is_null': {
      const f = c(node.arg);
      return node.negated ? (row) => f(row) !== null : (row) => f(row) === null;
    }
    case 'not': {
      const f = c(node.arg);
      return (row) => {
        const v = f(row);
        return v === null ? null : !truthy(v);
      };
    }
    case 'and': {
      const f = c(node.left);
      const g = c(node.right);
      return (row) => {
        const a = f(row);
        if (a !== null && !truthy(a)) return false;
        const b = g(row);
        if (b !== null && !truthy(b)) return false;
        return a === null || b === null ? null : true;
      };
    }
    case 'or': {
      const f = c(node.left);
      const g = c(node.right);
      return (row) => {
        const a = f(row);
        if (a !== null && truthy(a)) return true;
        const b = g(row);
        if (b !== null && truthy(b)) return true;
        return a === null || b === null ? null : false;
      };
    }
    case 'compare': {
      const f = c(node.left);
      const g = c(node.right);
      const test = COMPARE[node.op];
      return (row) => {
        const o = order(f(row), g(row));
        return o === null ? null : test(o);
      };
    }
    case 'arith': {
      const f = c(node.left);
      const g = c(node.right);
      if (node.op === '||') {
        return (row) => {
          const a = toText(f(row));
          const b = toText(g(row));
          return a === null || b === null ? null : a + b;
        };
      }
      const op = node.op;
      return (row) => {
        const a = toNumber(f(row));
        const b = toNumber(g(row));
        if (a === null || b === null) return null;
        if (op === '+') return a + b;
        if (op === '-') return a - b;
        if (op === '*') return a * b;
        return b === 0 ? null : a / b;
      };
    }
    case 'call':
      return compileCall(node.fn, node.args, c);
  }
}

function compileCall(fn: string, argNodes: SqlNode[], c: (n: SqlNode) => SqlEvaluator): SqlEvaluator {
  const args = argNodes.map(c);
  switch (fn) {
    case 'lower':
    case 'upper': {
      const up = fn === 'upper';
      return (row) => {
        const t = toText(args[0]!(row));
        return t === null ? null : up ? t.toUpperCase() : t.toLowerCase();
      };
    }
    case 'substr':
    case 'substring':
      return (row) => {
        const s = toText(args[0]!(row));
        const start = toNumber(args[1]!(row));
        const len = args[2] ? toNumber(args[2](row)) : undefined;
        if (s === null || start === null || len === null) return null;
        return substring(s, Math.trunc(start), len === undefined ? undefined : Math.trunc(len));
      };
    case 'nullif':
      return (row) => {
        const a = args[0]!(row);
        return a !== null && order(a, args[1]!(row)) === 0 ? null : a;
      };
    case 'coalesce':
      return (row) => {
        for (const f of args) {
          const v = f(row);
          if (v !== null) return v;
        }
        return null;
      };
    case 'regexp_extract': {
      const re = compileRegex(literalString(argNodes[1]!, 'the pattern of regexp_extract'));
      const groupNode = argNodes[2];
      const group = groupNode === undefined ? 0 : groupNode.kind === 'literal' && typeof groupNode.value === 'number' ? groupNode.value : -1;
      if (!Number.isInteger(group) || group < 0) throw new SqlError('the group of regexp_extract must be a non-negative integer');
      return (row) => {
        const s = toText(args[0]!(row));
        if (s === null) return null;
        const m = re.exec(s);
        return m ? (m[group] ?? '') : '';
      };
    }
    case 'jaro_similarity':
    case 'jaro_winkler_similarity':
    case 'levenshtein':
    case 'damerau_levenshtein':
    case 'jaccard': {
      const f = { jaro_similarity: jaro, jaro_winkler_similarity: (a: string, b: string) => jaroWinkler(a, b), levenshtein, damerau_levenshtein: damerauLevenshtein, jaccard }[fn];
      return (row) => {
        const t = textArgs(args, row);
        return t === null ? null : f(t[0]!, t[1]!);
      };
    }
    case 'abs':
      return (row) => {
        const n = toNumber(args[0]!(row));
        return n === null ? null : Math.abs(n);
      };
    case 'epoch':
      return (row) => {
        const t = toTimestamp(args[0]!(row));
        return t === null ? null : t.seconds;
      };
    case 'try_strptime': {
      const format = literalString(argNodes[1]!, 'the format of try_strptime');
      tryStrptime('', format); // refuses unsupported specifiers now, not on the first pair
      return (row) => {
        const s = toText(args[0]!(row));
        return s === null ? null : tryStrptime(s, format);
      };
    }
    case 'date_diff':
    case 'datediff': {
      const part = literalString(argNodes[0]!, `the unit of ${fn}`).toLowerCase().replace(/s$/, '');
      if (!['day', 'month', 'year'].includes(part)) throw new SqlError(`${fn} unit '${part}' is not supported (day, month, year are)`);
      return (row) => {
        const a = toTimestamp(args[1]!(row));
        const b = toTimestamp(args[2]!(row));
        return a === null || b === null ? null : dateDiff(part, a, b);
      };
    }
  }
  throw new SqlError(`${fn} is not supported`);
}

/** DuckDB's truth of a value used as a condition (non-zero numbers and 'true' text are true). */
function truthy(v: SqlValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.toLowerCase() === 'true' || v === '1';
  return v !== null;
}

/** A level (or blocking term) holds only when its condition is TRUE: NULL does not hold. */
export function holds(v: SqlValue): boolean {
  return v !== null && truthy(v);
}
