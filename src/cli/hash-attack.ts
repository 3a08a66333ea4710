// The hash-inversion attack on a world: Medicare's SSNs released as unsalted SHA-256 "pseudonyms" (the
// hash-ids safeguard) are inverted by enumerating the SSN space on all cores; a secret-keyed HMAC over
// the same SSNs (the hmac-ids safeguard) is not. Node-only (worker threads), so its registry entry lives
// here in the shell and the CLI appends it to the browser-safe registry.
import { hmacDefence } from '../../attacks/hash/hmac.ts';
import { indexOfSsn, ISSUABLE_SPACE, SYNTHETIC_SPACE } from '../../attacks/hash/ssn-space.ts';
import { wilson } from '../../attacks/score/index.ts';
import { applyPipeline } from '../../safeguards/registry.ts';
import { valueAt } from '../table/table.ts';
import { below, streamKey } from '../random/prng.ts';
import { beneficiaryRows, needTable, type WorldView } from '../scenarios/world-view.ts';
import { takeSize } from '../scenarios/requested-size.ts';
import { count, countOf, measured, shareOf } from '../report/numbers.ts';
import { countFigure, figureText, numberFigure } from '../scenarios/figures.ts';
import { invertHashesParallel } from '../io/hash-workers.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition } from '../attacks-registry/attack.ts';
import { rateOf } from '../attacks-registry/figures-of.ts';
import { textsOf, textTable } from '../table/text.ts';

export interface HashInversionOptions {
  seed: number | string;
  /** Hashed SSNs to invert (default 200, or as many beneficiaries as the world has). */
  size?: number;
  onProgress?: (done: number, total: number) => void;
}

/** What the holder releases of some SSNs through one pseudonymising safeguard: the pseudonym column. */
function pseudonymsBy(safeguard: 'hash-ids' | 'hmac-ids', ssns: readonly string[], truth: Int32Array, key?: string): string[] {
  const release = applyPipeline({ table: textTable({ ssn: ssns }), truth }, [{ safeguard, options: { column: 'ssn', normalise: 'digits', ...(key ? { key } : {}) } }]);
  return ssns.map((_, i) => valueAt(release.table.columns.ssn!, i) as string);
}

export async function hashInversionAttack(world: WorldView, o: HashInversionOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const rows = beneficiaryRows(benes);
  const hicn = textsOf(benes, 'hicn');
  const person = textsOf(benes, 'person_id');
  const key = streamKey(o.seed, 'hash-attack');
  const hashes = takeSize(o.size, 200, rows.length, 'size', 'hashed SSNs (one per beneficiary)');
  const chosen = Array.from({ length: hashes.size }, (_, k) => rows[below(key, k, 0, rows.length)]!);
  const ssns = chosen.map((i) => hicn[i]!.slice(0, 9));
  const space = ssns.every((s) => s.startsWith('9')) ? SYNTHETIC_SPACE : ISSUABLE_SPACE;
  // What the holder shipped as a "pseudonymous" id: the hash-ids safeguard's plain SHA-256 of the SSN's digits.
  const released = pseudonymsBy('hash-ids', ssns, Int32Array.from(chosen, (i) => Number(person[i])));
  const inversion = await invertHashesParallel(released, space, { algorithm: 'sha256', format: 'digits', ...(o.onProgress ? { onProgress: (p) => o.onProgress!(p.tried, p.total) } : {}) });
  const found = new Set(inversion.found.map((f) => f.digest));
  // Per released hash: a beneficiary drawn twice is two released hashes, both inverted.
  const recovered = released.filter((d) => found.has(d)).length;
  // The keyed defence, shown over the area of the first SSN (a full scan per guessed key would take minutes).
  const area = Math.floor(Number(ssns[0]) / 1_000_000);
  const areaRows = new Map<number, number>();
  for (const i of rows) {
    const s = Number(hicn[i]!.slice(0, 9));
    if (Math.floor(s / 1_000_000) === area && !areaRows.has(s) && areaRows.size < 50) areaRows.set(s, i);
  }
  const inArea = [...areaRows.keys()];
  const secretKey = `reident-${o.seed}-secret`;
  const keyed = pseudonymsBy('hmac-ids', inArea.map((s) => String(s).padStart(9, '0')), Int32Array.from(areaRows.values(), (i) => Number(person[i])), secretKey);
  const defence = hmacDefence({ digests: keyed, leakedKey: secretKey, space, format: 'digits', start: indexOfSsn(space, Math.min(...inArea)), end: indexOfSsn(space, Math.max(...inArea)) + 1 });
  const recoveredWithoutKey = defence.foundUnkeyed + defence.foundWithGuessedKeys.reduce((a, b) => a + b, 0);
  // Clock figures are kept to three significant digits: more would be noise, and the sentence quotes the same.
  const seconds = measured(inversion.seconds);
  const took = numberFigure('seconds', 'time to enumerate', seconds, 's', 'The enumeration took this long on this machine.');
  return {
    attack: 'hash-inversion',
    hashes: released.length,
    ...(hashes.capped ? { capped: hashes.capped } : {}),
    space: space.name,
    spaceSize: space.size,
    inverted: wilson(recovered, released.length),
    seconds,
    hashesPerSecond: measured(inversion.hashesPerSecond),
    workers: inversion.workers,
    wholeSpaceMinutes: measured(1e9 / inversion.hashesPerSecond / 60),
    gpuSecondsAssumed10GHs: measured(space.size / 10e9),
    hmac: { keyedSsns: inArea.length, candidatesTried: defence.candidatesPerAttempt, guessedKeys: defence.foundWithGuessedKeys.length, recoveredWithoutKey, recoveredWithLeakedKey: defence.foundWithLeakedKey, explanation: defence.explanation },
    explanation:
      `${shareOf(recovered, released.length)} SHA-256-hashed SSNs were turned back into SSNs by trying all ` +
      `${count(space.size)} candidates in ${figureText(took)} on ${inversion.workers} threads; ` +
      `with a secret-keyed HMAC, ${countOf(recoveredWithoutKey, inArea.length)} were recovered without the key.`,
  };
}

