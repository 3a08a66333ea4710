// Columns a user chose to tell people apart that tell no one apart: empty in every record, or holding
// one value in every record. A warning, not an error (the figures are still right): the column was
// probably misnamed, or its values all became missing through --na or the wrong --delimiter.
import type { CliIO } from './io.ts';

/** A dictionary-coded column (a read column, or a quasi-identifier of a QiTable); code -1 is missing. */
type Coded = { readonly codes: ArrayLike<number>; readonly dictionary: readonly string[] };

/** The code every record has (-1: missing in all), or null when the codes differ or there are fewer than two records (nothing to tell apart). */
function sameCodeEverywhere(codes: ArrayLike<number>): number | null {
  if (codes.length < 2) return null;
  const first = codes[0]!;
  for (let i = 1; i < codes.length; i++) if (codes[i] !== first) return null;
  return first;
}

/** One warning per column (a `role` such as 'quasi-identifier') that is empty or constant, naming the file and the column. */
export function uselessColumnWarnings(file: string, role: string, columns: ReadonlyMap<string, Coded>): string[] {
  const warnings: string[] = [];
  for (const [name, c] of columns) {
    const code = sameCodeEverywhere(c.codes);
    if (code === null) continue;
    const what = code < 0 ? 'is empty in every record' : `holds the same value ("${c.dictionary[code]}") in every record`;
    warnings.push(`${file}: ${role} "${name}" ${what}, so it tells no records apart`);
  }
  return warnings;
}

/** Each warning on its own stderr line. */
export function printWarnings(io: CliIO, warnings: readonly string[]): void {
  for (const w of warnings) io.stderr.write(`reident: warning: ${w}\n`);
}
