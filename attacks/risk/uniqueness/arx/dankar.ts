// `--compat arx`: the four population-uniqueness estimates and the decision rule exactly as ARX
// (RiskModelPopulationUniqueness) computes them. The corrected estimators in ../ stay the default;
// docs/RISK.md lists every difference and its reason.
import { decide, type DankarEstimate } from '../dankar.ts';
import { estimate, failed, resolveSample, type PopulationModel, type Sample, type SizeHistogram, type UniquenessEstimate } from '../input.ts';
import { zayatz } from '../zayatz.ts';
import { arxPitman } from './pitman.ts';
import { arxSnb } from './snb.ts';

/**
 * ARX's population model: N = round(n / f) as an integer when f is given, and the sampling fraction
 * the models use is then n / N (so f = 0.1 of 30,162 records is N = 301,620, f = 0.1 again).
 */
export function arxPopulation(histogram: SizeHistogram, population: PopulationModel): Sample {
  const given = resolveSample(histogram, population, 'arx');
  if (population.populationSize !== undefined) return given;
  return resolveSample(histogram, { populationSize: Math.round(given.n / given.f) }, 'arx');
}

/** Zayatz as ARX: the same formula as ../zayatz.ts, on ARX's integer N and f = n / N, with no special case for f = 1. */
function arxZayatz(s: Sample, histogram: SizeHistogram): UniquenessEstimate {
  return zayatz(histogram, { populationSize: s.N });
}

/** ARX reports a model's estimate only when it is a number other than 0; null (with ARX's reading) otherwise. */
function orNull(e: UniquenessEstimate): UniquenessEstimate {
  return e.uniques === 0 ? failed(`${e.message ?? 'the estimate is 0'}; ARX reports 0, meaning no estimate`) : e;
}

export interface ArxUniqueness {
  readonly pitman: UniquenessEstimate;
  readonly zayatz: UniquenessEstimate;
  readonly snb: UniquenessEstimate;
  readonly dankar: DankarEstimate;
}

/**
 * All four estimates as ARX gives them. No sample uniques: every estimate is 0 (ARX's special case).
 * Otherwise every model is computed (ARX computes Pitman even where the rule does not use it), and the
 * decision rule picks as ARX does: f <= 0.1 -> Pitman if valid, else Zayatz; f > 0.1 -> the smaller of
 * Zayatz and SNB when SNB is valid (a tie goes to SNB), else Zayatz.
 */
export function arxUniqueness(histogram: SizeHistogram, population: PopulationModel): ArxUniqueness {
  const s = arxPopulation(histogram, population);
  if (s.c1 === 0) {
    const none = estimate(0, s.N, 'no sample uniques, so no population uniques');
    return { pitman: none, zayatz: none, snb: none, dankar: { ...none, model: 'none', estimates: {} } };
  }
  const pitman = orNull(arxPitman(s));
  const zayatz = arxZayatz(s, histogram);
  const snb = orNull(arxSnb(s));
  return { pitman, zayatz, snb, dankar: decide(s.f, { pitman: () => pitman, zayatz: () => zayatz, snb: () => snb }) };
}
