// Hash inversion by enumeration: an unsalted hash of an SSN is a lookup, not a pseudonym. The adversary
// hashes every candidate of a (narrowed) SSN space in the format the holder used and keeps the matches.
// Each hash is allocation-free on scratch buffers; [start, end) lets workers split the space.
import { shortHasher } from './short-hasher.ts';
import { scanTargetsX4 } from './scan-x4.ts';
import { formatCandidate, formatLength, scanCandidates, type SsnCandidateSpace, type SsnFormat } from './ssn-space.ts';
import { lookup, targetSet, type HashAlgorithm, type TargetSet } from './targets.ts';

export { invertNameDob, nameDobText, type NameDobFormat, type NameDobOptions, type NameDobResult } from './name-dob.ts';
export type { HashAlgorithm } from './targets.ts';

export interface InvertOptions {
  readonly algorithm: HashAlgorithm;
  readonly format: SsnFormat;
  /** Index range of the space to scan; the whole space by default. */
  readonly start?: number;
  readonly end?: number;
  /** Key for 'hmac-sha256' (the adversary's guess of the holder's secret). */
  readonly key?: string | Uint8Array;
  /** Stop as soon as every target is found (default true). */
  readonly stopWhenAllFound?: boolean;
}

export interface FoundSsn {
  readonly digest: string;
  /** The SSN as the holder wrote it ('AAAGGSSSS' or 'AAA-GG-SSSS'). */
  readonly ssn: string;
  /** The SSN as a 9-digit integer. */
  readonly value: number;
}

export interface InvertResult {
  readonly found: FoundSsn[];
  /** Candidates hashed. */
  readonly tried: number;
  readonly targets: number;
}

/** Scans [start, end) of a space against a prepared target set (the form workers use); SHA-256 and HMAC on SIMD lanes where the runtime has them. */
export function scanTargets(targets: TargetSet, space: SsnCandidateSpace, options: InvertOptions): InvertResult {
  return scanTargetsX4(targets, space, options) ?? scanTargetsScalar(targets, space, options);
}

/** The same scan one candidate at a time (MD5, and runtimes without WebAssembly SIMD). */
export function scanTargetsScalar(targets: TargetSet, space: SsnCandidateSpace, options: InvertOptions): InvertResult {
  const start = options.start ?? 0;
  const end = options.end ?? space.size;
  const block = new Uint8Array(64);
  const { hash, out } = shortHasher(options.algorithm, block, formatLength(options.format), options.key);
  const found: FoundSsn[] = [];
  const seen = new Uint8Array(targets.digests.length);
  const stop = options.stopWhenAllFound ?? true;
  let remaining = targets.digests.length;
  const tried = remaining === 0 && stop ? 0 : scanCandidates(space, options.format, start, end, block, (ssn) => {
    hash(block, out);
    const i = lookup(targets, out);
    if (i < 0) return false;
    found.push({ digest: targets.digests[i]!, ssn: formatCandidate(ssn, options.format), value: ssn });
    if (seen[i] === 0) {
      seen[i] = 1;
      remaining--;
    }
    return stop && remaining === 0;
  });
  return { found, tried, targets: targets.digests.length };
}

/** Inverts hex digests of SSNs by enumerating [start, end) of a space; returns the matches and candidates tried. */
export function invertHashes(targets: readonly string[], space: SsnCandidateSpace, options: InvertOptions): InvertResult {
  return scanTargets(targetSet(options.algorithm, targets), space, options);
}
