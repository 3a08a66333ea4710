// How far u by sampling is from u over all pairs, on FEBRL4: 'records' (Splink's: all pairs among a
// Bernoulli sample of records) against 'pairs' (independent random pairs), at the same pair budgets.
// Run: npx tsx bench/febrl4-u-error.ts   (u over all 25,000,000 pairs is computed once, ~7 CPU minutes,
// and cached in .bench/febrl4-u-all-pairs.json)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateUDetailed } from '../attacks/link/em.ts';
import { validateSettings } from '../attacks/link/settings.ts';
import { FEBRL4_SETTINGS, readFebrl4 } from './febrl4-data.ts';

const { left, right } = readFebrl4();
const settings = validateSettings(JSON.parse(readFileSync(FEBRL4_SETTINGS, 'utf8')));
const cache = join(import.meta.dirname, '..', '.bench', 'febrl4-u-all-pairs.json');
if (!existsSync(cache)) {
  mkdirSync(join(cache, '..'), { recursive: true });
  const all = estimateUDetailed(left.table, right.table, settings, { method: 'records', maxPairs: 1e12 });
  writeFileSync(cache, JSON.stringify(all.u.map((x) => Array.from(x))));
}
const truth: number[][] = JSON.parse(readFileSync(cache, 'utf8'));
const exact = (c: number) => truth[c]!.length - 1; // gamma of each comparison's exact level (its first non-null level)
const plan: [number, number][] = [[1e4, 20], [1e5, 20], [1e6, 10]];
console.log('| budget (pairs) | method | records a side | RMS error of log2 u, all levels (bits) | soc_sec_id exact | date_of_birth exact | given_name exact | levels never seen |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [budget, seeds] of plan) {
  for (const method of ['records', 'pairs'] as const) {
    let sq = 0;
    let n = 0;
    let unseen = 0;
    let sampled = 0;
    const perLevel = truth.map((t) => t.map(() => 0));
    for (let s = 1; s <= seeds; s++) {
      const e = estimateUDetailed(left.table, right.table, settings, { maxPairs: budget, method, seed: s });
      sampled += e.sample ? e.sample.left.length / seeds : 0;
      e.u.forEach((uc, c) =>
        uc.forEach((x, g) => {
          const d = Math.log2(x) - Math.log2(truth[c]![g]!);
          if (x === 1e-6) unseen++;
          sq += d * d;
          n++;
          perLevel[c]![g]! += (d * d) / seeds;
        }),
      );
    }
    const at = (c: number) => Math.sqrt(perLevel[c]![exact(c)]!).toFixed(3);
    const rms = Math.sqrt(sq / n).toFixed(3);
    console.log(`| ${budget.toExponential(0)} | ${method} | ${method === 'records' ? Math.round(sampled) : '-'} | ${rms} | ${at(9)} | ${at(8)} | ${at(0)} | ${unseen} of ${n} |`);
  }
}
console.log(`(${plan.map(([b, s]) => `${s} seeds at ${b.toExponential(0)}`).join(', ')})`);
