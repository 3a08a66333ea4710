// The readable form of a risk report: one line per figure, its explanation beneath it.
import type { RiskReport } from '../../attacks/risk/analyse.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'no estimate' : `${(100 * x).toPrecision(3)}%`);

export function formatRiskReport(header: { file: string; qi: string[]; sampled: { fraction?: number; records: number; of: number } | null }, r: RiskReport): string {
  const out: string[] = [];
  const e = r.explanations;
  const line = (label: string, value: string, key?: string) => {
    out.push(`  ${label.padEnd(34)} ${value}`);
    if (key && e[key]) out.push(`      ${e[key]}`);
  };
  const ci = (k: 'averageRisk' | 'highestRisk' | 'recordsAtRisk' | 'sampleUniqueness') => (r.intervals ? `  (${(r.intervals.confidence * 100).toFixed(0)}% CI ${pct(r.intervals[k].low)} - ${pct(r.intervals[k].high)})` : '');

  out.push(`Re-identification risk of ${header.file} on {${header.qi.join(', ')}}`);
  if (header.sampled) out.push(`  (a seeded ${pct(header.sampled.fraction)} sample: ${header.sampled.records.toLocaleString('en-US')} of ${header.sampled.of.toLocaleString('en-US')} records; the file is the population)`);
  out.push(`  missing values: ${r.missing}; at-risk threshold: ${pct(r.threshold)}`, '', 'The table');
  line('records', r.records.toLocaleString('en-US'), 'records');
  line('equivalence classes', r.classes.toLocaleString('en-US'), 'classes');
  line('smallest class (k)', String(r.minClassSize), 'minClassSize');
  line('sample uniques', `${r.sampleUniques.toLocaleString('en-US')} (${pct(r.sampleUniqueness)})${ci('sampleUniqueness')}`, 'sampleUniqueness');
  const hist = r.classSizeHistogram.slice(0, 8).map((h) => `${h.classes.toLocaleString('en-US')} of size ${h.size}`);
  line('class sizes', hist.join(', ') + (r.classSizeHistogram.length > 8 ? ', ...' : ''));
  if (r.combinations) {
    out.push('', 'Quasi-identifier combinations (distinction / separation / sample uniqueness)');
    for (const c of r.combinations) line(c.qi.join(' + '), `${pct(c.distinction)} / ${pct(c.separation)} / ${pct(c.sampleUniqueness)}`);
  }
  out.push('', 'Prosecutor (the adversary knows the person is in the table)');
  line('average risk', pct(r.prosecutor.averageRisk) + ci('averageRisk'), 'prosecutor.averageRisk');
  line('highest risk', pct(r.prosecutor.highestRisk) + ci('highestRisk'), 'prosecutor.highestRisk');
  line('lowest risk', pct(r.prosecutor.lowestRisk), 'prosecutor.lowestRisk');
  line('records at risk', pct(r.prosecutor.recordsAtRisk) + ci('recordsAtRisk'), 'prosecutor.recordsAtRisk');
  if (r.populationUniqueness) {
    const u = r.populationUniqueness;
    out.push('', `Population uniqueness (population of ${Math.round(r.populationSize!).toLocaleString('en-US')}${u.estimators === 'arx' ? '; estimators as ARX computes them' : ''})`);
    line('Pitman', pct(u.pitman), 'populationUniqueness.pitman');
    line('Zayatz', pct(u.zayatz), 'populationUniqueness.zayatz');
    line('SNB', pct(u.snb), 'populationUniqueness.snb');
    line(`Dankar rule (chose ${u.dankarModel})`, pct(u.dankar), 'populationUniqueness.dankar');
  }
  if (r.journalist) {
    out.push('', 'Journalist and marketer (the adversary matches against the population)');
    line('average risk', pct(r.journalist.averageRisk), 'journalist.averageRisk');
    line('highest risk', pct(r.journalist.highestRisk), 'journalist.highestRisk');
    line('records at risk', pct(r.journalist.recordsAtRisk), 'journalist.recordsAtRisk');
    line('success rate', pct(r.journalist.successRate), 'journalist.successRate');
    line('marketer risk', pct(r.marketer!.risk), 'journalist.marketerRisk');
  }
  if (r.truth) {
    out.push('', 'Ground truth (counted in the population)');
    line('population uniques', `${r.truth.populationUniques.toLocaleString('en-US')} (${pct(r.truth.populationUniqueness)})`, 'truth.populationUniques');
    line('sample uniques unique in population', pct(r.truth.sampleUniquesThatArePopulationUnique), 'truth.sampleUniquesThatArePopulationUnique');
    for (const [k, err] of Object.entries(r.truth.estimatorErrors)) line(`  error of ${k}`, err === null ? 'no estimate' : `${err >= 0 ? '+' : ''}${(100 * err).toFixed(1)}%`);
  }
  if (r.individualRisk) {
    out.push('', 'Individual risk (sampling weights, Benedetti-Franconi)');
    line('global risk', pct(r.individualRisk.globalRisk), 'individualRisk.globalRisk');
    line('expected re-identifications', r.individualRisk.expectedReidentifications.toFixed(1), 'individualRisk.expectedReidentifications');
    line('highest risk', pct(r.individualRisk.maxRisk), 'individualRisk.maxRisk');
    line('global risk (exact formula)', pct(r.individualRisk.exact.globalRisk));
    if (r.householdRisk) line('household risk', pct(r.householdRisk.globalRisk), 'householdRisk.globalRisk');
  }
  if (r.lDiversity) {
    out.push('', 'Sensitive attribute');
    line('distinct l-diversity', String(r.lDiversity.distinct), 'lDiversity.distinct');
    line('entropy l-diversity', r.lDiversity.entropy.toFixed(2), 'lDiversity.entropy');
    line('t-closeness', r.tCloseness!.toFixed(3), 'tCloseness');
  }
  if (r.suda) {
    out.push('', 'SUDA (minimal sample uniques)');
    for (const [name, share] of Object.entries(r.suda.attributeContributions)) line(`contribution of ${name}`, `${share.toFixed(1)}%`);
    if (e['suda.attributeContributions']) out.push(`      ${e['suda.attributeContributions']}`);
  }
  return out.join('\n') + '\n';
}
