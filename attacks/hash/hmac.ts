// Why a secret-keyed HMAC of an SSN is a pseudonym and a plain hash is not. The holder publishes
// HMAC-SHA256(secret, ssn), made by the safeguard (safeguards/identifiers); the adversary enumerates the
// same SSN slice unkeyed and under guessed keys, and recovers nothing. As a control, the same enumeration
// under the leaked key recovers every SSN, so the defence rests on the key alone: it must be long, random
// and kept apart from the data.
import { pseudonymsOf } from '../../safeguards/identifiers/pseudonyms-of.ts';
import { scanTargets } from './invert.ts';
import { formatCandidate, type SsnCandidateSpace, type SsnFormat } from './ssn-space.ts';
import { targetSet } from './targets.ts';
import { count, countOf } from '../../src/report/numbers.ts';

export interface HmacDefenceOptions {
  /** The SSNs the holder keyed (9-digit integers). */
  readonly ssns: readonly number[];
  /** The holder's secret key (in practice 32 random bytes held apart from the data). */
  readonly secretKey: string | Uint8Array;
  /** Keys the adversary guesses (default: '', 'secret', 'password', 'medicare'). */
  readonly guessedKeys?: readonly (string | Uint8Array)[];
  readonly space: SsnCandidateSpace;
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
  // The holder's release, made by the safeguard: HMAC-SHA256 of each SSN as written, under the secret key.
  const ssns = options.ssns.map((s) => formatCandidate(s, options.format));
  const digests = pseudonymsOf(ssns, { method: 'hmac', normalise: 'none', key: options.secretKey }) as string[];
  const keyed = targetSet('hmac-sha256', digests);
  const range = { format: options.format, start: options.start, end: options.end, stopWhenAllFound: true };
  const distinct = (r: { found: { digest: string }[] }) => new Set(r.found.map((f) => f.digest)).size;
  const unkeyed = scanTargets(targetSet('sha256', digests), options.space, { ...range, algorithm: 'sha256' });
  const guessed = (options.guessedKeys ?? ['', 'secret', 'password', 'medicare']).map((key) =>
    distinct(scanTargets(keyed, options.space, { ...range, algorithm: 'hmac-sha256', key })),
  );
  const leaked = scanTargets(keyed, options.space, { ...range, algorithm: 'hmac-sha256', key: options.secretKey });
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
