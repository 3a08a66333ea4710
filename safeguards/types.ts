// What every safeguard takes and returns. A safeguard is a pure transform of a dataset: the visible
// table and, row-aligned, the person behind each row (truth, held apart: DESIGN 1). What it did is
// recorded in the release's metadata, so a report can say which safeguards a table went through.
import type { Table } from '../src/table/table.ts';

export interface Dataset {
  readonly table: Table;
  /** person_id of each row; a safeguard that drops or reorders rows keeps it aligned. */
  readonly truth: Int32Array;
}

/** One safeguard's record in a release: its name, the parameters it ran with and what it changed. */
export interface Applied {
  readonly safeguard: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Counts and choices a reader needs (records suppressed, levels chosen, cells suppressed, epsilon spent). */
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface Release extends Dataset {
  /** The safeguards applied, in order. */
  readonly applied: readonly Applied[];
  /** Tables the holder keeps and never releases (a token crosswalk), by name. */
  readonly keptApart?: Readonly<Record<string, Table>>;
}

/** The release after one more safeguard. */
export function released(input: Dataset | Release, table: Table, truth: Int32Array, applied: Applied): Release {
  const before = 'applied' in input ? input.applied : [];
  const kept = 'keptApart' in input ? { keptApart: input.keptApart } : {};
  return { table, truth, applied: [...before, applied], ...kept };
}
