// The SSN candidate spaces an adversary enumerates (REFERENCE 2). A space is plain data (areas x groups x
// serials, a Cartesian product) so it can be posted to a worker; index <-> SSN is O(1), so workers split a
// space by index ranges. The adversary narrows the space with what it knows: the issuable rules, the
// synthetic space reident generates into, or the areas of a state of issue (pre-2011 numbers).

export interface SsnCandidateSpace {
  readonly name: string;
  /** Area numbers (000-999), in enumeration order. */
  readonly areas: readonly number[];
  /** Group numbers (00-99), in enumeration order. */
  readonly groups: readonly number[];
  /** First serial (0 or 1) and how many serials follow it. */
  readonly serialFrom: number;
  readonly serialCount: number;
  readonly size: number;
}

/** How the data holder wrote the SSN before hashing: 'AAAGGSSSS' or 'AAA-GG-SSSS'. */
export type SsnFormat = 'digits' | 'dashed';

/** Inclusive ranges, e.g. [[1, 3], [400, 407]]. */
export type Ranges = readonly (readonly [number, number])[];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function expand(ranges: Ranges, max: number, what: string): number[] {
  const out = new Set<number>();
  for (const [from, to] of ranges) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > max || from > to) {
      throw new RangeError(`${what} range [${from}, ${to}] must be whole numbers within 0-${max}, from <= to`);
    }
    for (let v = from; v <= to; v++) out.add(v);
  }
  if (out.size === 0) throw new RangeError(`no ${what} numbers given`);
  return [...out].sort((a, b) => a - b);
}

/** A space from its parts; `serials: 'issued'` is 0001-9999, 'all' is 0000-9999. */
export function ssnSpace(options: { name?: string; areas: Ranges; groups: Ranges; serials?: 'issued' | 'all' }): SsnCandidateSpace {
  const areas = expand(options.areas, 999, 'area');
  const groups = expand(options.groups, 99, 'group');
  const serialFrom = options.serials === 'all' ? 0 : 1;
  const serialCount = 10_000 - serialFrom;
  return { name: options.name ?? 'custom', areas, groups, serialFrom, serialCount, size: areas.length * groups.length * serialCount };
}

const isItinGroup = (g: number) => (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);

/** Every 9-digit string: 10^9 candidates. An adversary who knows nothing of the rules. */
export const WHOLE_SPACE: SsnCandidateSpace = { name: 'whole', areas: range(0, 999), groups: range(0, 99), serialFrom: 0, serialCount: 10_000, size: 1e9 };

/** Numbers that could have been issued (areas 001-899 but 666, groups 01-99, serials 0001-9999): 888,931,098. */
export const ISSUABLE_SPACE: SsnCandidateSpace = { name: 'issuable', areas: range(1, 899).filter((a) => a !== 666), groups: range(1, 99), serialFrom: 1, serialCount: 9999, size: 898 * 99 * 9999 };

/** reident's default synthetic SSNs (areas 900-999, non-ITIN groups): 54,994,500. */
export const SYNTHETIC_SPACE: SsnCandidateSpace = {
  name: 'synthetic', areas: range(900, 999), groups: range(1, 99).filter((g) => !isItinGroup(g)), serialFrom: 1, serialCount: 9999, size: 100 * 55 * 9999,
};

/** The k-th SSN of a space, as a 9-digit integer. */
export function ssnAt(space: SsnCandidateSpace, k: number): number {
  if (!(k >= 0 && k < space.size) || !Number.isInteger(k)) throw new RangeError(`index ${k} is outside the space [0, ${space.size})`);
  const perArea = space.groups.length * space.serialCount;
  const r = k % perArea;
  return space.areas[Math.floor(k / perArea)]! * 1_000_000 + space.groups[Math.floor(r / space.serialCount)]! * 10_000 + space.serialFrom + (r % space.serialCount);
}

/** The index of an SSN in a space, or -1 when it is not there. */
export function indexOfSsn(space: SsnCandidateSpace, ssn: number): number {
  const ai = indexIn(space.areas, Math.floor(ssn / 1_000_000));
  const gi = indexIn(space.groups, Math.floor(ssn / 10_000) % 100);
  const s = (ssn % 10_000) - space.serialFrom;
  if (ai < 0 || gi < 0 || s < 0 || s >= space.serialCount) return -1;
  return (ai * space.groups.length + gi) * space.serialCount + s;
}

function indexIn(sorted: readonly number[], v: number): number {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === v) return mid;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The text the data holder hashed. */
export function formatCandidate(ssn: number, format: SsnFormat): string {
  const s = String(ssn).padStart(9, '0');
  return format === 'digits' ? s : `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
}

/** Byte length of a candidate in a format. */
export const formatLength = (format: SsnFormat): number => (format === 'digits' ? 9 : 11);

/**
 * Calls visit(ssn) for indices [start, end) in order, having written the candidate's ASCII bytes into
 * block[0..9 or 11): the area and group bytes once per (area, group), the serial bytes per candidate.
 * visit returns true to stop early. Returns how many candidates were visited.
 */
export function scanCandidates(
  space: SsnCandidateSpace,
  format: SsnFormat,
  start: number,
  end: number,
  block: Uint8Array,
  visit: (ssn: number) => boolean,
): number {
  if (!(start >= 0 && end <= space.size && start <= end)) throw new RangeError(`range [${start}, ${end}) is outside the space [0, ${space.size})`);
  const dashed = format === 'dashed';
  const g0 = dashed ? 4 : 3;
  const s0 = dashed ? 7 : 5;
  if (dashed) block[3] = block[6] = 0x2d;
  const perGroup = space.serialCount;
  const perArea = space.groups.length * perGroup;
  let k = start;
  while (k < end) {
    const ai = Math.floor(k / perArea);
    const gi = Math.floor((k % perArea) / perGroup);
    const area = space.areas[ai]!;
    const group = space.groups[gi]!;
    block[0] = 48 + Math.floor(area / 100); block[1] = 48 + (Math.floor(area / 10) % 10); block[2] = 48 + (area % 10);
    block[g0] = 48 + Math.floor(group / 10); block[g0 + 1] = 48 + (group % 10);
    const base = area * 1_000_000 + group * 10_000;
    const sFirst = space.serialFrom + (k % perGroup);
    const sLast = space.serialFrom + perGroup - 1 - Math.max(0, (ai * space.groups.length + gi + 1) * perGroup - end);
    for (let s = sFirst; s <= sLast; s++) {
      block[s0] = 48 + Math.floor(s / 1000); block[s0 + 1] = 48 + (Math.floor(s / 100) % 10);
      block[s0 + 2] = 48 + (Math.floor(s / 10) % 10); block[s0 + 3] = 48 + (s % 10);
      if (visit(base + s)) return k + (s - sFirst) + 1 - start;
    }
    k += sLast - sFirst + 1;
  }
  return end - start;
}
