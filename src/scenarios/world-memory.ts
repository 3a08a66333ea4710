// A world generated in memory for a scenario (or a notebook): the tables asked for, each the one coded
// table. Browser-safe.
import { generateWorld, planWorld } from '../../generators/world.ts';
import type { TableName } from '../../generators/world-types.ts';
import { isCoded, isDays, type ChunkColumn, type TableChunk, type TableSchema } from '../table/schema.ts';
import { tableOf, type Table, type TextColumn } from '../table/table.ts';
import { cmsDate, isoDate, NO_DAY } from '../dates.ts';
import { count } from '../report/numbers.ts';
import type { ColumnChoice, ScenarioProgress, ScenarioWorld } from './scenario.ts';
import type { WorldSection } from './world-options.ts';

/** The tables asked for; `columns` keeps only the named columns of a table (scenarios' `columns`), saving their coding. */
export function generatedWorld(o: WorldSection, tables: readonly TableName[], progress?: ScenarioProgress, columns: ColumnChoice = {}): ScenarioWorld {
  const plan = planWorld({ seed: o.seed, ...(o.people ? { people: o.people } : { scale: o.scale }), calibration: o.calibration, states: o.states === 'all' ? 'all' : o.states.split(',').map((x) => x.trim().toUpperCase()) });
  const wanted = new Set<TableName>(['people', ...tables]);
  const chunks = new Map<TableName, TableChunk[]>([...wanted].map((t) => [t, []]));
  for (const batch of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: wanted })) {
    for (const [t, c] of Object.entries(batch.chunks)) chunks.get(t as TableName)?.push(c!);
    progress?.('generating the world', batch.end, plan.totalPeople);
  }
  const view = (t: TableName) => (wanted.has(t) ? chunkView(plan.schemas[t], chunks.get(t)!, columns[t]) : undefined);
  return {
    source: `generated in memory: ${count(plan.totalPeople)} people, seed ${o.seed}, ${o.states === 'all' ? 'all states' : o.states}, ${o.calibration} calibration`,
    people: view('people')!,
    beneficiaries: view('beneficiaries'),
    claims_carrier: view('claims_carrier'),
    claims_inpatient: view('claims_inpatient'),
  };
}

/**
 * Generated chunks of one table as the one table, every column text as the world's files hold it (so a
 * world read from disk and one generated in memory are the same table). Coded chunk columns map onto
 * the text codes through their dictionaries, day columns through their distinct days (dates stay text,
 * in the schema's ISO or CMS style), plain values through their distinct values: no string per row.
 * Codes are in order of first appearance, as a reader gives them.
 */
export function chunkView(schema: TableSchema, chunks: readonly TableChunk[], keep?: readonly string[]): Table {
  const rows = chunks.reduce((a, c) => a + c.rows, 0);
  const columns: Record<string, TextColumn> = {};
  const unknown = keep?.find((n) => !schema.columns.some((c) => c.name === n));
  if (unknown !== undefined) throw new Error(`table ${schema.name} has no column "${unknown}"`);
  schema.columns.forEach((spec, j) => {
    if (keep && !keep.includes(spec.name)) return;
    const coder = new TextCoder(rows);
    for (const ch of chunks) coder.addChunk(ch.columns[j]!, ch.rows);
    columns[spec.name] = coder.done();
  });
  return tableOf(columns, rows);
}

/** Whole numbers below this are coded through a table instead of a Map (ids, counts). */
const INT_TABLE_LIMIT = 1 << 24;
const CANONICAL_INT = /^(0|[1-9]\d{0,7})$/;

/**
 * Codes a column chunk by chunk in order of first appearance; a value's text is made once, when first
 * seen. Small whole numbers are looked up in a table, and their texts kept out of the string Map unless
 * the column also holds text, so id columns cost no Map insert per row.
 */
class TextCoder {
  private readonly codes: Int32Array;
  private readonly dictionary: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly byDay = new Map<number, number>();
  private readonly byNumber = new Map<number, number>();
  /** Code + 1 of each small whole number seen (0: not seen). */
  private byInt = new Int32Array(0);
  private at = 0;
  constructor(rows: number) {
    this.codes = new Int32Array(rows);
  }
  private add(text: string): number {
    this.dictionary.push(text);
    return this.dictionary.length - 1;
  }
  private code(text: string): number {
    let k = this.index.get(text);
    if (k === undefined) {
      // The same text may have come as a number.
      const v = CANONICAL_INT.test(text) ? Number(text) : -1;
      k = v >= 0 && v < this.byInt.length && this.byInt[v]! > 0 ? this.byInt[v]! - 1 : this.add(text);
      this.index.set(text, k);
    }
    return k;
  }
  private intCode(v: number): number {
    if (v >= this.byInt.length) {
      const grown = new Int32Array(Math.min(INT_TABLE_LIMIT, Math.max(v + 1, 2 * this.byInt.length, 1024)));
      grown.set(this.byInt);
      this.byInt = grown;
    }
    let k = this.byInt[v]! - 1;
    if (k < 0) {
      const text = String(v);
      k = this.index.size > 0 ? (this.index.get(text) ?? this.add(text)) : this.add(text);
      this.byInt[v] = k + 1;
    }
    return k;
  }
  private numberCode(v: number): number {
    if (v >= 0 && v < INT_TABLE_LIMIT && Number.isInteger(v)) return this.intCode(v);
    let k = this.byNumber.get(v);
    if (k === undefined) this.byNumber.set(v, (k = this.code(String(v))));
    return k;
  }
  addChunk(c: ChunkColumn, rows: number): void {
    if (isCoded(c)) {
      const remap = new Int32Array(c.dictionary.length).fill(-1);
      for (let i = 0; i < rows; i++) {
        const k = c.codes[i]!;
        if (k < 0) this.codes[this.at++] = -1;
        else this.codes[this.at++] = remap[k]! >= 0 ? remap[k]! : (remap[k] = this.code(c.dictionary[k]!));
      }
    } else if (isDays(c)) {
      for (let i = 0; i < rows; i++) {
        const d = c.days[i]!;
        if (d === NO_DAY) {
          this.codes[this.at++] = -1;
          continue;
        }
        let k = this.byDay.get(d);
        if (k === undefined) this.byDay.set(d, (k = this.code(c.style === 'iso' ? isoDate(d) : cmsDate(d))));
        this.codes[this.at++] = k;
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const v = c[i];
        if (v === null || v === undefined) this.codes[this.at++] = -1;
        else if (typeof v === 'string') this.codes[this.at++] = this.code(v);
        else this.codes[this.at++] = this.numberCode(v);
      }
    }
  }
  done(): TextColumn {
    return { kind: 'text', codes: this.codes, dictionary: this.dictionary };
  }
}
