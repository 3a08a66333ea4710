// ARX's published optima (arx-deidentifier/arx, src/test/.../TestAnonymization*.java) on its adult table:
// the optimal search must find the levels and information loss ARX finds. ARX's data is not committed here:
// the tests read adult.csv and adult_hierarchy_*.csv from REIDENT_ARX_DATA or /work/shared/data/arx/ and are
// skipped, with the reason, when neither holds them. The four slow cases run with REIDENT_ARX_ALL=1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArxHierarchy } from '../safeguards/generalise/arx-csv.ts';
import type { Criteria } from '../safeguards/k-anonymity/criteria.ts';
import type { MetricName } from '../safeguards/k-anonymity/metrics.ts';
import { prepare } from '../safeguards/k-anonymity/prepared.ts';
import { optimalNode } from '../safeguards/k-anonymity/search.ts';
import { tableOf, textColumn, type Table } from '../src/table/table.ts';

const DIR = [process.env.REIDENT_ARX_DATA, '/work/shared/data/arx'].find((d) => d && existsSync(join(d, 'adult.csv')));

interface ArxCase {
  readonly source: string;
  readonly criteria: Criteria;
  readonly suppressionLimit: number;
  readonly metric: MetricName;
  readonly sensitive?: string;
  /** null: ARX finds no solution. */
  readonly levels: readonly number[] | null;
  readonly loss: number;
  /** Over 10 s on one core (an exhaustive check of the nodes passing k): run with REIDENT_ARX_ALL=1. */
  readonly slow?: boolean;
}

const K = 'TestAnonymizationKAnonymity';
const L = 'TestAnonymizationLDiversity';
const T = 'TestAnonymizationTCloseness';
const OT = 'TestAnonymizationOrderedDistanceTCloseness';
const entropyL = (l: number): Criteria => ({ k: 1, lDiversity: { variant: 'entropy', l } });
const closeK = (k: number, t: number, ordered = false): Criteria => ({ k, tCloseness: { t, ordered } });
const CASES: readonly ArxCase[] = [
  { source: `${K} 0`, criteria: { k: 5 }, suppressionLimit: 0.04, metric: 'entropy', levels: [1, 0, 1, 1, 3, 2, 2, 0, 1], loss: 255559.85455731067 },
  { source: `${K} 1`, criteria: { k: 100 }, suppressionLimit: 0.04, metric: 'entropy', levels: [1, 1, 1, 1, 3, 2, 2, 1, 1], loss: 379417.3460570988 },
  { source: `${K} 2`, criteria: { k: 5 }, suppressionLimit: 0, metric: 'entropy', levels: [1, 2, 1, 1, 3, 2, 2, 1, 1], loss: 407289.5388925293 },
  { source: `${K} 3`, criteria: { k: 100 }, suppressionLimit: 0, metric: 'entropy', levels: [0, 4, 1, 1, 3, 2, 2, 1, 1], loss: 453196.8932458743 },
  { source: `${L} 0`, criteria: entropyL(5), sensitive: 'occupation', suppressionLimit: 0.04, metric: 'entropy-nm', levels: [1, 0, 1, 1, 2, 2, 2, 1], loss: 228878.2039109517, slow: true },
  { source: `${L} 1`, criteria: entropyL(100), sensitive: 'occupation', suppressionLimit: 0.04, metric: 'entropy-nm', levels: null, loss: 0, slow: true },
  { source: `${L} 2`, criteria: entropyL(5), sensitive: 'occupation', suppressionLimit: 0, metric: 'entropy-nm', levels: [1, 1, 1, 1, 3, 2, 2, 1], loss: 324620.5269918692 },
  { source: `${L} 3`, criteria: entropyL(100), sensitive: 'occupation', suppressionLimit: 0, metric: 'entropy-nm', levels: null, loss: 0 },
  { source: `${T} 0`, criteria: closeK(5, 0.2), sensitive: 'occupation', suppressionLimit: 0.04, metric: 'discernibility', levels: [1, 4, 1, 0, 3, 2, 2, 1], loss: 3.11880088e8, slow: true },
  { source: `${T} 1`, criteria: closeK(100, 0.2), sensitive: 'occupation', suppressionLimit: 0.04, metric: 'discernibility', levels: [1, 4, 1, 0, 3, 2, 2, 1], loss: 3.11880088e8 },
  { source: `${T} 4`, criteria: closeK(5, 0.2), sensitive: 'occupation', suppressionLimit: 0, metric: 'discernibility', levels: [1, 4, 1, 1, 3, 2, 2, 1], loss: 4.56853172e8 },
  { source: `${T} 5`, criteria: closeK(100, 0.2), sensitive: 'occupation', suppressionLimit: 0, metric: 'discernibility', levels: [1, 4, 1, 1, 3, 2, 2, 1], loss: 4.56853172e8 },
  { source: `${OT} 0`, criteria: closeK(5, 0.2, true), sensitive: 'occupation', suppressionLimit: 0.04, metric: 'discernibility', levels: [0, 0, 1, 1, 2, 2, 2, 0], loss: 2712340, slow: true },
  { source: `${OT} 2`, criteria: closeK(5, 0.1, true), sensitive: 'occupation', suppressionLimit: 0, metric: 'discernibility', levels: [1, 1, 1, 2, 3, 2, 2, 1], loss: 9.786802e7 },
  { source: `${OT} 3`, criteria: closeK(100, 0.2, true), sensitive: 'occupation', suppressionLimit: 0, metric: 'discernibility', levels: [1, 4, 1, 1, 1, 2, 2, 1], loss: 1.6231213e8 },
];

function readAdult(dir: string): { table: Table; header: string[] } {
  const lines = readFileSync(join(dir, 'adult.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0]!.split(';');
  const cells = lines.slice(1).map((l) => l.split(';'));
  return { table: tableOf(Object.fromEntries(header.map((h, j) => [h, textColumn(cells.map((r) => r[j]!))]))), header };
}

describe.skipIf(!DIR)(`ARX's published optima on adult.csv${DIR ? '' : ' (skipped: set REIDENT_ARX_DATA to a folder with ARX data/adult.csv and adult_hierarchy_*.csv)'}`, () => {
  const { table, header } = DIR ? readAdult(DIR) : { table: tableOf({}), header: [] };
  const hierarchies = Object.fromEntries(header.map((h) => [h, parseArxHierarchy(readFileSync(join(DIR!, `adult_hierarchy_${h}.csv`), 'utf8'), h)]));
  for (const c of CASES) {
    test.skipIf(c.slow && !process.env.REIDENT_ARX_ALL)(`${c.source}: ${c.metric}, suppression ${c.suppressionLimit}, ${JSON.stringify(c.criteria)}`, { timeout: 120_000 }, () => {
      const qis = header.filter((h) => h !== c.sensitive);
      const p = prepare(table, qis, hierarchies, c.sensitive);
      const found = optimalNode(p, c.criteria, Math.floor(c.suppressionLimit * table.rows), c.metric);
      if (c.levels === null) return expect(found).toBeNull();
      expect(found?.levels).toEqual(c.levels);
      expect(found!.informationLoss).toBeCloseTo(c.loss, 6);
    });
  }
});
