// The linkage model report: one self-contained HTML file (inline CSS and SVG drawn by Observable Plot in
// the caller's document, no script, no request), as Splink's charts show a model: m and u per level, the
// match weight of each level, the match weights of all scored pairs, and the waterfall of a few pairs.
// Every chart has a caption saying what it shows and what to take from it. Browser-safe.
import * as Plot from '@observablehq/plot';
import type { FSParameters } from '../../../attacks/link/fellegi-sunter.ts';
import { levelGammas } from '../../../attacks/link/gamma.ts';
import type { LinkSettings } from '../../../attacks/link/settings.ts';
import { levelLabel, type Waterfall } from '../../../attacks/link/waterfall.ts';
import { count, percent } from '../numbers.ts';
import { OKABE_ITO, type Chart } from './charts.ts';
import { escapeHtml as e } from './escape.ts';
import { REPORT_CSS } from './style.ts';

const FONT = { style: { fontSize: '13px', fontFamily: 'system-ui, sans-serif' } };
const FOR_MATCH = OKABE_ITO[0]!;
const AGAINST_MATCH = OKABE_ITO[3]!;
const NEUTRAL = OKABE_ITO[7]!;

export interface ReportedWaterfall {
  /** Why this pair was picked ("highest match weight", ...). */
  role: string;
  waterfall: Waterfall;
}

export interface ModelReportInput {
  /** What was linked, in words ("a.csv (1,000 records) linked to b.csv (1,200 records)"). */
  subject: string;
  settings: LinkSettings;
  parameters: FSParameters;
  /** Match weight of every scored pair. */
  weights: Float64Array;
  /** Match probability at which a pair counts as a link. */
  threshold: number;
  waterfalls: ReportedWaterfall[];
}

/** One non-null level of one comparison, with its parameters. */
export interface LevelRow {
  comparison: number;
  column: string;
  gamma: number;
  label: string;
  /** Unique across comparisons: the chart's row name. */
  key: string;
  m: number;
  u: number;
  /** log2(m/u). */
  weight: number;
}

/** Every non-null level of every comparison, most similar first, in settings order. */
export function levelRows(settings: LinkSettings, parameters: FSParameters): LevelRow[] {
  return settings.comparisons.flatMap((comp, c) => {
    const gammas = levelGammas(comp);
    return comp.levels.flatMap((level, k) => {
      const g = gammas[k]!;
      if (g < 0) return [];
      const label = levelLabel(comp, level);
      const m = parameters.m[c]![g]!;
      const u = parameters.u[c]![g]!;
      return [{ comparison: c, column: comp.column, gamma: g, label, key: label.includes(comp.column) ? label : `${comp.column}: ${label}`, m, u, weight: Math.log2(m / u) }];
    });
  });
}

/** Counts of weights in bins of equal width (a whole number of bits, at most ~80 bins); edges are multiples of the width. */
export function weightHistogram(weights: ArrayLike<number>): { x1: number; x2: number; count: number }[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  if (!(hi >= lo)) return [];
  const width = Math.max(1, Math.ceil((hi - lo) / 80));
  const first = Math.floor(lo / width);
  const counts = new Float64Array(Math.floor(hi / width) - first + 1);
  for (let i = 0; i < weights.length; i++) counts[Math.floor(weights[i]! / width) - first]!++;
  return Array.from(counts, (n, k) => ({ x1: (first + k) * width, x2: (first + k + 1) * width, count: n }));
}

/**
 * Pairs worth a waterfall, as indices into the scored pairs: the highest match weight, the one nearest
 * the threshold's weight (borderline), and the lowest; ties go to the lower index, repeats are dropped.
 */
