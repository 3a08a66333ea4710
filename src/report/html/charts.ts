// The report's charts, drawn with Observable Plot into whatever `document` the caller has: linkedom's on
// the server (the report is static SVG, no script), the page's own in a notebook. Colours are Okabe-Ito,
// safe for colour-blind readers and in grey print. Each chart comes with a caption saying what to take
// from it. Browser-safe.
import * as Plot from '@observablehq/plot';
import type { Outcome, ScenarioResult } from '../../scenarios/result.ts';
import { frontierRows } from '../../scenarios/sweep.ts';
import { percent } from '../numbers.ts';
import { groupLabel } from '../../scenarios/harm.ts';

// Okabe-Ito, with its yellow (too faint on white and on paper) replaced by grey.
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000', '#777777'];

export interface Chart {
  readonly title: string;
  readonly caption: string;
  /** The figure element (an SVG, or a figure with a legend). */
  readonly element: Element;
}

// Scales with `percent: true` multiply the data by 100, so their domains are given in percent.
const FONT = { style: { fontSize: '13px', fontFamily: 'system-ui, sans-serif' } };

/** People re-identified under each choice, with the 95% interval drawn as a line through the bar's end. */
export function riskChart(r: ScenarioResult, document: Document): Chart {
  const rows = r.outcomes.map((o) => ({ name: o.name, risk: o.risk.value, low: o.risk.interval!.low, high: o.risk.interval!.high }));
  const reference = r.outcomes[0]!;
  const lowest = [...r.outcomes].sort((a, b) => a.risk.value - b.risk.value)[0]!;
  const element = Plot.plot({
    document,
    ...FONT,
    marginLeft: 150,
    width: 640,
    height: 40 + 32 * rows.length,
    x: { label: 'people re-identified (%, with 95% CI)', domain: [0, 100 * Math.max(0.05, ...rows.map((d) => d.high))], percent: true, grid: true },
    y: { label: null, domain: rows.map((d) => d.name) },
    marks: [
      Plot.barX(rows, { x: 'risk', y: 'name', fill: OKABE_ITO[0] }),
      Plot.ruleY(rows, { x1: 'low', x2: 'high', y: 'name', stroke: '#000', strokeWidth: 2 }),
      Plot.ruleX([0]),
    ],
  } as Plot.PlotOptions);
  return {
    title: 'Who is re-identified, by safeguard',
    caption: `Bars: the share of people the attack named correctly under each choice; black lines: 95% intervals. With ${reference.name} ${percent(reference.risk.value)}; the lowest is ${lowest.name} at ${percent(lowest.risk.value)}.`,
    element,
  };
}

