// The readable form of a risk report: one line per figure, its explanation beneath it.
import type { RiskReport } from '../../attacks/risk/analyse.ts';
import { count, countOf, decimal, significant, interval, percent, relativeError } from '../report/numbers.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'no estimate' : percent(x));

export function formatRiskReport(header: { file: string; qi: string[]; sampled: { fraction?: number; records: number; of: number } | null }, r: RiskReport): string {
  const out: string[] = [];
  const e = r.explanations;
  const line = (label: string, value: string, key?: string) => {
    out.push(`  ${label.padEnd(34)} ${value}`);
    if (key && e[key]) out.push(`      ${e[key]}`);
  };
  const ci = (k: 'averageRisk' | 'highestRisk' | 'recordsAtRisk' | 'sampleUniqueness') => (r.intervals ? `  (${interval(r.intervals[k].low, r.intervals[k].high, r.intervals.confidence)})` : '');

  out.push(`Re-identification risk of ${header.file} on {${header.qi.join(', ')}}`);
  if (header.sampled) out.push(`  (a seeded ${pct(header.sampled.fraction)} sample: ${count(header.sampled.records)} of ${count(header.sampled.of)} records; the file is the population)`);
  out.push(`  missing values: ${r.missing}; at-risk threshold: ${pct(r.threshold)}`, '', 'The table');
  line('records', count(r.records), 'records');
  line('equivalence classes', count(r.classes), 'classes');
  line('smallest class (k)', count(r.minClassSize), 'minClassSize');
  line('sample uniques', `${count(r.sampleUniques)} of ${count(r.records)} (${pct(r.sampleUniqueness)})${ci('sampleUniqueness')}`, 'sampleUniqueness');
  const hist = r.classSizeHistogram.slice(0, 8).map((h) => `${count(h.classes)} of size ${count(h.size)}`);
  line('class sizes', hist.join(', ') + (r.classSizeHistogram.length > 8 ? ', ...' : ''));
  if (r.combinations) {
    out.push('', 'Quasi-identifier combinations (distinction / separation / sample uniqueness)');
    for (const c of r.combinations) line(c.qi.join(' + '), `${pct(c.distinction)} / ${pct(c.separation)} / ${pct(c.sampleUniqueness)}`);
  }
  out.push('', 'Prosecutor (the adversary knows the person is in the table)');
  line('average risk', pct(r.prosecutor.averageRisk) + ci('averageRisk'), 'prosecutor.averageRisk');
  line('highest risk', pct(r.prosecutor.highestRisk) + ci('highestRisk'), 'prosecutor.highestRisk');
  line('lowest risk', pct(r.prosecutor.lowestRisk), 'prosecutor.lowestRisk');
  const atRisk = (share: number) => `${countOf(Math.round(share * r.records), r.records)} (${pct(share)})`;
  line('records at risk', atRisk(r.prosecutor.recordsAtRisk) + ci('recordsAtRisk'), 'prosecutor.recordsAtRisk');
  if (r.populationUniqueness) {
    const u = r.populationUniqueness;
    const N = r.populationSize!;
    out.push('', `Population uniqueness (population of ${count(N)}${u.estimators === 'arx' ? '; estimators as ARX computes them' : ''})`);
    // An estimate shows its share and count of the population; a failed one shows why, in its sentence.
    const estimate = (label: string, x: number | null, key: string) => {
      if (x === null) out.push(`  ${label.padEnd(34)} no estimate: ${e[key] ?? ''}`);
      else line(label, `${pct(x)} (about ${count(x * N)} of ${count(N)})`, key);
    };
    estimate('Pitman', u.pitman, 'populationUniqueness.pitman');
    estimate('Zayatz', u.zayatz, 'populationUniqueness.zayatz');
    estimate('SNB', u.snb, 'populationUniqueness.snb');
    estimate(`Dankar rule (chose ${u.dankarModel})`, u.dankar, 'populationUniqueness.dankar');
  }
  if (r.journalist) {
    out.push('', 'Journalist and marketer (the adversary matches against the population)');
    line('average risk', pct(r.journalist.averageRisk), 'journalist.averageRisk');
    line('highest risk', pct(r.journalist.highestRisk), 'journalist.highestRisk');
    line('records at risk', atRisk(r.journalist.recordsAtRisk), 'journalist.recordsAtRisk');
    line('success rate', pct(r.journalist.successRate), 'journalist.successRate');
    line('marketer risk', pct(r.marketer!.risk), 'journalist.marketerRisk');
  }
  if (r.truth) {
    out.push('', 'Ground truth (counted in the population)');
    line('population uniques', `${count(r.truth.populationUniques)} (${pct(r.truth.populationUniqueness)})`, 'truth.populationUniques');
    line('sample uniques unique in population', `${countOf(r.truth.sampleUniquesAlsoPopulationUnique, r.sampleUniques)} (${pct(r.truth.sampleUniquesThatArePopulationUnique)})`, 'truth.sampleUniquesThatArePopulationUnique');
    for (const [k, err] of Object.entries(r.truth.estimatorErrors)) line(`  ${k} estimate vs truth`, err === null ? 'no estimate' : relativeError(err));
  }
  if (r.individualRisk) {
    out.push('', 'Individual risk (sampling weights, Benedetti-Franconi)');
    line('global risk', pct(r.individualRisk.globalRisk), 'individualRisk.globalRisk');
    line('expected re-identifications', decimal(r.individualRisk.expectedReidentifications, 1), 'individualRisk.expectedReidentifications');
    line('highest risk', pct(r.individualRisk.maxRisk), 'individualRisk.maxRisk');
    line('global risk (exact formula)', pct(r.individualRisk.exact.globalRisk));
    if (r.householdRisk) line('household risk', pct(r.householdRisk.globalRisk), 'householdRisk.globalRisk');
  }
  if (r.lDiversity) {
    out.push('', 'Sensitive attribute');
    line('distinct l-diversity', String(r.lDiversity.distinct), 'lDiversity.distinct');
    line('entropy l-diversity', decimal(r.lDiversity.entropy, 2), 'lDiversity.entropy');
    line('t-closeness', decimal(r.tCloseness!, 3), 'tCloseness');
  }
  if (r.suda) {
    out.push('', 'SUDA (minimal sample uniques)');
    line('special uniques', `${countOf(r.suda.specialUniques, r.records)} (${pct(r.suda.specialUniques / r.records)})`);
    line('highest SUDA score', significant(r.suda.highestScore));
    for (const [name, share] of Object.entries(r.suda.attributeContributions)) line(`contribution of ${name}`, percent(share / 100));
    if (e['suda.attributeContributions']) out.push(`      ${e['suda.attributeContributions']}`);
  }
  return out.join('\n') + '\n';
}