export function reportPairs(weights: ArrayLike<number>, threshold: number): { role: string; index: number }[] {
  if (weights.length === 0) return [];
  const border = Math.log2(threshold / (1 - threshold));
  let high = 0;
  let low = 0;
  let near = 0;
  for (let i = 1; i < weights.length; i++) {
    if (weights[i]! > weights[high]!) high = i;
    if (weights[i]! < weights[low]!) low = i;
    if (Math.abs(weights[i]! - border) < Math.abs(weights[near]! - border)) near = i;
  }
  const picked = [
    { role: 'highest match weight', index: high },
    { role: `nearest the threshold (match probability ${threshold})`, index: near },
    { role: 'lowest match weight', index: low },
  ];
  return picked.filter((p, k) => picked.findIndex((q) => q.index === p.index) === k);
}

const bits = (x: number) => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(2)}`;

function muChart(rows: LevelRow[], settings: LinkSettings, document: Document): Chart {
  const data = rows.flatMap((r) => [
    { key: r.key, column: r.column, which: 'm: share of true matches at this level', value: r.m },
    { key: r.key, column: r.column, which: 'u: share of non-matches at this level', value: r.u },
  ]);
  const element = Plot.plot({
    document,
    ...FONT,
    width: 900,
    height: 60 + 22 * rows.length,
    marginLeft: 260,
    marginRight: 20,
    x: { label: null, domain: [0, 1], grid: true },
    y: { label: null, domain: rows.map((r) => r.key) },
    fx: { label: null },
    color: { domain: settings.comparisons.map((c) => c.column), range: OKABE_ITO, legend: true },
    marks: [Plot.barX(data, { x: 'value', y: 'key', fx: 'which', fill: 'column' }), Plot.ruleX([0])],
  } as Plot.PlotOptions);
  const telling = [...rows].sort((a, b) => b.m - b.u - (a.m - a.u))[0];
  return {
    title: 'm and u of each comparison level',
    caption:
      `Left, m: of the true matches, the share falling in each level; right, u: the same share among non-matches (missing values excluded). ` +
      `A level tells matches apart when its m bar is long and its u bar short${telling ? `, as for ${telling.key} (m ${significant(telling.m)}, u ${significant(telling.u)})` : ''}.`,
    element,
  };
}

function weightChart(rows: LevelRow[], lambda: number, document: Document): Chart {
  const prior = Math.log2(lambda / (1 - lambda));
  const data = [{ key: 'prior (starting match weight)', weight: prior }, ...rows.map((r) => ({ key: r.key, weight: r.weight }))];
  const sign = (d: { weight: number }) => (d.weight >= 0 ? 'towards a match' : 'against a match');
  const element = Plot.plot({
    document,
    ...FONT,
    width: 900,
    height: 60 + 22 * data.length,
    marginLeft: 260,
    marginRight: 50,
    marginBottom: 45,
    x: { label: 'match weight, log2(m/u) (bits) →', grid: true, inset: 40, labelOffset: 38 },
    y: { label: null, domain: data.map((d) => d.key) },
    color: { domain: ['towards a match', 'against a match'], range: [FOR_MATCH, AGAINST_MATCH], legend: true },
    marks: [
      Plot.barX(data, { x: 'weight', y: 'key', fill: sign }),
      // Each bar's weight written just beyond its end.
      ...[true, false].map((positive) =>
        Plot.text(data.filter((d) => d.weight >= 0 === positive), { x: 'weight', y: 'key', text: (d: { weight: number }) => bits(d.weight), dx: positive ? 4 : -4, textAnchor: positive ? 'start' : 'end', fill: '#111', fontSize: 11 }),
      ),
      Plot.ruleX([0]),
    ],
  } as Plot.PlotOptions);
  const strongest = [...rows].sort((a, b) => b.weight - a.weight)[0];
  return {
    title: 'Match weight of each comparison level',
    caption:
      `Each bar is log2(m/u), the bits a pair gains (blue) or loses (orange) by falling in that level; a pair's match weight is the prior (${bits(prior)} bits) plus one bar per comparison. ` +
      (strongest ? `The strongest evidence is ${strongest.key} (${bits(strongest.weight)} bits).` : ''),
    element,
  };
}

