// How few claims make a beneficiary unique: p random (date, provider) or (date, diagnosis) points from
// their own carrier claims (de Montjoye et al.).
import { trajectoryUnicity } from '../../attacks/unicity/trajectory.ts';
import { wilson } from '../../attacks/score/index.ts';
import { pct, needTable, type WorldView } from './world-view.ts';

export interface UnicityOptions {
  seed: number | string;
  kind?: 'provider' | 'diagnosis';
  points?: readonly number[];
  samples?: number;
}

export function unicityAttack(world: WorldView, o: UnicityOptions) {
  const claims = needTable(world.claims_carrier, 'claims_carrier');
  const kind = o.kind ?? 'provider';
  const rows = trajectoryUnicity(
    { who: claims.column('bene_id'), parts: [claims.column('clm_from_dt'), claims.column(kind === 'provider' ? 'prf_physn_npi_1' : 'icd_dgns_cd_1')] },
    { points: o.points ?? [1, 2, 3, 4, 5, 6], samples: o.samples ?? 2000, seed: o.seed },
  ).map((r) => ({ ...r, uniqueShare: wilson(r.unique, r.sampled) }));
  const four = rows.find((r) => r.points === 4);
  return {
    attack: 'unicity',
    kind,
    rows,
    explanation: four
      ? `Knowing 4 of someone's doctor visits (date and ${kind}) singles them out among all beneficiaries ${pct(four.uniqueShare.point)} of the time.`
      : 'Share of beneficiaries singled out by p points of their own claims.',
  };
}
