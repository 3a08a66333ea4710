// Generalising one quasi-identifier of a coded QiTable (the risk measures' table) through a map of its
// values, e.g. age -> age band: the release transform a risk analyst tries before measuring again.
// Browser-safe.
import { checkNotAllMissing, qiIndex } from '../../attacks/risk/qi-table.ts';
import { MISSING, type QiTable } from '../../attacks/risk/types.ts';

/**
 * Recode quasi-identifier j (index or name) through `map`, called once per distinct value; a null or ''
 * result makes the value MISSING, and missing values stay missing. The new codes are in order of first
 * appearance, exactly as qiTableFromColumns would give for the mapped column. Other columns are
 * shared, not copied.
 */
export function generaliseQi(
  table: QiTable,
  j: number | string,
  map: (value: string) => string | null,
): QiTable {
  const col = qiIndex(table, j);
  const oldDict = table.dictionaries[col]!;
  const newDict: string[] = [];
  const index = new Map<string, number>();
  // old code -> mapped text (null = missing), computed once per distinct value
  const mapped = oldDict.map((v) => {
    const m = map(v);
    return m === null || m === '' ? null : m;
  });
  const remap = new Int32Array(oldDict.length).fill(-2);
  const src = table.codes[col]!;
  const out = new Int32Array(table.records);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === MISSING) {
      out[i] = MISSING;
      continue;
    }
    let r = remap[c]!;
    if (r === -2) {
      const text = mapped[c]!;
      if (text === null) r = MISSING;
      else {
        const known = index.get(text);
        if (known === undefined) {
          r = newDict.length;
          index.set(text, r);
          newDict.push(text);
        } else r = known;
      }
      remap[c] = r;
    }
    out[i] = r;
  }
  const codes = table.codes.slice();
  codes[col] = out;
  const dictionaries = table.dictionaries.slice();
  dictionaries[col] = newDict;
  const result: QiTable = { records: table.records, names: table.names, codes, dictionaries };
  checkNotAllMissing(result);
  return result;
}
