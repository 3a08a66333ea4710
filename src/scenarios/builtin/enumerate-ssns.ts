// The enumeration attack on hashed SSNs, in one thread and in chunks so that a browser stays responsive
// and progress can be shown: every candidate of a space (or a slice of it) hashed as the holder would
// have hashed it, the matches kept, the run timed. Browser-safe (no workers: attacks/hash/invert.ts).
import { scanTargets, type FoundSsn } from '../../../attacks/hash/invert.ts';
import { ssnSpace, SYNTHETIC_SPACE, type SsnCandidateSpace } from '../../../attacks/hash/ssn-space.ts';
import { targetSet, type HashAlgorithm } from '../../../attacks/hash/targets.ts';

const CHUNK = 1_000_000;

export interface Enumeration {
  /** Each target digest recovered, with its SSN. */
  readonly found: ReadonlyMap<string, FoundSsn>;
  /** Candidates hashed. */
  readonly tried: number;
  readonly seconds: number;
}

/**
 * Hashes candidates [start, end) of `space` with `algorithm` (under `key` for an HMAC guess) against the
 * target digests; stops once every target is found. `progress` is called after each chunk.
 */
export async function enumerateSsns(
  digests: readonly string[],
  space: SsnCandidateSpace,
  o: { algorithm: HashAlgorithm; key?: string; start?: number; end?: number; progress?: (done: number, total: number) => void },
): Promise<Enumeration> {
  const start = o.start ?? 0;
  const end = o.end ?? space.size;
  const remaining = new Set(digests);
  const found = new Map<string, FoundSsn>();
  let tried = 0;
  const began = performance.now();
  for (let at = start; at < end && remaining.size > 0; at += CHUNK) {
    const r = scanTargets(targetSet(o.algorithm, [...remaining]), space, { algorithm: o.algorithm, format: 'digits', start: at, end: Math.min(end, at + CHUNK), ...(o.key !== undefined ? { key: o.key } : {}) });
    tried += r.tried;
    for (const f of r.found) {
      found.set(f.digest, f);
      remaining.delete(f.digest);
    }
    o.progress?.(at + r.tried - start, end - start);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { found, tried, seconds: (performance.now() - began) / 1000 };
}

/** The candidates an adversary enumerates: areas [from, to]; within reident's synthetic areas (900-999), the synthetic space's groups. */
export function areaSpace(from: number, to: number): SsnCandidateSpace {
  const synthetic = from >= 900;
  const groups = synthetic ? SYNTHETIC_SPACE.groups.map((g) => [g, g] as const) : [[1, 99] as const];
  return ssnSpace({ name: synthetic && from === 900 && to === 999 ? 'synthetic' : `areas ${from}-${to}`, areas: [[from, to]], groups });
}
