// FEBRL4 (two files of 5,000 people with typos, missing values and swapped fields; truth by rec_id):
// link with bench/febrl4-settings.json (every field compared), train with reident's training, one-to-one,
// and score against the truth. Two recipes: reident's defaults (plain --train), and the one in Splink's
// FEBRL4 demo (u from all pairs among sampled records, lambda from deterministic rules at an assumed
// recall of 0.8, EM on date_of_birth and on postcode) — neither looks at the truth.
import { readFileSync } from 'node:fs';
import { linkTables, type LinkOptions } from '../attacks/link/link.ts';
import { validateSettings } from '../attacks/link/settings.ts';
import { scoreLinks } from '../attacks/score/index.ts';
import { FEBRL4_SETTINGS, readFebrl4 } from './febrl4-data.ts';

export interface Febrl4Bench {
  recipe: string;
  records: [number, number];
  candidatePairs: number;
  links: number;
  seconds: number;
  precision: number;
  recall: number;
  f1: number;
  lambda: number;
  uSampling: string;
}

export const FEBRL4_RECIPES: Record<string, Omit<LinkOptions, 'train' | 'seed' | 'oneToOne' | 'threshold'>> = {
  'reident defaults': {},
  "Splink's demo recipe": {
    uSampling: 'records',
    lambdaRules: [['soc_sec_id'], ['given_name', 'surname', 'date_of_birth']],
    lambdaRecall: 0.8,
    trainingRules: [['date_of_birth'], ['postcode']],
  },
};

/** Links FEBRL4 with one recipe (extra options override it, e.g. a smaller u budget), timed from the loaded tables to the links. */
export function benchFebrl4(recipe: keyof typeof FEBRL4_RECIPES = 'reident defaults', extra: Partial<LinkOptions> = {}): Febrl4Bench {
  const { left, right } = readFebrl4();
  const settings = validateSettings(JSON.parse(readFileSync(FEBRL4_SETTINGS, 'utf8')));
  const t0 = performance.now();
  const res = linkTables(left.table, right.table, settings, { ...FEBRL4_RECIPES[recipe], train: true, seed: 1, oneToOne: true, threshold: 0.5, ...extra });
  const seconds = (performance.now() - t0) / 1000;
  const s = scoreLinks({ left: res.left, right: res.right }, left.truth, right.truth);
  return {
    recipe,
    records: [left.table.rows, right.table.rows],
    candidatePairs: res.candidatePairs,
    links: res.count,
    seconds,
    precision: s.precision.point,
    recall: s.recall.point,
    f1: s.f1,
    lambda: res.parameters.lambda,
    uSampling: `${res.training!.uSampling.method}, ${res.training!.uSampling.pairs.toLocaleString('en-US')} pairs`,
  };
}
