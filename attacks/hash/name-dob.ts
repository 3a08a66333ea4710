// Inverting hashes of name + birth date: the space is a dictionary of last names x first names x the days
// of a birth-date window, small enough to enumerate (10^3 x 10^3 x 36,500 days ~ 3.7e10 at worst; an
// adversary with a census name list and an age band needs far fewer).
//
// The text hashed is, by default, 'LAST|FIRST|YYYY-MM-DD' in upper case, e.g. 'SMITH|JOHN|1950-03-07'.
// The adversary must guess the holder's layout; every part of it is an option.
import { hmacSha256Hex } from '../../src/crypto/hmac-sha256.ts';
import { md5Hex } from '../../src/crypto/md5.ts';
import { sha256Hex } from '../../src/crypto/sha256.ts';
import { shortHasher } from './short-hasher.ts';
import { lookup, targetSet, type HashAlgorithm } from './targets.ts';

export interface NameDobFormat {
  /** 'last-first' (default) or 'first-last'. */
  readonly order?: 'last-first' | 'first-last';
  /** Between the parts (default '|'). */
  readonly separator?: string;
  /** Letter case of the names (default 'upper'). */
  readonly case?: 'upper' | 'lower';
  /** Birth date layout (default 'YYYY-MM-DD'). */
  readonly date?: 'YYYY-MM-DD' | 'YYYYMMDD' | 'MM/DD/YYYY';
}

export interface NameDobOptions {
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** Inclusive window of birth dates, 'YYYY-MM-DD'. */
  readonly birthDates: { readonly from: string; readonly to: string };
  readonly format?: NameDobFormat;
  readonly algorithm?: HashAlgorithm;
  readonly key?: string | Uint8Array;
}

export interface NameDobResult {
  readonly found: { digest: string; text: string; lastName: string; firstName: string; birthDate: string }[];
  readonly tried: number;
  readonly targets: number;
}

const DAY = 86_400_000;

function parseDay(s: string, what: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) throw new RangeError(`${what} '${s}' is not a date 'YYYY-MM-DD'`);
  return t / DAY;
}

function dateText(iso: string, layout: NonNullable<NameDobFormat['date']>): string {
  if (layout === 'YYYYMMDD') return iso.replaceAll('-', '');
  if (layout === 'MM/DD/YYYY') return `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
  return iso;
}

/** The text a holder with this format hashes for one person (birthDate is 'YYYY-MM-DD'). */
export function nameDobText(lastName: string, firstName: string, birthDate: string, format: NameDobFormat = {}): string {
  const up = (s: string) => (format.case === 'lower' ? s.toLowerCase() : s.toUpperCase());
  const sep = format.separator ?? '|';
  const names = format.order === 'first-last' ? `${up(firstName)}${sep}${up(lastName)}` : `${up(lastName)}${sep}${up(firstName)}`;
  return `${names}${sep}${dateText(birthDate, format.date ?? 'YYYY-MM-DD')}`;
}

/** Inverts hex digests of name + birth date by enumerating last names x first names x dates. */
export function invertNameDob(targets: readonly string[], options: NameDobOptions): NameDobResult {
  const algorithm = options.algorithm ?? 'sha256';
  const format = options.format ?? {};
  const set = targetSet(algorithm, targets);
  const from = parseDay(options.birthDates.from, 'birthDates.from');
  const to = parseDay(options.birthDates.to, 'birthDates.to');
  if (to < from) throw new RangeError(`birthDates.to ${options.birthDates.to} is before birthDates.from ${options.birthDates.from}`);
  const encoder = new TextEncoder();
  const isoDates = Array.from({ length: to - from + 1 }, (_, i) => new Date((from + i) * DAY).toISOString().slice(0, 10));
  const dateBytes = isoDates.map((d) => encoder.encode(dateText(d, format.date ?? 'YYYY-MM-DD')));
  const dateLen = dateBytes[0]!.length;
  const block = new Uint8Array(64);
  const byHex = new Map(set.digests.map((d, i) => [d, i]));
  const slowHex = (text: string) =>
    algorithm === 'md5' ? md5Hex(text) : algorithm === 'sha256' ? sha256Hex(text) : hmacSha256Hex(options.key ?? '', text);
  if (algorithm === 'hmac-sha256' && options.key === undefined) throw new Error("algorithm 'hmac-sha256' needs a key");
  const found: NameDobResult['found'] = [];
  let tried = 0;
  for (const last of options.lastNames) {
    for (const first of options.firstNames) {
      // The prefix 'LAST|FIRST|' is written once per name pair; only the date bytes change per candidate.
      const prefixText = nameDobText(last, first, isoDates[0]!, format).slice(0, -dateLen);
      const prefix = encoder.encode(prefixText);
      const length = prefix.length + dateLen;
      const hit = (i: number, d: number) => {
        found.push({ digest: set.digests[i]!, text: prefixText + dateText(isoDates[d]!, format.date ?? 'YYYY-MM-DD'), lastName: last, firstName: first, birthDate: isoDates[d]! });
      };
      if (length > 55) {
        for (let d = 0; d < isoDates.length; d++) {
          const i = byHex.get(slowHex(prefixText + dateText(isoDates[d]!, format.date ?? 'YYYY-MM-DD')));
          if (i !== undefined) hit(i, d);
        }
      } else {
        block.set(prefix);
        const { hash, out } = shortHasher(algorithm, block, length, options.key);
        for (let d = 0; d < dateBytes.length; d++) {
          block.set(dateBytes[d]!, prefix.length);
          hash(block, out);
          const i = lookup(set, out);
          if (i >= 0) hit(i, d);
        }
      }
      tried += isoDates.length;
    }
  }
  return { found, tried, targets: set.digests.length };
}