/** Risk against utility lost: each choice a dot, the frontier (choices nothing else beats on both) joined. */
export function frontierChart(outcomes: readonly Outcome[], document: Document, title = 'The risk-utility frontier'): Chart {
  const rows = frontierRows([{ varied: {}, result: { outcomes } as unknown as ScenarioResult }]).map((r) => ({ name: r.outcome.name, risk: r.outcome.risk.value, lost: r.outcome.utility.lost, frontier: r.frontier ? 'on the frontier' : 'beaten on both' }));
  const front = rows.filter((d) => d.frontier === 'on the frontier').sort((a, b) => a.lost - b.lost);
  // Choices at the same point share one label ("k = 11, k = 20") instead of overprinting.
  const labels = new Map<string, { risk: number; lost: number; name: string }>();
  for (const d of rows) {
    const key = `${d.risk.toFixed(3)}|${d.lost.toFixed(3)}`;
    const at = labels.get(key);
    labels.set(key, at ? { ...at, name: `${at.name}, ${d.name}` } : { risk: d.risk, lost: d.lost, name: d.name });
  }
  const top = Math.min(1, Math.max(0.05, ...rows.map((d) => d.risk)) * 1.15);
  const element = Plot.plot({
    document,
    ...FONT,
    width: 640,
    height: 380,
    marginTop: 30,
    marginRight: 20,
    grid: true,
    x: { label: 'utility lost (% of the standard workload) →', domain: [0, 105], percent: true },
    y: { label: '↑ people re-identified (%)', domain: [0, 100 * top], percent: true },
    color: { domain: ['on the frontier', 'beaten on both'], range: [OKABE_ITO[3]!, '#999999'], legend: true },
    marks: [
      Plot.line(front, { x: 'lost', y: 'risk', stroke: OKABE_ITO[3], strokeDasharray: '4,3' }),
      Plot.dot(rows, { x: 'lost', y: 'risk', fill: 'frontier', r: 6, symbol: 'frontier' }),
      // Labels to the right of their dot, or to the left near the right edge.
      ...[false, true].map((right) =>
        Plot.text([...labels.values()].filter((d) => d.lost > 0.7 === right), { x: 'lost', y: 'risk', text: 'name', dx: right ? -9 : 9, textAnchor: right ? 'end' : 'start', fontSize: 12, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', fill: '#111' }),
      ),
    ],
  } as Plot.PlotOptions);
  return {
    title,
    caption: `Each dot is a choice the holder could make: down is safer, left keeps more of the data's use. The dashed line joins the choices nothing else beats on both (${front.map((d) => d.name).join(', ')}); a choice off it is dominated.`,
    element,
  };
}

/** Wrongly named per 100,000 people of each group, one panel per grouping (each with its own groups). */
export function harmChart(o: Outcome, document: Document): Chart | null {
  if (o.wronglyNamed === 0) return null;
  const panel = (by: string, groups: Outcome['harm']['byImmigrationStatus'], colour: string) => {
    const rows = groups.map((g) => ({ group: groupLabel(g.group), per100k: g.per100k }));
    return Plot.plot({
      document,
      ...FONT,
      marginLeft: 235,
      width: 640,
      height: 50 + 26 * rows.length,
      x: { label: `wrongly named per 100,000 people, by ${by}`, grid: true },
      y: { label: null },
      marks: [Plot.barX(rows, { x: 'per100k', y: 'group', fill: colour, sort: { y: '-x' } }), Plot.ruleX([0])],
    } as Plot.PlotOptions);
  };
  const element = document.createElement('div');
  element.append(panel('immigration status', o.harm.byImmigrationStatus, OKABE_ITO[1]!), panel('race/ethnicity', o.harm.byRaceEthnicity, OKABE_ITO[4]!));
  return { title: `Who is wrongly named (${o.name})`, caption: `${o.harm.sentence} Rates are per 100,000 people of each group, so groups of different size compare.`, element };
}

/** Every scenario's choices on one risk-utility plane, coloured by scenario. */
export function overviewChart(results: readonly ScenarioResult[], document: Document): Chart {
  const rows = results.flatMap((r) => r.outcomes.map((o) => ({ scenario: r.scenario, name: o.name, risk: o.risk.value, lost: o.utility.lost })));
  const element = Plot.plot({
    document,
    ...FONT,
    width: 720,
    height: 400,
    grid: true,
    x: { label: 'utility lost (%) →', domain: [0, 100], percent: true },
    y: { label: '↑ people re-identified (%)', domain: [0, 100], percent: true },
    color: { domain: results.map((r) => r.scenario), range: OKABE_ITO },
    symbol: { domain: results.map((r) => r.scenario), legend: true },
    marks: [Plot.dot(rows, { x: 'lost', y: 'risk', stroke: 'scenario', symbol: 'scenario', r: 5, strokeWidth: 2 })],
  } as Plot.PlotOptions);
  return {
    title: 'Every scenario on one plane',
    caption: 'Each mark is one choice in one scenario: the further down and left, the better. The choices with no safeguard sit high on the left; the safeguards that hold move down, most at some cost to the right.',
    element,
  };
}
