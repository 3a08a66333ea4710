// The evaluators read every column as text coded afresh: distinct values only, in order of first
// appearance (what textColumn gives for the column's text), so a pass over a dictionary meets values in
// the order a pass over the rows would. Browser-safe.
import { asText, type Column, type Table, type TextColumn } from '../../src/table/table.ts';
import { mapText } from '../../src/table/text.ts';

/** The column as text, one dictionary entry per distinct value used, in order of first appearance. */
export function distinctText(c: Column): TextColumn {
  let t = coded.get(c);
  if (!t) coded.set(c, (t = mapText(asText(c), (v) => v)));
  return t;
}

// Columns are immutable, so each is coded once however many evaluators read it.
const coded = new WeakMap<Column, TextColumn>();

/** The named column of the table as distinctText, or undefined when it has none. */
export function textOf(t: Table, name: string): TextColumn | undefined {
  const c = t.columns[name];
  return c ? distinctText(c) : undefined;
}

/** Per dictionary entry, Number() of its text (NaN when it does not parse). */
export function numbersOf(c: TextColumn): Float64Array {
  return Float64Array.from(c.dictionary, Number);
}
