// Sweeney 2015: news reports of hospital stays linked to inpatient claims (hospital, admission date,
// age, town). She matched 43% of 81 reports uniquely.
import { newsReports } from '../../generators/adversary/news-reports.ts';
import { newsJoin } from '../../attacks/join/news-join.ts';
import { wilson } from '../../attacks/score/index.ts';
import { ageBetween, cmsToIso } from '../dates.ts';
import { count, shareOf } from '../report/numbers.ts';
import { takeSize } from './requested-size.ts';
import { tableOf } from '../table/table.ts';
import { firstRowsOf, gatherText, textColumnOf, textReader, textTable } from '../table/text.ts';
import { needTable, type WorldView } from './world-view.ts';

export interface NewsOptions {
  seed: number | string;
  count?: number;
}

export function newsAttack(world: WorldView, o: NewsOptions) {
  const stays = needTable(world.claims_inpatient, 'claims_inpatient');
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const reports = takeSize(o.count, 81, stays.rows, 'count', 'news reports (one per inpatient stay)');
  const news = newsReports(world.people, stays, { seed: o.seed, count: reports.size });
  // What the claims side knows: the stay and, through bene_id, the beneficiary's birth date and town.
  const beneRow = firstRowsOf(textColumnOf(stays, 'bene_id'), textColumnOf(benes, 'bene_id'));
  const birth = textReader(benes, 'bene_birth_dt');
  const [admitted, claimId] = ['clm_admsn_dt', 'clm_id'].map((c) => textReader(stays, c));
  const admissionDate: (string | null)[] = [];
  const age: (string | null)[] = [];
  for (let k = 0; k < stays.rows; k++) {
    const d = admitted!(k);
    const b = beneRow[k]! < 0 ? null : birth(beneRow[k]!);
    admissionDate.push(d ? cmsToIso(d) : null);
    age.push(d && b ? String(ageBetween(b, d)) : null);
  }
  const facts = textTable({ admission_date: admissionDate, age });
  const staysForNews = tableOf({ hospital: textColumnOf(stays, 'prvdr_num'), admission_date: facts.columns.admission_date!, age: facts.columns.age!, town: gatherText(textColumnOf(benes, 'mailing_city'), beneRow) });
  const join = newsJoin(news.table, staysForNews);
  let correct = 0;
  for (let k = 0; k < join.links.left.length; k++) if (claimId!(join.links.right[k]!) === news.notes![join.links.left[k]!]) correct++;
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