export const HASH_INVERSION_ATTACK: AttackDefinition = {
  name: 'hash-inversion',
  description: "SSNs released as unsalted SHA-256 pseudonyms, inverted by trying every SSN on all cores; the same SSNs under a secret-keyed HMAC are not (Node only: worker threads)",
  needs: ['people', 'beneficiaries'],
  options: {
    kind: 'object',
    help: 'hash-inversion options',
    properties: { seed: SEED_OPTION, size: { kind: 'integer', help: 'hashed SSNs to invert (default 200, or as many as the world has beneficiaries)', min: 1 } },
  },
  async run(world, o, progress) {
    const r = await hashInversionAttack(world, { seed: seedOf(o), ...(o.size !== undefined ? { size: o.size as number } : {}), ...(progress ? { onProgress: (done, total) => progress('SSNs tried', done, total) } : {}) });
    const h = r.hmac;
    return attackRun(r, [
      countFigure('hashes', 'hashed SSNs released', r.hashes, 'The release carried {count} SSNs as plain SHA-256 hashes.'),
      countFigure('spaceSize', `SSN candidates (${r.space} space)`, r.spaceSize, 'The adversary tried all {count} candidate SSNs.'),
      rateOf('inverted', 'turned back into SSNs', r.inverted, '{rate} of the hashed SSNs were turned back into SSNs.'),
      numberFigure('seconds', 'time to enumerate', r.seconds, 's', 'The enumeration took this long on this machine.'),
      countFigure('workers', 'threads', r.workers, 'It ran on {count} threads.'),
      numberFigure('hashesPerSecond', 'speed', r.hashesPerSecond, 'hashes/s', 'SHA-256 hashes computed per second on this machine.'),
      numberFigure('wholeSpaceMinutes', 'every 9-digit string, this machine', r.wholeSpaceMinutes, 'min', 'Trying all 10^9 nine-digit strings would take this long here.'),
      numberFigure('gpuSecondsAssumed10GHs', 'this space on a 10 GH/s GPU', r.gpuSecondsAssumed10GHs, 's', 'One GPU at 10 billion hashes a second would try the whole candidate space in this time.'),
      countFigure('hmac.keyedSsns', 'HMAC: keyed SSNs', h.keyedSsns, 'The keyed demonstration released {count} SSNs as HMAC-SHA256 under a secret key.'),
      countFigure('hmac.candidatesTried', 'HMAC: candidates tried per key', h.candidatesTried, 'Each attempt enumerated {count} candidate SSNs around them.'),
      countFigure('hmac.guessedKeys', 'HMAC: keys guessed', h.guessedKeys, 'The adversary tried no key and {count} guessed keys.'),
      rateOf('hmac.recoveredWithoutKey', 'HMAC: recovered without the key', { k: h.recoveredWithoutKey, n: h.keyedSsns }, '{rate} of the keyed SSNs were recovered without the secret key.'),
      rateOf('hmac.recoveredWithLeakedKey', 'HMAC: recovered with the leaked key', { k: h.recoveredWithLeakedKey, n: h.keyedSsns }, '{rate} of the keyed SSNs were recovered once the key leaked (the control).'),
    ], [r.capped]);
  },
};
