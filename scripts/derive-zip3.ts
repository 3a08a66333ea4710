/**
 * derive-zip3 — the 3-digit ZIP areas and their 2010 populations that HIPAA Safe Harbor needs, from
 * the Census 2010 ZCTA populations, into safeguards/safe-harbor/data/zip3-2010.json (committed, so a
 * fresh clone needs no raw data).
 *
 *   npx tsx scripts/derive-zip3.ts [--data DIR] [--out DIR]
 *
 * --data defaults to ../shared/data relative to the repo root; --out to safeguards/safe-harbor/data.
 *
 * Derivation: zcta_pop_2010.csv, one row per 2010 ZCTA (Puerto Rico included); a ZIP3 area's
 * population is the sum of ZPOP over the ZCTAs whose ZIP3 column is that area (checked to be the
 * first three digits of ZCTA5). Areas are sorted by code. Safe Harbor restricts an area of 20,000
 * people or fewer; which areas those are follows from the populations (safeguards/safe-harbor/zip3.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byCode, digits, InputError, int, readCsv, REPO_ROOT } from './calibration/input.ts';
import { formatJson, writeAtomic } from './calibration/output.ts';

export const ZIP3_FILE = 'zip3-2010.json';
const SOURCE = 'zcta_pop_2010.csv';

export interface Zip3Populations {
  readonly source: string;
  /** 3-digit ZIP areas, sorted. */
  readonly zip3: string[];
  /** 2010 population of each area (sum of its ZCTAs' ZPOP). */
  readonly population: number[];
}

/** Sums the 2010 ZCTA populations by 3-digit ZIP area. */
export function deriveZip3Populations(dataDir: string): Zip3Populations {
  const csv = readCsv(dataDir, SOURCE);
  const [zcta, pop, zip3] = [csv.col('ZCTA5'), csv.col('ZPOP'), csv.col('ZIP3')];
  const totals = new Map<string, number>();
  csv.rows.forEach((r, i) => {
    const line = i + 2;
    const code = digits(SOURCE, line, 'ZIP3', r[zip3]!, 3);
    if (digits(SOURCE, line, 'ZCTA5', r[zcta]!, 5).slice(0, 3) !== code) {
      throw new InputError(`${SOURCE}:${line}: ZIP3 ${code} is not the start of ZCTA ${r[zcta]}`);
    }
    totals.set(code, (totals.get(code) ?? 0) + int(SOURCE, line, 'ZPOP', r[pop]!));
  });
  const codes = [...totals.keys()].sort(byCode);
  return {
    source: 'Census 2010 ZCTA populations (ZPOP) summed by the ZCTA\'s first three digits; Puerto Rico included',
    zip3: codes,
    population: codes.map((c) => totals.get(c)!),
  };
}

/** Derives the table from dataDir and writes it to outDir; returns the path written. */
export function deriveZip3({ dataDir, outDir }: { dataDir: string; outDir: string }): string {
  if (!existsSync(dataDir)) throw new InputError(`data folder not found: ${dataDir}`);
  const table = deriveZip3Populations(dataDir);
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, ZIP3_FILE);
  writeAtomic(path, formatJson(table) + '\n');
  return path;
}

function main(argv: string[]): void {
  let dataDir = resolve(REPO_ROOT, '../shared/data');
  let outDir = join(REPO_ROOT, 'safeguards/safe-harbor/data');
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      if (i + 1 >= argv.length) throw new InputError(`${argv[i]} needs a directory`);
      return resolve(argv[++i]!);
    };
    if (argv[i] === '--data') dataDir = next();
    else if (argv[i] === '--out') outDir = next();
    else throw new InputError(`unknown argument ${argv[i]} (usage: derive-zip3 [--data DIR] [--out DIR])`);
  }
  const path = deriveZip3({ dataDir, outDir });
  console.log(`wrote ${path} (${readFileSync(path).length.toLocaleString('en-US')} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`derive-zip3: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
