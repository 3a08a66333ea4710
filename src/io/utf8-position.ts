// Where a file stops being UTF-8: the byte offset and line of the first invalid sequence. Runs only
// after the strict decoder has refused a file, so it favours plainness over speed.
import { createReadStream } from 'node:fs';

export interface InvalidUtf8 {
  /** 0-based byte offset of the sequence's first byte. */
  readonly offset: number;
  /** 1-based line (LF bytes before the offset, plus one). */
  readonly line: number;
  /** The bad sequence in hex, up to the byte that breaks it off: '0xFC', '0xE2 0x82'. */
  readonly bytes: string;
  /** The file starts with a UTF-16 byte-order mark. */
  readonly utf16: boolean;
}

/** Allowed range of the first continuation byte after each lead byte (RFC 3629 table 3-7); later ones are 0x80-0xBF. */
function firstContinuation(lead: number): [number, number, number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f]; // no UTF-16 surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f]; // nothing above U+10FFFF
  return null;
}

const hex = (bytes: number[]) => bytes.map((b) => '0x' + b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** The first invalid UTF-8 sequence of the file, or null when it is all valid UTF-8. */
export async function findInvalidUtf8(file: string): Promise<InvalidUtf8 | null> {
  let offset = 0;
  let line = 1;
  // The sequence being read: its start, its bytes so far, continuation bytes still due and the next one's range.
  let start = 0;
  let startLine = 1;
  let seq: number[] = [];
  let due = 0;
  let lo = 0x80;
  let hi = 0xbf;
  let bad: { offset: number; line: number; bytes: number[] } | null = null;
  let head = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    head ||= hex([...(chunk as Buffer).subarray(0, 2)]);
    for (const b of chunk as Buffer) {
      if (due > 0) {
        if (b < lo || b > hi) {
          bad = { offset: start, line: startLine, bytes: seq };
          break;
        }
        seq.push(b);
        due--;
        lo = 0x80;
        hi = 0xbf;
      } else if (b >= 0x80) {
        const next = firstContinuation(b);
        start = offset;
        startLine = line;
        seq = [b];
        if (!next) {
          bad = { offset, line, bytes: seq };
          break;
        }
        [due, lo, hi] = next;
      }
      if (b === 10) line++;
      offset++;
    }
    if (bad) break;
  }
  if (!bad && due > 0) bad = { offset: start, line: startLine, bytes: seq }; // cut off at the end of the file
  return bad && { offset: bad.offset, line: bad.line, bytes: hex(bad.bytes), utf16: head === '0xFF 0xFE' || head === '0xFE 0xFF' };
}

/** The message for a file that is not UTF-8: where, which bytes, and what to do. */
export function notUtf8Message(file: string, bad: InvalidUtf8 | null): string {
  if (bad?.utf16) return `${file}: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 and read it again`;
  const hint = 'if the file is Latin-1 or Windows-1252, give --encoding latin1 or --encoding windows-1252';
  if (!bad) return `${file}: the file is not valid UTF-8; ${hint}`;
  const [bytes, are] = bad.bytes.includes(' ') ? ['bytes', 'are'] : ['byte', 'is'];
  return `${file}, line ${bad.line}: ${bytes} ${bad.bytes} (at byte ${bad.offset}) ${are} not valid UTF-8; ${hint}`;
}
