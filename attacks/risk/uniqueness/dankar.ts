// Dankar et al. (2012)'s decision rule: which population-uniqueness model to trust for a given sample.

import { pitman, type PitmanOptions } from './pitman.ts';
import { snb, type SnbOptions } from './snb.ts';
import { zayatz } from './zayatz.ts';
import { estimate, resolveSample, type PopulationModel, type SizeHistogram, type UniquenessEstimate } from './input.ts';

export type UniquenessModel = 'pitman' | 'zayatz' | 'snb' | 'none';

export interface DankarEstimate extends UniquenessEstimate {
  /** The model whose estimate was taken ('none' when there are no sample uniques). */
  readonly model: UniquenessModel;
  /** The estimates the rule looked at. */
  readonly estimates: { readonly pitman?: UniquenessEstimate; readonly zayatz?: UniquenessEstimate; readonly snb?: UniquenessEstimate };
}

export interface DankarOptions {
  readonly pitman?: PitmanOptions;
  readonly snb?: SnbOptions;
}

/** A model's answer counts when it is a number other than 0 (ARX's isValid). */
function usable(e: UniquenessEstimate | undefined): e is UniquenessEstimate & { uniques: number } {
  return e !== undefined && e.uniques !== null && Number.isFinite(e.uniques) && e.uniques !== 0;
}

/** The models the rule may consult, computed only when it asks for them. */
export interface ModelEstimates {
  readonly pitman: () => UniquenessEstimate;
  readonly zayatz: () => UniquenessEstimate;
  readonly snb: () => UniquenessEstimate;
}

/**
 * The decision rule: no sample uniques -> 0; f <= 0.1 -> Pitman if it gives a valid estimate, else
 * Zayatz; f > 0.1 -> the smaller of Zayatz and SNB when SNB is valid, else Zayatz. The result says
 * which model it took, and keeps the estimates it compared.
 */
export function dankar(histogram: SizeHistogram, population: PopulationModel, options: DankarOptions = {}): DankarEstimate {
  const s = resolveSample(histogram, population, 'dankar');
  if (s.c1 === 0) {
    return { ...estimate(0, s.N, 'no sample uniques, so no population uniques'), model: 'none', estimates: {} };
  }
  return decide(s.f, {
    pitman: () => pitman(histogram, population, options.pitman),
    zayatz: () => zayatz(histogram, population),
    snb: () => snb(histogram, population, options.snb),
  });
}

/** The rule's choice among the models' estimates at sampling fraction f (the sample has uniques). */
export function decide(f: number, models: ModelEstimates): DankarEstimate {
  const pick = (model: UniquenessModel, chosen: UniquenessEstimate, estimates: DankarEstimate['estimates']): DankarEstimate => ({
    ...chosen,
    model,
    estimates,
  });
  if (f <= 0.1) {
    const p = models.pitman();
    if (usable(p)) return pick('pitman', p, { pitman: p });
    const z = models.zayatz();
    return pick('zayatz', withNote(z, `Pitman gave no valid estimate (${p.message ?? 'zero'}); Zayatz used`), { pitman: p, zayatz: z });
  }
  const z = models.zayatz();
  const b = models.snb();
  if (usable(b)) {
    // As ARX: Zayatz only when strictly smaller, so a tie goes to SNB.
    const zayatzSmaller = usable(z) && z.uniques < b.uniques;
    return zayatzSmaller ? pick('zayatz', z, { zayatz: z, snb: b }) : pick('snb', b, { zayatz: z, snb: b });
  }
  return pick('zayatz', withNote(z, `SNB gave no valid estimate (${b.message ?? 'zero'}); Zayatz used`), { zayatz: z, snb: b });
}

function withNote(e: UniquenessEstimate, note: string): UniquenessEstimate {
  return { ...e, message: e.message ? `${e.message}; ${note}` : note };
}
