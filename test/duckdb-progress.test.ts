// The DuckDB engine reports its progress while a statement runs (DuckDB's estimate of the percent done),
// so risk, link and attack quasi-id show a bar, or log lines off a terminal, on long SQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../src/engine/duckdb-session.ts';

describe('DuckDB engine progress', () => {
  it('reports each statement by number with a percent in [0, 100] while it runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reident-progress-'));
    const seen: [number, number][] = [];
    const s = await openSession({ onProgress: (statement, percent) => seen.push([statement, percent]), progressEveryMs: 5 });
    try {
      const file = join(dir, 'rows.parquet');
      await s.run(`COPY (SELECT i, i % 1000003 AS k FROM range(10000000) t(i)) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 100000)`);
      const { n } = await s.columns(`SELECT count(DISTINCT k) AS n FROM read_parquet('${file}')`);
      expect(Number(n![0])).toBe(1000003);
    } finally {
      s.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(seen.some(([statement, percent]) => statement === 2 && percent > 0)).toBe(true);
    expect(seen.at(-1)).toEqual([2, 100]); // the last report of a finished statement is 100%
    for (const [statement, percent] of seen) {
      expect([1, 2]).toContain(statement);
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
    }
  }, 60_000);

  it('a session without a listener does not turn DuckDB progress tracking on', async () => {
    const s = await openSession();
    try {
      const { value } = await s.peek(`SELECT current_setting('enable_progress_bar') AS value`);
      expect(value![0]).toBe(false);
    } finally {
      s.close();
    }
  });
});
