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

/** Each record's filters under the plan (null when a filter would be empty: nothing to compare). */
export function encodeRecords(records: PlainRecords, plan: EncodingPlan, scheme: BloomScheme, secret: string): EncodedRecord[] {
  const cache = new Map<string, ClkEncoder>();
  const valueCache = new Map<string, Int32Array>();
  // A one-field filter depends only on its value and salt, so equal values share one (read-only) filter.
  const filterCache = new Map<string, Uint8Array>();
  const balance = plan.balanced ? balancer(scheme.length, hashString(`${secret}:balance`)) : null;
  const n = records.first_name.length;
  const out: EncodedRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const year = records.birth_date[i]?.slice(0, 4) ?? null;
    const filters: Uint8Array[] = [];
    for (const f of plan.filters) {
      if (f.salted && year === null) break;
      const salt = f.salted ? year! : '';
      const single = f.fields.length === 1 ? records[f.fields[0]!][i] : undefined;
      const shared = single ? filterCache.get(`${salt}\u0000${f.fields[0]}\u0000${single}`) : undefined;
      if (shared) {
        filters.push(shared);
        continue;
      }
      const encoder = encoderFor(scheme, secret, salt, cache);
      const filter = new Uint8Array(bytesFor(scheme.length));
      let any = false;
      for (const c of f.fields) {
        const v = records[c][i];
        if (!v) continue;
        any = true;
        // A value's bit positions are computed once per salt and field.
        const at = `${salt}\u0000${c}\u0000${v}`;
        let positions = valueCache.get(at);
        if (!positions) valueCache.set(at, (positions = encoder.valuePositions(v)));
        for (let j = 0; j < positions.length; j++) setBit(filter, positions[j]!);
      }
      if (!any) break;
      const made = balance ? balance(filter) : filter;
      if (single) filterCache.set(`${salt}\u0000${f.fields[0]}\u0000${single}`, made);
      filters.push(made);
    }
    out[i] = filters.length === plan.filters.length ? filters : null;
  }
  return out;
}
