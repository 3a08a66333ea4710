// Where the hive layout puts a table's part files, relative to the world folder.

/** People per part unless asked otherwise: small enough that a part's tables stay in memory (see README, National scale). */
export const DEFAULT_PART_PEOPLE = 500_000;

export function partName(index: number): string {
  return `part-${String(index).padStart(5, '0')}`;
}

/** The file of a table's part, relative to the world folder. */
export function partFile(table: string, part: { readonly state: string; readonly index: number }, format: string): string {
  return `${table}/state=${part.state}/${partName(part.index)}.${format}`;
}

/** What a part file's path looks like (checked when a manifest is read, so no listed path leaves the folder). */
export const PART_FILE = /^([a-z_]+)\/state=([A-Z]{2})\/part-(\d{5})\.(csv|parquet|json)$/;
