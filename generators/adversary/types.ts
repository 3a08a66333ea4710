// Adversary datasets are built from a world's tables and handed out as { table, truth }: the visible
// table never holds a person id; truth[i] is the person behind row i, kept by the caller (DESIGN 1).

/** A table as named columns of text (null = missing), all of the same length. */
export type Columns = Record<string, (string | null)[]>;

export interface AdversaryDataset {
  readonly name: string;
  readonly description: string;
  readonly table: Columns;
  /** person_id of each row (ground truth, never part of `table`). */
  readonly truth: Int32Array;
  /** What each row's record got wrong or left out, for analysis (also truth). */
  readonly notes?: readonly (string | null)[];
  /** Per corrupted column, the corruption flags of each row (corrupt/corrupt.ts; truth). */
  readonly errors?: Readonly<Record<string, Uint16Array>>;
}

/** The people table of a world, as the builders read it. */
export interface WorldPeople {
  readonly records: number;
  readonly column: (name: string) => readonly (string | null)[];
}

export function rowsOf(table: Columns): number {
  const first = Object.values(table)[0];
  return first ? first.length : 0;
}

/** Gathers rows of the people columns into a new table (null where a column is absent). */
export function pick(people: WorldPeople, rows: readonly number[], names: readonly string[]): Columns {
  const out: Columns = {};
  for (const n of names) {
    const col = people.column(n);
    out[n] = rows.map((r) => col[r] ?? null);
  }
  return out;
}
