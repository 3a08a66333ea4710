// The hash-inversion attack on a world: Medicare's SSNs released as unsalted SHA-256 "pseudonyms"
// are inverted by enumerating the SSN space on all cores; a secret-keyed HMAC over the same SSNs is
// not. Node-only (worker threads).
import { hmacDefence } from '../../attacks/hash/hmac.ts';
import { indexOfSsn, ISSUABLE_SPACE, SYNTHETIC_SPACE } from '../../attacks/hash/ssn-space.ts';
import { wilson } from '../../attacks/score/index.ts';
import { below, streamKey } from '../random/prng.ts';
import { beneficiaryRows, needTable, type WorldView } from '../scenarios/world-view.ts';
import { takeSize } from '../scenarios/requested-size.ts';
import { count, countOf, duration, measured, shareOf } from '../report/numbers.ts';
import { invertHashesParallel } from '../io/hash-workers.ts';
import { pseudonymsOf } from '../../safeguards/identifiers/pseudonyms-of.ts';

export async function hashInversionAttack(world: WorldView, o: { seed: number | string; size?: number; onProgress?: (done: number, total: number) => void }) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const rows = beneficiaryRows(benes);
  const hicn = benes.column('hicn');
  const key = streamKey(o.seed, 'hash-attack');
  const hashes = takeSize(o.size, 200, rows.length, 'size', 'hashed SSNs (one per beneficiary)');
  const take = hashes.size;
  const chosen = Array.from({ length: take }, (_, k) => rows[below(key, k, 0, rows.length)]!);
  const ssns = chosen.map((i) => hicn[i]!.slice(0, 9));
  const space = ssns.every((s) => s.startsWith('9')) ? SYNTHETIC_SPACE : ISSUABLE_SPACE;
  // What the holder shipped as a "pseudonymous" id: the safeguard's plain SHA-256 of the SSN's digits.
  const released = pseudonymsOf(ssns, { method: 'hash', normalise: 'digits' }) as string[];
  const inversion = await invertHashesParallel(released, space, { algorithm: 'sha256', format: 'digits', ...(o.onProgress ? { onProgress: (p) => o.onProgress!(p.tried, p.total) } : {}) });
  const recovered = new Set(inversion.found.map((f) => f.digest));
  // The keyed defence, shown over the area of the first SSN (a full scan per guessed key would take minutes).
  const area = Math.floor(Number(ssns[0]) / 1_000_000);
  const inArea = [...new Set(rows.map((i) => Number(hicn[i]!.slice(0, 9))))].filter((s) => Math.floor(s / 1_000_000) === area).slice(0, 50);
  const first = indexOfSsn(space, Math.min(...inArea));
  const last = indexOfSsn(space, Math.max(...inArea));
  const defence = hmacDefence({ ssns: inArea, secretKey: `reident-${o.seed}-secret`, space, format: 'digits', start: first, end: last + 1 });
  const gpuSeconds = space.size / 10e9;
  const recoveredWithoutKey = defence.foundUnkeyed + defence.foundWithGuessedKeys.reduce((a, b) => a + b, 0);
  // Clock figures are kept to three significant digits: more would be noise, and the sentence quotes the same.
  const seconds = measured(inversion.seconds);
  return {
    attack: 'hash-inversion',
    hashes: released.length,
    ...(hashes.capped ? { capped: hashes.capped } : {}),
    space: space.name,
    spaceSize: space.size,
    inverted: wilson(recovered.size, released.length),
    seconds,
    hashesPerSecond: measured(inversion.hashesPerSecond),
    workers: inversion.workers,
    wholeSpaceMinutes: measured(1e9 / inversion.hashesPerSecond / 60),
    gpuSecondsAssumed10GHs: measured(gpuSeconds),
    hmac: { keyedSsns: inArea.length, candidatesTried: defence.candidatesPerAttempt, guessedKeys: defence.foundWithGuessedKeys.length, recoveredWithoutKey, recoveredWithLeakedKey: defence.foundWithLeakedKey, explanation: defence.explanation },
    explanation:
      `${shareOf(recovered.size, released.length)} SHA-256-hashed SSNs were turned back into SSNs by trying all ` +
      `${count(space.size)} candidates in ${duration(seconds)} on ${inversion.workers} threads; ` +
      `with a secret-keyed HMAC, ${countOf(recoveredWithoutKey, inArea.length)} were recovered without the key.`,
  };
}
