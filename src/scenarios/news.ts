// Sweeney 2015: news reports of hospital stays linked to inpatient claims (hospital, admission date,
// age, town). She matched 43% of 81 reports uniquely.
import { newsReports } from '../../generators/adversary/news-reports.ts';
import { newsJoin } from '../../attacks/join/news-join.ts';
import { wilson } from '../../attacks/score/index.ts';
import { ageBetween, cmsToIso } from '../dates.ts';
import { count, shareOf } from '../report/numbers.ts';
import { takeSize } from './requested-size.ts';
import { needTable, type WorldView } from './world-view.ts';

export interface NewsOptions {
  seed: number | string;
  count?: number;
}

export function newsAttack(world: WorldView, o: NewsOptions) {
  const stays = needTable(world.claims_inpatient, 'claims_inpatient');
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const reports = takeSize(o.count, 81, stays.records, 'count', 'news reports (one per inpatient stay)');
  const news = newsReports(world.people, stays, { seed: o.seed, count: reports.size });
  // What the claims side knows: the stay and, through bene_id, the beneficiary's birth date and town.
  const beneRow = new Map<string, number>();
  const beneId = benes.column('bene_id');
  for (let i = 0; i < benes.records; i++) if (!beneRow.has(beneId[i]!)) beneRow.set(beneId[i]!, i);
  const [birth, city] = ['bene_birth_dt', 'mailing_city'].map((c) => benes.column(c));
  const [stayBene, admitted, ccn, claimId] = ['bene_id', 'clm_admsn_dt', 'prvdr_num', 'clm_id'].map((c) => stays.column(c));
  const admissionDate = admitted!.map((d) => (d ? cmsToIso(d) : null));
  const age = admitted!.map((d, k) => {
    const b = birth![beneRow.get(stayBene![k]!) ?? -1];
    return d && b ? String(ageBetween(b, d)) : null;
  });
  const town = stayBene!.map((b) => city![beneRow.get(b!) ?? -1] ?? null);
  const join = newsJoin(news.table, { hospital: ccn!, admissionDate, age, town });
  let correct = 0;
  for (let k = 0; k < join.links.left.length; k++) if (claimId![join.links.right[k]!] === news.notes![join.links.left[k]!]) correct++;
  const published = wilson(35, 81); // Sweeney 2015: 35 of 81 reports matched uniquely
  return {
    attack: 'news',
    reports: join.reports,
    ...(reports.capped ? { capped: reports.capped } : {}),
    matchedUniquely: wilson(join.matchedUniquely, join.reports),
    correct: wilson(correct, join.matchedUniquely),
    published: { study: 'Sweeney 2015, Washington State', matchedUniquely: published },
    explanation:
      `${shareOf(join.matchedUniquely, join.reports)} news reports matched exactly one hospital stay ` +
      `on the facts each report gives (hospital, admission day or month, age, town), and ${count(correct)} of those were the reported person ` +
      `(Sweeney matched ${shareOf(published.k, published.n)} uniquely).`,
  };
}
