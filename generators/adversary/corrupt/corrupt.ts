// corruptTable: the corruption model adversary datasets share (FEBRL style, REFERENCE 6). Every draw is
// counter-based: with the same (seed, stream) a cell's corruption is a pure function of its record
// index, its column and the input table (value swaps read another record's original value).
import { chance, streamKey, uniform } from '../../../src/random/prng.ts';
import { editDate, type DateEdit } from './dates.ts';
import { swapNames, swappedValue } from './fields.ts';
import { nicknameSwap } from './nicknames.ts';
import { resolveRates, type FieldKind, type FieldRates } from './rates.ts';
import { keepInSsnSpace } from './ssn-typo.ts';
import { typo, type TypoKind } from './typo.ts';

/** What was done to a cell: bit flags, several may be set. */
export const Corruption = {
  NONE: 0,
  MISSING: 1,
  VALUE_SWAP: 2,
  NAME_SWAP: 4,
  NICKNAME: 8,
  TYPO_INSERT: 16,
  TYPO_DELETE: 32,
  TYPO_SUBSTITUTE: 64,
  TYPO_TRANSPOSE: 128,
  DATE_TRANSPOSE: 256,
  DATE_DAY: 512,
  DATE_YEAR: 1024,
} as const;
export type CorruptionName = keyof typeof Corruption;

const TYPO_CODE: Record<TypoKind, number> = {
  insert: Corruption.TYPO_INSERT, delete: Corruption.TYPO_DELETE,
  substitute: Corruption.TYPO_SUBSTITUTE, transpose: Corruption.TYPO_TRANSPOSE,
};
const DATE_EDITS: [DateEdit, keyof FieldRates & ('transposeDayMonth' | 'dayOffByOne' | 'yearOffByOne'), number, number][] = [
  ['transpose_day_month', 'transposeDayMonth', Corruption.DATE_TRANSPOSE, 6],
  ['day_off_by_one', 'dayOffByOne', Corruption.DATE_DAY, 7],
  ['year_off_by_one', 'yearOffByOne', Corruption.DATE_YEAR, 9],
];

/** The names of the flags set in a log code, e.g. ['NICKNAME', 'TYPO_DELETE']. */
export function describeCorruption(code: number): CorruptionName[] {
  return (Object.keys(Corruption) as CorruptionName[]).filter((name) => Corruption[name] !== 0 && (code & Corruption[name]) !== 0);
}

export interface ColumnSpec {
  kind: FieldKind;
  /** Overrides of the kind's defaults (rates.ts). */
  rates?: Partial<FieldRates>;
  /** For a given_name column: the surname column it may be exchanged with (rate `nameSwap`). */
  swapWith?: string;
}

export interface CorruptOptions {
  seed: number | string;
  /** Names the dataset (e.g. 'voter-roll'), so two datasets from one seed get independent errors. */
  stream: string;
}

export interface CorruptedTable {
  columns: Record<string, (string | null)[]>;
  /** Per column, per row: the Corruption flags applied (0 = untouched). Present for the spec's columns and any swapWith target. */
  log: Record<string, Uint16Array>;
}

// Draw slots k for (column key, row): each event has its own, so changing one rate moves no other draw.
// A typo uses typoDraws .. typoDraws + 3 (TYPO_DRAWS); an SSN typo kept in its space the three after.
const K = { missing: 0, swap: 1, swapPick: 2, nickname: 3, nicknamePick: 4, nameSwap: 5, typo: 11, typoDraws: 12, ssnRetype: 16 } as const;

/**
 * Corrupts the spec's columns of a table (other columns are returned as they are). Per non-missing
 * cell, in this order: name swap (row level) -> missing (stops) -> value swap -> nickname -> date
 * edits -> typo (an SSN's typo stays in its number space: ssn-typo.ts); each event is drawn
 * independently with its rate. Edits that cannot apply to a value
 * (a nickname for a name with none, a transposition of day 13) do nothing and are not logged.
 */
