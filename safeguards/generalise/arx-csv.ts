// ARX's hierarchy CSV: one row per original value, then its generalisations from the most specific to the
// most general ("*"), separated by ";" (a value may be double-quoted, "" inside quotes is a quote). A pure
// function of the file's text; reading the file is the caller's job. Browser-safe.
import { checkHierarchy, HierarchyError, type Hierarchy } from './hierarchy.ts';

/** Parse one line: fields split on `separator`, double quotes as in RFC 4180. */
function fields(line: string, separator: string, where: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new HierarchyError(`${where}: a quote is not closed`);
        value += line.slice(i, q);
        i = q + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      out.push(value);
      if (i === line.length) return out;
      if (line[i] !== separator) throw new HierarchyError(`${where}: text after a closing quote`);
      i++;
    } else {
      const s = line.indexOf(separator, i);
      if (s < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, s));
      i = s + 1;
    }
  }
}

/** A hierarchy from the text of an ARX hierarchy CSV file (`name` names it in errors). Blank lines are skipped. */
export function parseArxHierarchy(text: string, name = 'the hierarchy file', separator = ';'): Hierarchy {
  const rows: string[][] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, n) => {
      if (line.trim() !== '') rows.push(fields(line, separator, `${name}, line ${n + 1}`));
    });
  return checkHierarchy({ rows }, name);
}
