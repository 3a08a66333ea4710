// Why a secret-keyed HMAC of an SSN is a pseudonym and a plain hash is not. The holder publishes
// HMAC-SHA256(secret, ssn), made by the hmac-ids safeguard; this adversary only enumerates: the same SSN
// slice unkeyed and under guessed keys, recovering nothing. As a control, the same enumeration under the
// leaked key recovers every SSN, so the defence rests on the key alone: it must be long, random and kept
// apart from the data.
import { scanTargets } from './invert.ts';
import type { SsnCandidateSpace, SsnFormat } from './ssn-space.ts';
import { targetSet } from './targets.ts';
import { count, countOf } from '../../src/report/numbers.ts';

export interface HmacDefenceOptions {
  /** The released keyed pseudonyms: HMAC-SHA256 hex digests of SSNs written as `format` says. */
  readonly digests: readonly string[];
  /** The holder's key as if it leaked: the control showing the enumeration itself works. */
  readonly leakedKey: string | Uint8Array;
  /** Keys the adversary guesses (default: '', 'secret', 'password', 'medicare'). */
  readonly guessedKeys?: readonly (string | Uint8Array)[];
  readonly space: SsnCandidateSpace;
  /** How the holder wrote each SSN before keying it (and so how candidates are written). */
  readonly format: SsnFormat;
  /** Index range the adversary scans; it should hold the SSNs so that 'nothing found' means something. */
  readonly start?: number;
  readonly end?: number;
}

export interface HmacDefenceReport {
  readonly targets: number;
  /** Candidates hashed per attempt. */
  readonly candidatesPerAttempt: number;
  /** SSNs recovered by enumerating plain SHA-256 (as if the release were unkeyed). */
  readonly foundUnkeyed: number;
  /** SSNs recovered under each guessed key. */
  readonly foundWithGuessedKeys: readonly number[];
  /** Control: SSNs recovered if the secret key leaks. */
  readonly foundWithLeakedKey: number;
  readonly explanation: string;
}

export function hmacDefence(options: HmacDefenceOptions): HmacDefenceReport {
  const keyed = targetSet('hmac-sha256', options.digests);
  const range = { format: options.format, start: options.start, end: options.end, stopWhenAllFound: true };
  const distinct = (r: { found: { digest: string }[] }) => new Set(r.found.map((f) => f.digest)).size;
  const unkeyed = scanTargets(targetSet('sha256', options.digests), options.space, { ...range, algorithm: 'sha256' });
  const guessed = (options.guessedKeys ?? ['', 'secret', 'password', 'medicare']).map((key) =>
    distinct(scanTargets(keyed, options.space, { ...range, algorithm: 'hmac-sha256', key })),
  );
  const leaked = scanTargets(keyed, options.space, { ...range, algorithm: 'hmac-sha256', key: options.leakedKey });
  const candidates = unkeyed.tried;
  const recovered = guessed.reduce((a, b) => a + b, 0) + distinct(unkeyed);
  return {
    targets: keyed.digests.length,
    candidatesPerAttempt: candidates,
    foundUnkeyed: distinct(unkeyed),
    foundWithGuessedKeys: guessed,
    foundWithLeakedKey: distinct(leaked),
    explanation:
      `Enumerating ${count(candidates)} candidate SSNs recovered ${countOf(recovered, keyed.digests.length)} keyed ` +
      `pseudonyms without the secret key (unkeyed and ${guessed.length} guessed keys), but ${distinct(leaked)} with the leaked key: ` +
      `an HMAC with a secret key cannot be inverted by enumeration, as long as the key stays secret and is too long to guess.`,
  };
}
