// The enumeration of invert.ts on the 4-lane WebAssembly SHA-256 (src/crypto/sha256-x4.ts): candidates
// are gathered into lanes a batch at a time, hashed in one call, then checked in candidate order, so
// the matches, their order and the count tried are those of the one-at-a-time scan.
import { digestIndex, sha256x4, wordIndex, X4_CAPACITY, type Sha256x4 } from '../../src/crypto/sha256-x4.ts';
import { SHA256_IV, sha256PadShort } from '../../src/crypto/sha256.ts';
import { hmacOuterBlock, hmacPrepare } from '../../src/crypto/hmac-sha256.ts';
import { formatCandidate, formatLength, scanCandidates, type SsnCandidateSpace } from './ssn-space.ts';
import { holdsFirstWord, lookup, type TargetSet } from './targets.ts';
import type { FoundSsn, InvertOptions, InvertResult } from './invert.ts';

const BATCH = X4_CAPACITY * 4;
let lanes: { inner: Sha256x4; outer: Sha256x4 } | null | undefined;

/** The two compressors (inner and outer hash of an HMAC), made once; null without WebAssembly SIMD. */
function compressors(): { inner: Sha256x4; outer: Sha256x4 } | null {
  if (lanes === undefined) {
    const inner = sha256x4();
    const outer = inner && sha256x4();
    lanes = inner && outer ? { inner, outer } : null;
  }
  return lanes;
}

const wordOf = (b: Uint8Array, j: number) => ((b[4 * j]! << 24) | (b[4 * j + 1]! << 16) | (b[4 * j + 2]! << 8) | b[4 * j + 3]!) >>> 0;

/** Writes block words [from, to) into lane `i` of the batch. */
function putWords(x: Sha256x4, i: number, block: Uint8Array, from: number, to: number): void {
  for (let j = from; j < to; j++) x.words[wordIndex(i >> 2, j, i & 3)] = wordOf(block, j);
}

/** scanTargets for 'sha256' and 'hmac-sha256' on SIMD lanes, or null where WebAssembly SIMD is missing. */
export function scanTargetsX4(targets: TargetSet, space: SsnCandidateSpace, options: InvertOptions): InvertResult | null {
  const x = options.algorithm === 'md5' ? null : compressors();
  if (!x) return null;
  const hmac = options.algorithm === 'hmac-sha256';
  if (hmac && options.key === undefined) throw new Error("algorithm 'hmac-sha256' needs a key (the adversary's guess of the secret)");
  const start = options.start ?? 0;
  const end = options.end ?? space.size;
  const stop = options.stopWhenAllFound ?? true;
  const length = formatLength(options.format);
  const block = new Uint8Array(64);
  sha256PadShort(block, length, hmac ? 64 : 0);
  const varying = Math.ceil((length + 1) / 4); // words holding message bytes or the 0x80 after them
  for (let i = 0; i < BATCH; i++) putWords(x.inner, i, block, varying, 16);
  if (hmac) {
    const key = hmacPrepare(options.key!);
    x.inner.setState(key.inner);
    x.outer.setState(key.outer);
    const outerBlock = hmacOuterBlock();
    for (let i = 0; i < BATCH; i++) putWords(x.outer, i, outerBlock, 8, 16);
  } else x.inner.setState(SHA256_IV);
  const digest = hmac ? x.outer.digest : x.inner.digest;

  const found: FoundSsn[] = [];
  const seen = new Uint8Array(targets.digests.length);
  let remaining = targets.digests.length;
  const ssns = new Int32Array(BATCH);
  const out = new Uint32Array(8);
  let n = 0, done = 0, stoppedAt = -1;
  const flush = (): boolean => {
    const quads = (n + 3) >> 2;
    x.inner.run(quads);
    if (hmac) {
      for (let i = 0; i < n; i++) for (let j = 0; j < 8; j++) x.outer.words[wordIndex(i >> 2, j, i & 3)] = x.inner.digest[digestIndex(i >> 2, j, i & 3)]!;
      x.outer.run(quads);
    }
    for (let i = 0; i < n; i++) {
      if (!holdsFirstWord(targets, digest[digestIndex(i >> 2, 0, i & 3)]!)) continue;
      for (let j = 0; j < 8; j++) out[j] = digest[digestIndex(i >> 2, j, i & 3)]!;
      const t = lookup(targets, out);
      if (t < 0) continue;
      found.push({ digest: targets.digests[t]!, ssn: formatCandidate(ssns[i]!, options.format), value: ssns[i]! });
      if (seen[t] === 0) {
        seen[t] = 1;
        remaining--;
      }
      if (stop && remaining === 0) {
        stoppedAt = done + i + 1;
        return true;
      }
    }
    done += n;
    n = 0;
    return false;
  };
  if (!(remaining === 0 && stop)) {
    scanCandidates(space, options.format, start, end, block, (ssn) => {
      putWords(x.inner, n, block, 0, varying);
      ssns[n++] = ssn;
      return n === BATCH && flush();
    });
    if (stoppedAt < 0 && n > 0) flush();
  }
  return { found, tried: stoppedAt >= 0 ? stoppedAt : done, targets: targets.digests.length };
}
