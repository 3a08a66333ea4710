// Bytes of a CSV file -> text, in one of the encodings users' files come in. UTF-8 is decoded
// strictly: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD (which would make
// Müller, Mäller and Möller read from a Latin-1 file one value).

/** The encodings --encoding accepts. */
export const TEXT_ENCODINGS = ['utf8', 'latin1', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Other spellings of the same encodings. */
export const ENCODING_ALIASES: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf8',
  'iso-8859-1': 'latin1',
  'latin-1': 'latin1',
  cp1252: 'windows-1252',
};

/** Thrown by a UTF-8 decoder on bytes that are not UTF-8; the reader then finds the line. */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
}

/**
 * Windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard index). The five bytes Windows leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their Latin-1 code point, as WHATWG decodes them.
 * Node 20's TextDecoder('windows-1252') decodes this range as Latin-1, so the table is ours.
 */
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const C1_RANGE = /[\x80-\x9f]/g;
const HAS_C1 = /[\x80-\x9f]/;

/** Decodes one chunk after another; `end()` flushes (and, for UTF-8, rejects a sequence cut off at the end). */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** Latin-1 (ISO-8859-1): every byte is the code point of the same number. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Windows-1252: Latin-1 except 0x80-0x9F, which hold printable characters (€, curly quotes, dashes). */
export function windows1252(bytes: Uint8Array): string {
  const text = latin1(bytes);
  return HAS_C1.test(text) ? text.replace(C1_RANGE, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!) : text;
}

function utf8Decoder(): ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { fatal: true }); // also drops a leading byte-order mark
  const strict = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof TypeError) throw new NotUtf8Error(e.message);
      throw e;
    }
  };
  return {
    write: (chunk) => strict(() => decoder.decode(chunk, { stream: true })),
    end: () => strict(() => decoder.decode()),
  };
}

/** A streaming decoder for the encoding (single-byte encodings need no state between chunks). */
export function chunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'utf8') return utf8Decoder();
  const decode = encoding === 'latin1' ? latin1 : windows1252;
  return { write: decode, end: () => '' };
}
