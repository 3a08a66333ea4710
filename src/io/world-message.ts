// A world in a form that crosses to a worker thread fast. Structured clone copies an array of strings
// string by string (Wyoming's claims ids alone took 3 s to send and as long to receive), so each
// dictionary travels as one string joined on a separator it does not contain; typed columns travel in
// shared memory, which the worker reads in place instead of copying.
import type { ScenarioWorld } from '../scenarios/scenario.ts';
import type { Column, Table } from '../table/table.ts';

type PackedColumn =
  | { kind: 'text'; codes: Int32Array; joined: string; separator: string; size: number }
  | { kind: 'text'; codes: Int32Array; dictionary: readonly string[] }
  | { kind: 'date'; days: Int32Array }
  | { kind: 'number'; values: Float64Array };

interface PackedTable {
  rows: number;
  names: readonly string[];
  columns: Record<string, PackedColumn>;
}

export type PackedWorld = Record<string, PackedTable | string | undefined>;

/** The same values in shared memory (copied once, here). */
function shared<T extends Int32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

const SEPARATORS = ['\u0000', '\u0001', '\uffff'];

function packColumn(c: Column): PackedColumn {
  if (c.kind === 'date') return { kind: 'date', days: shared(c.days) };
  if (c.kind === 'number') return { kind: 'number', values: shared(c.values) };
  const separator = SEPARATORS.find((s) => !c.dictionary.some((v) => v.includes(s)));
  const codes = shared(c.codes);
  if (separator === undefined) return { kind: 'text', codes, dictionary: c.dictionary };
  return { kind: 'text', codes, joined: c.dictionary.join(separator), separator, size: c.dictionary.length };
}

function unpackColumn(c: PackedColumn): Column {
  if (c.kind !== 'text') return c;
  if ('dictionary' in c) return c;
  return { kind: 'text', codes: c.codes, dictionary: c.size === 0 ? [] : c.joined.split(c.separator) };
}

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && 'columns' in v;

export function packWorld(world: ScenarioWorld): PackedWorld {
  const out: PackedWorld = {};
  for (const [key, v] of Object.entries(world)) {
    out[key] = isTable(v) ? { rows: v.rows, names: v.names, columns: Object.fromEntries(v.names.map((n) => [n, packColumn(v.columns[n]!)])) } : (v as string | undefined);
  }
  return out;
}

export function unpackWorld(packed: PackedWorld): ScenarioWorld {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(packed)) {
    out[key] = typeof v === 'object' ? { rows: v.rows, names: v.names, columns: Object.fromEntries(v.names.map((n) => [n, unpackColumn(v.columns[n]!)])) } : v;
  }
  return out as unknown as ScenarioWorld;
}