export function corruptTable(
  columns: Record<string, (string | null)[]>,
  spec: Record<string, ColumnSpec>,
  options: CorruptOptions,
): CorruptedTable {
  const names = Object.keys(columns);
  const n = names.length ? columns[names[0]!]!.length : 0;
  for (const name of names) {
    if (columns[name]!.length !== n) throw new Error(`corruptTable: column "${name}" has ${columns[name]!.length} rows, "${names[0]}" has ${n}`);
  }
  const resolved = new Map<string, { spec: ColumnSpec; rates: FieldRates; key: number }>();
  for (const [name, s] of Object.entries(spec)) {
    if (!(name in columns)) throw new Error(`corruptTable: the spec names column "${name}", which the table does not have (${names.join(', ')})`);
    if (s.swapWith !== undefined) {
      if (s.kind !== 'given_name') throw new Error(`corruptTable: swapWith is for given_name columns; "${name}" is ${s.kind}`);
      if (!(s.swapWith in columns)) throw new Error(`corruptTable: column "${name}" swaps with "${s.swapWith}", which the table does not have`);
    }
    resolved.set(name, { spec: s, rates: resolveRates(s.kind, s.rates, name), key: streamKey(options.seed, `${options.stream}/corrupt/${name}`) });
  }

  const out: Record<string, (string | null)[]> = {};
  for (const name of names) out[name] = columns[name]!.slice();
  const log: Record<string, Uint16Array> = {};
  for (const name of resolved.keys()) log[name] = new Uint16Array(n);

  // Row-level name swaps first: later events then act on the swapped values.
  for (const [name, { spec: s, rates, key }] of resolved) {
    if (s.swapWith === undefined || rates.nameSwap <= 0) continue;
    const given = out[name]!;
    const surname = out[s.swapWith]!;
    const otherLog = log[s.swapWith] ?? (log[s.swapWith] = new Uint16Array(n));
    for (let row = 0; row < n; row++) {
      if (given[row] === null || surname[row] === null || given[row] === surname[row]) continue;
      if (!chance(key, row, K.nameSwap, rates.nameSwap)) continue;
      [given[row], surname[row]] = swapNames(given[row]!, surname[row]!);
      log[name]![row]! |= Corruption.NAME_SWAP;
      otherLog[row]! |= Corruption.NAME_SWAP;
    }
  }

  for (const [name, { spec: s, rates, key }] of resolved) {
    const original = columns[name]!;
    const values = out[name]!;
    const codes = log[name]!;
    for (let row = 0; row < n; row++) {
      let v = values[row]!;
      if (v === null) continue;
      let code = 0;
      if (chance(key, row, K.missing, rates.missing)) {
        values[row] = null;
        codes[row]! |= Corruption.MISSING;
        continue;
      }
      if (rates.valueSwap > 0 && chance(key, row, K.swap, rates.valueSwap)) {
        const other = swappedValue(original, key, row, K.swapPick);
        if (other !== null) {
          v = other;
          code |= Corruption.VALUE_SWAP;
        }
      }
      if (rates.nickname > 0 && (s.kind === 'given_name' || s.kind === 'name') && chance(key, row, K.nickname, rates.nickname)) {
        const swapped = nicknameOfFirstToken(v, uniform(key, row, K.nicknamePick));
        if (swapped !== null) {
          v = swapped;
          code |= Corruption.NICKNAME;
        }
      }
      if (s.kind === 'date') {
        for (const [edit, rate, flag, k] of DATE_EDITS) {
          if (rates[rate] > 0 && chance(key, row, k, rates[rate])) {
            const edited = editDate(v, edit, chance(key, row, k + 1, 0.5));
            if (edited !== null && edited !== v) {
              v = edited;
              code |= flag;
            }
          }
        }
      }
      if (rates.typo > 0 && chance(key, row, K.typo, rates.typo)) {
        let t: { value: string; kind: TypoKind } = typo(v, key, row, K.typoDraws, { mix: rates.typoMix, keyboardShare: rates.keyboardShare, firstLetterWeight: rates.firstLetterWeight });
        if (s.kind === 'ssn') t = keepInSsnSpace(v, t.value, [uniform(key, row, K.ssnRetype), uniform(key, row, K.ssnRetype + 1), uniform(key, row, K.ssnRetype + 2)]) ?? t;
        v = t.value;
        code |= TYPO_CODE[t.kind];
      }
      values[row] = v;
      codes[row]! |= code;
    }
  }
  return { columns: out, log };
}

/** Nickname swap on the first word of a value ("William Smith" -> "Bill Smith"); null if none. */
function nicknameOfFirstToken(value: string, u: number): string | null {
  const m = /^(\s*)(\S+)(.*)$/s.exec(value);
  if (!m) return null;
  const swapped = nicknameSwap(m[2]!, u);
  return swapped === null ? null : m[1]! + swapped + m[3]!;
}