function histogramChart(weights: Float64Array, threshold: number, document: Document): Chart {
  const bins = weightHistogram(weights);
  const border = Math.log2(threshold / (1 - threshold));
  let above = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! >= border) above++;
  const element = Plot.plot({
    document,
    ...FONT,
    width: 900,
    height: 320,
    marginLeft: 60,
    marginBottom: 45,
    x: { label: 'match weight (bits) →', labelOffset: 38 },
    // square-root scale: the few matches stay visible beside the many non-matches
    y: { label: '↑ scored pairs (square-root scale)', type: 'sqrt', grid: true },
    marks: [
      Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: (d: { x1: number }) => (d.x1 >= border ? FOR_MATCH : NEUTRAL), insetLeft: 0.5, insetRight: 0.5 }),
      Plot.ruleX([border], { stroke: AGAINST_MATCH, strokeWidth: 2, strokeDasharray: '5,3' }),
      Plot.ruleY([0]),
    ],
  } as Plot.PlotOptions);
  return {
    title: 'Match weights of all scored pairs',
    caption:
      `How many of the ${count(weights.length)} scored pairs fall at each match weight; the dashed line is the threshold (match probability ${threshold}, ${bits(border)} bits), and ${count(above)} pairs (${weights.length ? percent(above / weights.length) : 'none'}) lie at or right of it. ` +
      'The height is on a square-root scale so that the few matches show beside the many non-matches. A model that separates well leaves a valley near the line: pairs bunched right at it are the ones to review.',
    element,
  };
}

interface Bar {
  key: string;
  x1: number;
  x2: number;
  weight: number;
  kind: string;
  text: string;
}

function waterfallChart(r: ReportedWaterfall, document: Document): Chart {
  const w = r.waterfall;
  let previous = 0;
  const seen = new Set<string>();
  const bars: Bar[] = w.steps.map((s, i) => {
    let key = s.name;
    if (s.kind === 'comparison') key = s.label.includes(s.name) ? s.label : `${s.name}: ${s.label}`;
    if (s.kind === 'term_frequency') key = `${s.name} (term frequency${s.weight === 0 ? ': none' : ''})`;
    if (key.length > 50) key = key.slice(0, 49) + '…';
    if (seen.has(key)) key = `${key} (${i})`;
    seen.add(key);
    const ends = s.kind === 'prior' || s.kind === 'final';
    const from = ends ? 0 : previous;
    previous = s.cumulative;
    const kind = ends ? 'prior and final match weight' : s.weight >= 0 ? 'towards a match' : 'against a match';
    return { key, x1: from, x2: s.cumulative, weight: s.weight, kind, text: bits(s.weight) };
  });
  const element = Plot.plot({
    document,
    ...FONT,
    width: 900,
    height: 60 + 24 * bars.length,
    marginLeft: 300,
    marginRight: 20,
    marginBottom: 45,
    x: { label: 'running match weight (bits) →', grid: true, inset: 40, labelOffset: 38 },
    y: { label: null, domain: bars.map((b) => b.key) },
    color: { domain: ['towards a match', 'against a match', 'prior and final match weight'], range: [FOR_MATCH, AGAINST_MATCH, NEUTRAL], legend: true },
    marks: [
      Plot.barX(bars, { x1: 'x1', x2: 'x2', y: 'key', fill: 'kind' }),
      // Each step's weight written beyond the end it moved to.
      ...[true, false].map((rising) =>
        Plot.text(bars.filter((b) => b.x2 >= b.x1 === rising), { x: 'x2', y: 'key', text: 'text', dx: rising ? 4 : -4, textAnchor: rising ? 'start' : 'end', fill: '#111', fontSize: 11 }),
      ),
      Plot.ruleX([0]),
    ],
  } as Plot.PlotOptions);
  const moves = w.steps.filter((s) => s.kind === 'comparison' || s.kind === 'term_frequency');
  const up = [...moves].sort((a, b) => b.weight - a.weight)[0];
  const down = [...moves].sort((a, b) => a.weight - b.weight)[0];
  const pair = `left row ${w.leftRow} and right row ${w.rightRow}`;
  const found = w.blockedBy ? `a candidate by blocking rule ${w.blockedBy.rule + 1}` : 'not a candidate under the blocking rules';
  return {
    title: `Waterfall: ${r.role} (${pair})`,
    caption:
      `How the match weight of ${pair} (${found}) builds up, from the prior through each comparison's level to ${bits(w.matchWeight)} bits, match probability ${percent(w.matchProbability, 2)}. ` +
      (up && up.weight > 0 ? `Most for a match: ${up.name}, ${up.label} (${bits(up.weight)}); ` : 'Nothing counts for a match; ') +
      (down && down.weight < 0 ? `most against: ${down.name}, ${down.label} (${bits(down.weight)}).` : 'nothing counts against.'),
    element,
  };
}

