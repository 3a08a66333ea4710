// Small page helpers the notebooks share: a key figure a reader (and the browser test) can find, a chart
// with its title and caption, a table of outcomes, and a timer. Browser-only (uses the page's document).
import { count, percent, rate, significant, type Chart, type Figure, type Outcome } from 'reident/scenarios';

/** A headline number with its label: `data-figure` names it so a test can check it appears and changes. */
export function keyFigure(name: string, label: string, value: string, note = ''): HTMLElement {
  const div = document.createElement('div');
  div.className = 'key-figure';
  div.dataset.figure = name;
  div.style.cssText = 'display:inline-block;margin:0 1.5em 0.8em 0;vertical-align:top;max-width:18em';
  const l = div.appendChild(document.createElement('div'));
  l.textContent = label;
  l.style.cssText = 'font-size:13px;color:var(--theme-foreground-muted, #666)';
  const v = div.appendChild(document.createElement('div'));
  v.className = 'key-figure-value';
  v.textContent = value;
  v.style.cssText = 'font-size:26px;font-weight:600;font-variant-numeric:tabular-nums';
  if (note) {
    const n = div.appendChild(document.createElement('div'));
    n.textContent = note;
    n.style.cssText = 'font-size:12px;color:var(--theme-foreground-muted, #666)';
  }
  return div;
}

/** Several key figures side by side. */
export function keyFigures(...figures: HTMLElement[]): HTMLElement {
  const div = document.createElement('div');
  div.className = 'key-figures';
  div.append(...figures);
  return div;
}

/** A report chart (src/report/html/charts.ts) as a figure with its title and caption. */
export function chartFigure(chart: Chart | null, none = 'Nothing to draw.'): HTMLElement {
  const fig = document.createElement('figure');
  fig.style.margin = '1em 0';
  const h = fig.appendChild(document.createElement('h4'));
  h.textContent = chart?.title ?? none;
  if (!chart) return fig;
  fig.appendChild(chart.element);
  const cap = fig.appendChild(document.createElement('figcaption'));
  cap.textContent = chart.caption;
  cap.style.cssText = 'font-size:13px;max-width:640px';
  return fig;
}

/** A figure as a reader sees it: a rate with its interval, a share, a count or a number with its unit. */
export function figureText(f: Figure): string {
  if (f.kind === 'rate' && f.interval) return rate(f.interval);
  if (f.kind === 'share') return percent(f.value);
  if (f.kind === 'count') return count(f.value);
  return `${Number.isInteger(f.value) ? count(f.value) : significant(f.value)}${f.unit ? ` ${f.unit}` : ''}`;
}

/** One row per outcome, every figure formatted, for Inputs.table. */
export function outcomeRows(outcomes: readonly Outcome[]): Record<string, string>[] {
  return outcomes.map((o) => ({
    choice: o.name,
    're-identified': rate(o.risk.interval!),
    'wrongly named': count(o.wronglyNamed),
    'utility lost': percent(o.utility.lost),
  }));
}

/** A plain paragraph (for sentences the core writes). */
export function paragraph(text: string, className = ''): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** Runs `f` and returns its value with the seconds it took, after letting the page paint first. */
export async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  await new Promise((r) => setTimeout(r, 0));
  const t = performance.now();
  const value = await f();
  return { value, seconds: (performance.now() - t) / 1000 };
}
