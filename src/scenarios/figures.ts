// Figures as scenarios declare them: a rate of people with its Wilson interval, a count, a share, a
// number with a unit. Every sentence's numbers come from src/report/numbers.ts. Browser-safe.
import { wilson } from '../../attacks/score/wilson.ts';
import { count, interval, percent, rate } from '../report/numbers.ts';
import type { Figure } from './result.ts';

/** k of n with its interval; `sentence` gets the formatted rate appended where it says {rate}. */
export function rateFigure(name: string, label: string, k: number, n: number, sentence: string, baseline?: Figure['baseline']): Figure {
  const interval = wilson(k, n);
  return { name, label, kind: 'rate', value: n ? k / n : 0, interval, ...(baseline ? { baseline } : {}), sentence: sentence.replace('{rate}', rate(interval)) };
}

export function countFigure(name: string, label: string, value: number, sentence: string): Figure {
  return { name, label, kind: 'count', value, sentence: sentence.replace('{count}', count(value)) };
}

/** A share; with `range`, its 95% interval (shown after it). */
export function shareFigure(name: string, label: string, value: number, sentence: string, range?: Figure['range']): Figure {
  const f: Figure = { name, label, kind: 'share', value, ...(range ? { range } : {}), sentence: '' };
  return { ...f, sentence: sentence.replace('{share}', figureText(f)) };
}

export function numberFigure(name: string, label: string, value: number, unit: string, sentence: string): Figure {
  return { name, label, kind: 'number', value, unit, sentence };
}

/** A figure's value as a reader sees it (tables, the report). */
export function figureText(f: Figure): string {
  switch (f.kind) {
    case 'rate':
      return rate(f.interval!);
    case 'share':
      return f.range ? `${percent(f.value)} (${interval(f.range.low, f.range.high)})` : percent(f.value);
    case 'count':
      return count(f.value);
    case 'number':
      return `${Math.abs(f.value) >= 1000 ? count(f.value) : Number(f.value.toPrecision(3))}${f.unit ? ` ${f.unit}` : ''}`;
  }
}
