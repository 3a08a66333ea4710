// One typing error in a string: insert, delete, substitute (a QWERTY neighbour most of the time) or
// transpose, with errors rarer in the first letter (FEBRL style, REFERENCE 6). Counter-based: the
// result is a pure function of (key, index, k) and the input.
import { uniform } from '../../../src/random/prng.ts';
import { keyboardNeighbours } from './keyboard.ts';

export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

export interface TypoOptions {
  /** Relative weights of the four edits (need not sum to 1). */
  mix: Readonly<Record<TypoKind, number>>;
  /** Share of substitutions (and insertions) that use a keyboard neighbour rather than any character. */
  keyboardShare: number;
  /** Weight of the first position relative to each other position (1 = uniform, 0.2 = five times rarer). */
  firstLetterWeight: number;
}

export interface Typo {
  value: string;
  kind: TypoKind;
  /** Position of the edit in the original string (for transpose: the first of the two swapped letters). */
  position: number;
}

/** Number of counter draws a typo uses: k .. k + TYPO_DRAWS - 1. */
export const TYPO_DRAWS = 4;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

function matchCase(ch: string, like: string): string {
  return like !== like.toLowerCase() ? ch.toUpperCase() : ch;
}

/** Position in [0, m) with position 0 weighted `first` and every other position 1. */
function weightedPosition(u: number, m: number, first: number): number {
  if (m <= 1) return 0;
  const total = first + (m - 1);
  const x = u * total;
  if (x < first) return 0;
  return Math.min(m - 1, 1 + Math.floor(x - first));
}

/** A character to put near `like`: a keyboard neighbour (share `keyboardShare`) or any in the alphabet; never `avoid`. */
function pickChar(like: string, avoid: string, alphabet: string, u: number, choice: number, keyboardShare: number): string {
  const near = [...keyboardNeighbours(like)].filter((c) => c !== avoid && alphabet.includes(c.toLowerCase()));
  if (near.length > 0 && u < keyboardShare) return near[Math.floor(choice * near.length)]!;
  const pool = [...alphabet].filter((c) => c !== avoid.toLowerCase());
  return matchCase(pool[Math.floor(choice * pool.length)]!, like);
}

/**
 * Applies one typing error to `value` using draws k..k+3 of (key, index). Letters are replaced by
 * letters and digits by digits (a value made only of digits and separators uses digits). Edits that
 * would not change the value are redirected (transpose of equal letters -> the nearest unequal pair,
 * else a substitution; delete of a one-letter value -> an insertion), so the result always differs.
 */
export function typo(value: string, key: number, index: number, k: number, options: TypoOptions): Typo {
  const { mix, keyboardShare, firstLetterWeight } = options;
  const alphabet = /^[0-9\s\-/.]+$/.test(value) && /[0-9]/.test(value) ? DIGITS : LETTERS;
  const total = mix.insert + mix.delete + mix.substitute + mix.transpose;
  if (!(total > 0)) throw new Error('typo: the edit mix has no positive weight');
  let x = uniform(key, index, k) * total;
  let kind: TypoKind = 'transpose';
  for (const kk of ['insert', 'delete', 'substitute'] as const) {
    if (x < mix[kk]) {
      kind = kk;
      break;
    }
    x -= mix[kk];
  }
  const n = value.length;
  if (n === 0) kind = 'insert';
  if (kind === 'delete' && n < 2) kind = 'insert';
  const uPos = uniform(key, index, k + 1);
  const uKey = uniform(key, index, k + 2);
  const uChar = uniform(key, index, k + 3);

  if (kind === 'transpose') {
    if (n >= 2) {
      let i = weightedPosition(uPos, n - 1, firstLetterWeight);
      for (let step = 0; step < n - 1 && value[i] === value[i + 1]; step++) i = (i + 1) % (n - 1);
      if (value[i] !== value[i + 1]) {
        return { value: value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2), kind, position: i };
      }
    }
    kind = n === 0 ? 'insert' : 'substitute';
  }
  if (kind === 'insert') {
    const i = weightedPosition(uPos, n + 1, firstLetterWeight);
    const like = value[i] ?? value[i - 1] ?? (alphabet === DIGITS ? '5' : 'e');
    const ch = pickChar(like, '', alphabet, uKey, uChar, keyboardShare);
    return { value: value.slice(0, i) + ch + value.slice(i), kind, position: i };
  }
  const i = weightedPosition(uPos, n, firstLetterWeight);
  if (kind === 'delete') return { value: value.slice(0, i) + value.slice(i + 1), kind, position: i };
  const ch = pickChar(value[i]!, value[i]!, alphabet, uKey, uChar, keyboardShare);
  return { value: value.slice(0, i) + ch + value.slice(i + 1), kind, position: i };
}

/** Levenshtein distance with adjacent transpositions counted as 2 (plain Levenshtein); for tests and logs. */
export function editDistance(a: string, b: string): number {
  const m = b.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[m]!;
}

