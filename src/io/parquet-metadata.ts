// What reident stores in a Parquet file's key-value metadata (kept apart from DuckDB, so readers load it lazily).

/** Lists the date columns a CSV of the same table writes YYYYMMDD (CMS style): Parquet holds them as DATE. */
export const CMS_DATES_KEY = 'reident_cms_date_columns';
