// How each arm of the pprl-bloom scenario encodes a holder's records: one Bloom filter per field
// (field-level), the same salted per record with its birth year, one filter of all fields (CLK), or
// balanced filters. Both holders use the same secret keys; the attacker never does. Browser-safe.
import { balancer } from '../../../safeguards/identifiers/balanced-filter.ts';
import { bytesFor, setBit } from '../../../safeguards/identifiers/bit-strings.ts';
import { clkEncoder, type ClkEncoder } from '../../../safeguards/identifiers/clk-encoder.ts';
import { normalised } from '../../../safeguards/identifiers/normalise.ts';
import type { EncodedRecord } from '../../../attacks/bloom/dice-link.ts';
import type { BloomScheme } from '../../../attacks/bloom/frequency-attack.ts';
import { hashString } from '../../random/prng.ts';

export type Field = 'first_name' | 'last_name' | 'birth_date';

export interface EncodingPlan {
  /** The filters of a record, in order; the first holds the first name (the one the attack aims at). */
  readonly filters: readonly { readonly fields: readonly Field[]; readonly salted: boolean }[];
  readonly balanced: boolean;
}

/** A holder's records as plain text, normalised (trim, upper case). */
export type PlainRecords = Readonly<Record<Field, readonly (string | null)[]>>;

const bytes = (s: string) => new TextEncoder().encode(s);

/** The holders' shared secret (keys of the two HMACs); a salt is appended to both. */
function encoderFor(scheme: BloomScheme, secret: string, salt: string, cache: Map<string, ClkEncoder>): ClkEncoder {
  let e = cache.get(salt);
  if (!e) {
    e = clkEncoder({ keys: [bytes(`${secret}:first-key:${salt}`), bytes(`${secret}:second-key:${salt}`)], q: scheme.q, k: scheme.k, length: scheme.length, padded: scheme.padded });
    cache.set(salt, e);
  }
  return e;
}

export function plainRecords(columns: Readonly<Record<Field, readonly (string | null)[]>>): PlainRecords {
  const norm = (v: readonly (string | null)[]) => v.map((x) => (x === null ? null : normalised(x, 'trim-upper') || null));
  return { first_name: norm(columns.first_name), last_name: norm(columns.last_name), birth_date: norm(columns.birth_date) };
}

/** A holder's records with every field's values and birth years numbered (made once, shared by every plan). */
interface Interned {
  readonly ids: Readonly<Record<Field, Int32Array>>;
  readonly values: Readonly<Record<Field, readonly string[]>>;
  /** Birth year of each record (the salt), numbered; -1 when the birth date is missing. */
  readonly year: Int32Array;
  readonly years: readonly string[];
  /** Bit positions of a value per scheme and secret, then per field and (salt, value): shared by every plan. */
  readonly positions: Map<string, Map<Field, Map<number, Int32Array>>>;
}

const interned = new WeakMap<PlainRecords, Interned>();

function numbered(values: readonly (string | null)[]): { ids: Int32Array; values: string[] } {
  const index = new Map<string, number>();
  const list: string[] = [];
  const ids = Int32Array.from(values, (v) => {
    if (!v) return -1;
    let k = index.get(v);
    if (k === undefined) index.set(v, (k = list.push(v) - 1));
    return k;
  });
  return { ids, values: list };
}

function internedOf(records: PlainRecords): Interned {
  let x = interned.get(records);
  if (!x) {
    const f = numbered(records.first_name);
    const l = numbered(records.last_name);
    const b = numbered(records.birth_date);
    const y = numbered(records.birth_date.map((d) => d?.slice(0, 4) ?? null));
    x = { ids: { first_name: f.ids, last_name: l.ids, birth_date: b.ids }, values: { first_name: f.values, last_name: l.values, birth_date: b.values }, year: y.ids, years: y.values, positions: new Map() };
    interned.set(records, x);
  }
  return x;
}

/** Each record's filters under the plan (null when a filter would be empty: nothing to compare). */
export function encodeRecords(records: PlainRecords, plan: EncodingPlan, scheme: BloomScheme, secret: string): EncodedRecord[] {
  const { ids, values, year, years, positions } = internedOf(records);
  const encoders = new Map<string, ClkEncoder>();
  // Caches keyed by salt x value number: a value's positions (kept for other plans of the same scheme
  // and secret), and a one-field filter (shared by equal values, read-only).
  const schemeKey = `${scheme.q},${scheme.k},${scheme.length},${scheme.padded},${secret}`;
  let positionCache = positions.get(schemeKey);
  if (!positionCache) positions.set(schemeKey, (positionCache = new Map()));
  const filterCache = plan.filters.map(() => new Map<number, Uint8Array>());
  const balance = plan.balanced ? balancer(scheme.length, hashString(`${secret}:balance`)) : null;
  const positionsOf = (field: Field, salt: number, id: number): Int32Array => {
    let cache = positionCache.get(field);
    if (!cache) positionCache.set(field, (cache = new Map()));
    const key = (salt + 1) * values[field].length + id;
    let at = cache.get(key);
    if (!at) cache.set(key, (at = encoderFor(scheme, secret, salt < 0 ? '' : years[salt]!, encoders).valuePositions(values[field][id]!)));
    return at;
  };
  const n = records.first_name.length;
  const out: EncodedRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const filters: Uint8Array[] = [];
    for (const [fi, f] of plan.filters.entries()) {
      if (f.salted && year[i]! < 0) break;
      const salt = f.salted ? year[i]! : -1;
      const single = f.fields.length === 1 ? f.fields[0]! : null;
      const key = single && ids[single][i]! >= 0 ? (salt + 1) * values[single].length + ids[single][i]! : -1;
      const shared = key >= 0 ? filterCache[fi]!.get(key) : undefined;
      if (shared) {
        filters.push(shared);
        continue;
      }
      const filter = new Uint8Array(bytesFor(scheme.length));
      let any = false;
      for (const c of f.fields) {
        const id = ids[c][i]!;
        if (id < 0) continue;
        any = true;
        const positions = positionsOf(c, salt, id);
        for (let j = 0; j < positions.length; j++) setBit(filter, positions[j]!);
      }
      if (!any) break;
      const made = balance ? balance(filter) : filter;
      if (key >= 0) filterCache[fi]!.set(key, made);
      filters.push(made);
    }
    out[i] = filters.length === plan.filters.length ? filters : null;
  }
  return out;
}
