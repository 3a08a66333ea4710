// `reident risk --engine duckdb`: the class-size histograms computed by SQL over the files (nothing
// but the histograms comes back into JS), then the report from them (risk-report.ts).
import type { SizeHistogram } from '../../attacks/risk/uniqueness/index.ts';
import { sourceView, type FileSource } from './dialect.ts';
import { asNumbers, type SqlSession } from './duckdb-session.ts';
import { checkColumns } from './file-source.ts';
import { classSizeHistogramSql, presentCountsSql, samplePopulationSizesSql } from './risk-sql.ts';
import { InputError } from '../io/input-error.ts';
import type { PairedSizes } from './risk-report.ts';

export interface RiskSources {
  readonly qis: readonly string[];
  readonly sample: { readonly flag: string; readonly source: FileSource };
  readonly population?: { readonly flag: string; readonly source: FileSource };
}

/** Every statement of the run, in order: the views, then the histogram queries. */
export function riskStatements(s: RiskSources): { views: string[]; sample: string; population: string | null; paired: string | null } {
  const views = [sourceView('sample', s.sample.source)];
  if (s.population) views.push(sourceView('population', s.population.source));
  return {
    views,
    sample: classSizeHistogramSql('sample', s.qis),
    population: s.population ? classSizeHistogramSql('population', s.qis) : null,
    paired: s.population ? samplePopulationSizesSql('sample', 'population', s.qis) : null,
  };
}

function histogramOf(c: Record<string, unknown[]>): SizeHistogram {
  return { sizes: Int32Array.from(asNumbers(c.class_size!)), sizeCounts: asNumbers(c.classes!) };
}

export interface RiskHistograms {
  readonly sample: SizeHistogram;
  readonly population?: { readonly histogram: SizeHistogram; readonly paired: PairedSizes };
}

export async function riskHistograms(session: SqlSession, s: RiskSources): Promise<RiskHistograms> {
  const sql = riskStatements(s);
  for (const v of sql.views) await session.run(v);
  await checkColumns(session, 'sample', s.sample.flag, s.sample.source.path, s.qis);
  if (s.population) await checkColumns(session, 'population', s.population.flag, s.population.source.path, s.qis);
  const present = await session.columns(presentCountsSql('sample', s.qis));
  s.qis.forEach((q, j) => {
    if (Number(present[`q${j}`]![0]) === 0) throw new InputError(`${s.sample.source.path}: quasi-identifier "${q}" has only missing values`);
  });
  const sample = histogramOf(await session.columns(sql.sample));
  if (!sql.population || !sql.paired) return { sample };
  const histogram = histogramOf(await session.columns(sql.population));
  const p = await session.columns(sql.paired);
  const paired = { classSize: asNumbers(p.class_size!), populationSize: asNumbers(p.population_size!), classes: asNumbers(p.classes!) };
  return { sample, population: { histogram, paired } };
}
