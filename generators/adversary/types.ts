// Adversary datasets are built from a world's tables and handed out as { table, truth }: the visible
// table never holds a person id; truth[i] is the person behind row i, kept by the caller (DESIGN 1).
import type { Table } from '../../src/table/table.ts';

export interface AdversaryDataset {
  readonly name: string;
  readonly description: string;
  readonly table: Table;
  /** person_id of each row (ground truth, never part of `table`). */
  readonly truth: Int32Array;
  /** What each row's record got wrong or left out, for analysis (also truth). */
  readonly notes?: readonly (string | null)[];
  /** Per corrupted column, the corruption flags of each row (corrupt/corrupt.ts; truth). */
  readonly errors?: Readonly<Record<string, Uint16Array>>;
}

/**
 * A builder's rows as text before they become the dataset's table: the corruption model edits strings
 * (typos, nicknames), so the draft holds them; withErrors codes the result into the one table.
 */
export interface DraftDataset extends Omit<AdversaryDataset, 'table' | 'errors'> {
  readonly table: Record<string, (string | null)[]>;
}

