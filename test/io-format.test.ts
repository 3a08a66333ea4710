import { describe, expect, it } from 'vitest';
import { col, type TableChunk, type TableSchema } from '../src/table/schema.ts';
import { csvCell, csvHeader, csvRows, csvText, formatMoney } from '../src/io/format-csv.ts';
import { JSON_CLOSE, JSON_CLOSE_EMPTY, JSON_OPEN, jsonMoney, jsonRows } from '../src/io/format-json.ts';

const schema: TableSchema = {
  name: 'claims',
  description: 'test table',
  columns: [
    col('person_id', 'int', 'truth id', true),
    col('name', 'string', 'a name'),
    col('amount', 'money', 'paid'),
    col('from_date', 'date', 'service date'),
  ],
};

const chunk: TableChunk = {
  rows: 4,
  columns: [
    Int32Array.from([1, 2, 3, -4]),
    ['plain', 'has, comma', 'say "hi"\nnext', ''],
    [12345, -5, 0, null],
    ['2019-01-31', null, '20190101', '2020-02-29'],
  ],
};

describe('formatMoney', () => {
  it('formats integer cents exactly', () => {
    expect(formatMoney(12345)).toBe('123.45');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(50)).toBe('0.50');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-100)).toBe('-1.00');
    expect(formatMoney(-1999)).toBe('-19.99');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
  it('has no floating-point error where cents / 100 would', () => {
    for (let c = 0; c < 100_000; c += 7) {
      const s = formatMoney(c);
      expect(Math.round(Number(s) * 100)).toBe(c);
      expect(s).toMatch(/^\d+\.\d\d$/);
    }
  });
  it('rejects non-integer cents', () => {
    expect(() => formatMoney(1.5)).toThrow(/integer cents/);
    expect(() => formatMoney(Number.NaN)).toThrow(/integer cents/);
  });
});

describe('CSV', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvText('abc')).toBe('abc');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('a"b')).toBe('"a""b"');
    expect(csvText('a\rb')).toBe('"a\rb"');
    expect(csvText('a\nb')).toBe('"a\nb"');
    expect(csvText(' lead')).toBe(' lead');
  });
  it('writes null as an empty field and the empty string as ""', () => {
    expect(csvCell(null, 'string')).toBe('');
    expect(csvCell(null, 'money')).toBe('');
    expect(csvCell('', 'string')).toBe('""');
  });
  it('writes a header and rows with \\n line ends', () => {
    expect(csvHeader(schema)).toBe('person_id,name,amount,from_date\n');
    expect(csvRows(schema, chunk)).toBe(
      '1,plain,123.45,2019-01-31\n' +
        '2,"has, comma",-0.05,\n' +
        '3,"say ""hi""\nnext",0.00,20190101\n' +
        '-4,"",,2020-02-29\n',
    );
  });
  it('writes nothing for an empty chunk', () => {
    expect(csvRows(schema, { rows: 0, columns: [[], [], [], []] })).toBe('');
  });
  it('names the table and column of a bad value', () => {
    const bad: TableChunk = { rows: 1, columns: [[1], ['x'], [1.5], ['2019-01-01']] };
    expect(() => csvRows(schema, bad)).toThrow(/table claims, column amount, row 0/);
    const badMoneyText: TableChunk = { rows: 1, columns: [[1], ['x'], ['12.00'], ['2019-01-01']] };
    expect(() => csvRows(schema, badMoneyText)).toThrow(/column amount/);
  });
  it('rejects a chunk that does not match the schema', () => {
    expect(() => csvRows(schema, { rows: 1, columns: [[1], ['x'], [1]] })).toThrow(/3 columns, schema has 4/);
    expect(() => csvRows(schema, { rows: 2, columns: [[1, 2], ['x'], [1, 2], ['a', 'b']] })).toThrow(/column name has 1 values, expected 2/);
  });
});

describe('JSON', () => {
  it('writes money as exact decimal numbers', () => {
    expect(jsonMoney(1250)).toBe('12.5');
    expect(jsonMoney(1200)).toBe('12');
    expect(jsonMoney(-5)).toBe('-0.05');
    expect(jsonMoney(0)).toBe('0');
    expect(jsonMoney(12345)).toBe('123.45');
  });
  it('writes one row object per line and parses back to the same values', () => {
    const second: TableChunk = { rows: 1, columns: [[9], ['tab\there'], [1250], ['2019-12-31']] };
    const text = JSON_OPEN + jsonRows(schema, chunk, true) + jsonRows(schema, second, false) + JSON_CLOSE;
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines.at(-2)).toBe(']');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -2).every((l) => /^\{.*\},?$/.test(l))).toBe(true);
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows).toEqual([
      { person_id: 1, name: 'plain', amount: 123.45, from_date: '2019-01-31' },
      { person_id: 2, name: 'has, comma', amount: -0.05, from_date: null },
      { person_id: 3, name: 'say "hi"\nnext', amount: 0, from_date: '20190101' },
      { person_id: -4, name: '', amount: null, from_date: '2020-02-29' },
      { person_id: 9, name: 'tab\there', amount: 12.5, from_date: '2019-12-31' },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['person_id', 'name', 'amount', 'from_date']);
  });
  it('writes an empty table as an empty array', () => {
    const text = JSON_OPEN + jsonRows(schema, { rows: 0, columns: [[], [], [], []] }, true) + JSON_CLOSE_EMPTY;
    expect(text).toBe('[\n]\n');
    expect(JSON.parse(text)).toEqual([]);
  });
});
