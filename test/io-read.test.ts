import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, readColumns } from '../src/io/read-columns.ts';
import type { TextColumn } from '../src/table/table.ts';
import { textsOf } from '../src/table/text.ts';

const dir = mkdtempSync(join(tmpdir(), 'reident-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const values = (r: Awaited<ReturnType<typeof readColumns>>, c: string) => {
  return textsOf(r, c);
};

describe('reading columns', () => {
  test('keeps ZIP codes as text, detects the delimiter, honours quotes and NA tokens', async () => {
    const p = file('a.csv', 'zip;sex;note\n02138;F;"a;b"\n00501;M;"say ""hi""\n2nd line"\n02138;*;\r\n');
    const r = await readColumns(p, { columns: ['zip', 'sex', 'note'], naTokens: ['*'] });
    expect(r.rows).toBe(3);
    expect(values(r, 'zip')).toEqual(['02138', '00501', '02138']);
    expect(values(r, 'sex')).toEqual(['F', 'M', null]);
    expect(values(r, 'note')).toEqual(['a;b', 'say "hi"\n2nd line', null]);
  });

  test('reads files larger than one stream chunk', async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `${i % 97},"x,${i % 5}"`);
    const p = file('big.csv', 'a,b\n' + rows.join('\n') + '\n');
    const r = await readColumns(p, { columns: ['b'] });
    expect(r.rows).toBe(300_000);
    expect([...(r.columns.b as TextColumn).dictionary].sort()).toEqual(['x,0', 'x,1', 'x,2', 'x,3', 'x,4']);
  });

  test('bad input names the file and the column or line', async () => {
    await expect(readColumns(join(dir, 'none.csv'), { columns: ['a'] })).rejects.toThrow(/none\.csv: no such file/);
    await expect(readColumns(file('e.csv', ''), { columns: ['a'] })).rejects.toThrow(/empty/);
    await expect(readColumns(file('c.csv', 'a,b\n1,2\n'), { columns: ['zip'] })).rejects.toThrow(/no column "zip" \(columns: a, b\)/);
    await expect(readColumns(file('r.csv', 'a,b\n1,2\n3\n'), { columns: ['a'] })).rejects.toThrow(/line 3: 1 fields where the header has 2/);
    await expect(readColumns(file('q.csv', 'a,b\n1,"2\n'), { columns: ['a'] })).rejects.toThrow(InputError);
  });
});