/** Three significant digits, for captions (the table has every digit). */
function significant(x: number): string {
  return String(Number(x.toPrecision(3)));
}

function figure(c: Chart): string {
  return `<figure><h4>${e(c.title)}</h4>${c.element.outerHTML}<figcaption>${e(c.caption)}</figcaption></figure>`;
}

function parameterTable(rows: LevelRow[]): string {
  const head = ['comparison', 'level', 'gamma', 'm', 'u', 'Bayes factor m/u', 'match weight (bits)'];
  const numeric = new Set([2, 3, 4, 5, 6]);
  const cell = (tag: string, text: string, j: number) => `<${tag}${numeric.has(j) ? ' class="num"' : ''}>${e(text)}</${tag}>`;
  // m and u are written in full (as JSON writes them), so the report can be checked against a model file.
  const body = rows.map((r) => [r.column, r.label, String(r.gamma), String(r.m), String(r.u), (r.m / r.u).toPrecision(4), r.weight.toFixed(3)]);
  return `<table id="parameters"><thead><tr>${head.map((h, j) => cell('th', h, j)).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c, j) => cell('td', c, j)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The whole model report. Deterministic: no timestamp, so the same model renders the same bytes. */
export function modelReportHtml(input: ModelReportInput, document: Document): string {
  const rows = levelRows(input.settings, input.parameters);
  const lambda = input.parameters.lambda;
  const charts = [muChart(rows, input.settings, document), weightChart(rows, lambda, document), histogramChart(input.weights, input.threshold, document)];
  const waterfalls = input.waterfalls.map((w) => waterfallChart(w, document));
  const body =
    `<header><h1>Linkage model report</h1><p class="meta">${e(input.subject)}. Made by reident.</p></header>` +
    `<section id="model"><h2>The model</h2>` +
    `<p>A Fellegi-Sunter model scores a pair of records by its match weight: the prior, log2 of the odds that two records drawn at random match ` +
    `(here ${bits(Math.log2(lambda / (1 - lambda)))} bits, one pair in ${count(Math.round(1 / lambda))}), plus for each comparison log2(m/u) of the level the pair falls in. ` +
    `m is the probability of that level among true matches, u among non-matches.</p>` +
    parameterTable(rows) +
    `<div class="charts">${charts.slice(0, 2).map(figure).join('')}</div></section>` +
    `<section id="pairs"><h2>The scored pairs</h2><div class="charts">${figure(charts[2]!)}</div></section>` +
    `<section id="waterfalls"><h2>Why pairs scored as they did</h2>` +
    (waterfalls.length ? `<div class="charts">${waterfalls.map(figure).join('')}</div>` : '<p>No pair was scored, so there is no waterfall to show.</p>') +
    `</section>`;
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>reident linkage model report</title><style>${REPORT_CSS}</style></head><body><main>${body}</main></body></html>\n`;
}
