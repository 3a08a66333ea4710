// Item 7 of the hardening issue: bytes that are not UTF-8 are an error naming the file and line;
// --encoding latin1 | windows-1252 reads such files correctly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readColumns } from '../src/io/read-columns.ts';
import { windows1252 } from '../src/io/text-decoding.ts';
import { cli } from './helpers/cli.ts';
import { textsOf } from '../src/table/text.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-encoding-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file of latin1 text: each character below U+0100 is one byte of the same value. */
const latin1File = (name: string, text: string) => bytesFile(name, Buffer.from(text, 'latin1'));
const bytesFile = (name: string, bytes: Uint8Array) => {
  const p = join(root, name);
  writeFileSync(p, bytes);
  return p;
};
const NAMES = ['Müller', 'Mäller', 'Möller'];
// Line 1 header, line 2 plain ASCII, lines 3-5 the names: the first bad byte is on line 3.
const LATIN1 = latin1File('names-latin1.csv', ['name,zip', 'Schmidt,02138', ...NAMES.map((n) => `${n},02138`)].join('\n') + '\n');

const values = async (file: string, column: string, encoding?: 'latin1' | 'windows-1252') => {
  const r = await readColumns(file, { columns: [column], ...(encoding ? { encoding } : {}) });
  return textsOf(r, column);
};

