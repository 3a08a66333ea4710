// How few claims make a beneficiary unique: p random (date, provider) or (date, diagnosis) points from
// their own carrier claims (de Montjoye et al.).
import { indexTrace, trajectoryUnicity } from '../../attacks/unicity/trajectory.ts';
import { wilson } from '../../attacks/score/index.ts';
import { OptionError } from '../../generators/world-types.ts';
import { count, shareOf } from '../report/numbers.ts';
import { textsOf } from '../table/text.ts';
import { needTable, type WorldView } from './world-view.ts';

export interface UnicityOptions {
  seed: number | string;
  kind?: 'provider' | 'diagnosis';
  points?: readonly number[];
  samples?: number;
}

export function unicityAttack(world: WorldView, o: UnicityOptions) {
  const claims = needTable(world.claims_carrier, 'claims_carrier');
  const kind = o.kind ?? 'provider';
  const trace = { who: textsOf(claims, 'bene_id'), parts: [textsOf(claims, 'clm_from_dt'), textsOf(claims, kind === 'provider' ? 'prf_physn_npi_1' : 'icd_dgns_cd_1')] };
  const index = indexTrace(trace);
  const points = o.points ?? [1, 2, 3, 4, 5, 6].filter((p) => p <= Math.max(1, index.mostPoints));
  // p beyond the longest trace would single out nobody because nobody has p points: refuse it.
  for (const p of points) {
    if (p > index.mostPoints) throw new OptionError('points', `${count(p)} asked, but no beneficiary of this world has more than ${count(index.mostPoints)} distinct (date, ${kind}) points`);
  }
  const rows = trajectoryUnicity(trace, { points, samples: o.samples ?? 2000, seed: o.seed }, index).map((r) => ({ ...r, uniqueShare: wilson(r.unique, r.sampled) }));
  const shown = rows.find((r) => r.points === 4) ?? rows[rows.length - 1]!;
  return {
    attack: 'unicity',
    kind,
    mostPoints: index.mostPoints,
    rows,
    explanation:
      `Knowing ${shown.points} of someone's doctor visits (date and ${kind}) singles out ${shareOf(shown.unique, shown.sampled)} beneficiaries tried ` +
      `(among those with at least ${shown.points} distinct points) from all beneficiaries with carrier claims.`,
  };
}