describe('bytes that are not UTF-8', () => {
  test('a Latin-1 file is an error naming the file, the line and the way out (exit 2, no stack)', async () => {
    const r = await cli('risk', LATIN1, '--qi', 'name', '--bootstrap', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${LATIN1}, line 3: byte 0xFC`);
    expect(r.stderr).toMatch(/not valid UTF-8; .*--encoding latin1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  test('with --encoding latin1 the three names stay three values: risk finds 3 classes', async () => {
    expect(await values(LATIN1, 'name', 'latin1')).toEqual(['Schmidt', ...NAMES]);
    const r = await cli('risk', LATIN1, '--qi', 'name', '--encoding', 'latin1', '--bootstrap', '0', '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.records).toBe(4);
    expect(report.classes).toBe(4);
    expect(report.sampleUniques).toBe(4);
  });

  test('a UTF-8 file reads as before, its byte-order mark stripped from the first column name', async () => {
    const p = bytesFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(['name,zip', ...NAMES.map((n) => `${n},1`)].join('\n'), 'utf8')]));
    expect(await values(p, 'name')).toEqual(NAMES);
  });

  test('the line is counted across stream chunks, and a character split between two chunks is read whole', async () => {
    // 'ü' (0xC3 0xBC) straddles the reader's 4 MiB chunk boundary; a bad byte follows many lines later.
    const chunk = 4 << 20;
    const fill = chunk - 4; // bytes of 'x' lines between the header 'pa\n' and the 'ü'
    const head = 'a\n' + ('x'.repeat(1023) + '\n').repeat(Math.floor(fill / 1024)) + 'x'.repeat((fill % 1024) - 1) + '\n';
    const good = Buffer.from(head + 'üy\n' + 'z\n'.repeat(1000), 'utf8');
    expect(1 + head.length).toBe(chunk - 1); // after the leading 'p', the 'ü' sits at bytes chunk-1 and chunk
    const okFile = bytesFile('split.csv', Buffer.concat([Buffer.from('p'), good]));
    const read = await values(okFile, 'pa');
    expect(read.filter((v) => !/^(x+|z)$/.test(v!))).toEqual(['üy']);
    const lines = head.split('\n').length + 1000 + 1; // the header, the x lines, 'üy', the z lines, then the bad line
    const badFile = bytesFile('split-bad.csv', Buffer.concat([Buffer.from('p'), good, Buffer.from([0x41, 0xe9, 0x0a])]));
    await expect(readColumns(badFile, { columns: ['pa'] })).rejects.toThrow(`${badFile}, line ${lines}: byte 0xE9`);
  });

  test('a UTF-16 file is named as such, and a character cut off at the end of the file is an error', async () => {
    const u16 = bytesFile('u16.csv', Buffer.from('\uFEFFname\n', 'utf16le'));
    await expect(readColumns(u16, { columns: 'all' })).rejects.toThrow(/u16\.csv: the file is UTF-16/);
    const cut = bytesFile('cut.csv', Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x82]));
    await expect(readColumns(cut, { columns: 'all' })).rejects.toThrow(/cut\.csv, line 2: bytes 0xE2 0x82 \(at byte 3\)/);
  });

  test('every command that reads a user file checks the bytes and takes --encoding', async () => {
    const settings = join(root, 'settings.json');
    writeFileSync(settings, JSON.stringify({ link_type: 'dedupe_only', blocking: [['zip']], lambda: 0.1, comparisons: [{ column: 'name', levels: [{ type: 'exact', m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }] }] }));
    const out = join(root, 'pairs.csv');
    const commands = [
      ['link', '--left', LATIN1, '--dedupe', '--settings', settings, '--out', out],
      ['attack', 'synthetic', '--original', LATIN1, '--synthetic', LATIN1, '--secret', 'zip'],
    ];
    for (const argv of commands) {
      const strict = await cli(...argv);
      expect(strict.code, argv.join(' ')).toBe(2);
      expect(strict.stderr).toContain(`${LATIN1}, line 3`);
      const bad = await cli(...argv, '--encoding', 'ebcdic');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--encoding must be one of utf8, latin1, windows-1252, got "ebcdic"/);
    }
    const linked = await cli('link', '--left', LATIN1, '--dedupe', '--settings', settings, '--out', out, '--encoding', 'latin1', '--json');
    expect(linked.code, linked.stderr).toBe(0);
  });
});

describe('Latin-1 and Windows-1252 decoding', () => {
  // Windows-1252 0x80-0x9F as published by Microsoft (bestfit1252.txt) and the WHATWG index.
  const KNOWN: [number, string][] = [[0x80, '€'], [0x82, '‚'], [0x85, '…'], [0x8a, 'Š'], [0x8c, 'Œ'], [0x91, '‘'], [0x92, '’'], [0x93, '“'], [0x94, '”'], [0x96, '–'], [0x97, '—'], [0x99, '™'], [0x9c, 'œ'], [0x9f, 'Ÿ']];
  const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

  test('Windows-1252 maps 0x80-0x9F to the printable characters, and every other byte as Latin-1 does', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    const text = windows1252(all);
    expect(text.length).toBe(256);
    for (const [b, c] of KNOWN) expect(text[b], b.toString(16)).toBe(c);
    for (const b of UNDEFINED) expect(text.charCodeAt(b)).toBe(b);
    const c1 = [...text.slice(0x80, 0xa0)].filter((_, k) => !UNDEFINED.includes(0x80 + k));
    expect(new Set(c1).size).toBe(27);
    for (const c of c1) expect(c.charCodeAt(0)).toBeGreaterThan(0xff);
    for (let b = 0; b < 256; b++) if (b < 0x80 || b >= 0xa0) expect(text.charCodeAt(b)).toBe(b);
  });

  test('a Windows-1252 file with a euro sign and curly quotes; latin1 keeps 0x80-0x9F as the C1 code points', async () => {
    const p = bytesFile('cp1252.csv', Buffer.concat([Buffer.from('note,zip\n'), Buffer.from([0x80, 0x35, 0x2c, 0x31, 0x0a, 0x93, 0x5a, 0x6f, 0xeb, 0x94, 0x2c, 0x31, 0x0a])]));
    expect(await values(p, 'note', 'windows-1252')).toEqual(['€5', '“Zoë”']);
    expect(await values(p, 'note', 'latin1')).toEqual(['\u00805', '\u0093Zoë\u0094']);
    const r = await cli('risk', p, '--qi', 'note', '--encoding', 'windows-1252', '--bootstrap', '0', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).classes).toBe(2);
    expect((await cli('risk', p, '--qi', 'note', '--bootstrap', '0')).stderr).toContain(`${p}, line 2: byte 0x80`);
  });
});
