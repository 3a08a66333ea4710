// Hardening, item 13: counts rather than a rounded "100%", labelled relative errors, and `check`
// citing the repository's own docs with the tolerance behind each verdict.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { wilson } from '../attacks/score/wilson.ts';
import { countOf, duration, percent, perSecond, rate, relativeError, shareOf } from '../src/report/numbers.ts';
import { formatCheck, type CheckRow } from '../src/report/world-check.ts';
import { cli } from './helpers/cli.ts';

describe('the formatting module', () => {
  test('a share short of everyone never reads 100%, and a count of a total is written out', () => {
    expect(countOf(19_998, 20_000)).toBe('19,998 of 20,000');
    expect(shareOf(19_998, 20_000)).toBe('19,998 of 20,000 (99.99%)');
    expect(percent(999_999 / 1_000_000)).toBe('>99.99%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.0000745)).toBe('0.00745%');
    expect(percent(0)).toBe('0%');
    expect(rate(wilson(0, 0))).toBe('0 of 0 (no cases)');
  });

  test('no NaN or Infinity is ever written: a figure computed from nothing is an error', () => {
    expect(() => percent(NaN)).toThrow(/not a finite number/);
    expect(() => duration(Infinity)).toThrow(/not a finite number/);
  });

  test('relative errors say so; durations and rates carry units', () => {
    expect(relativeError(-0.624)).toBe('-62.4% relative error');
    expect(relativeError(0.1)).toBe('+10.0% relative error');
    expect(duration(0.0055)).toBe('5.50 ms');
    expect(duration(91.7486)).toBe('91.7 s');
    expect(duration(2172)).toBe('36.2 min');
    expect(perSecond(460_423.2, 'hashes')).toBe('460,423 hashes/s');
  });
});

describe('risk labels its estimator errors as relative errors', () => {
  test('the ground-truth section', async () => {
    const { formatRiskReport } = await import('../src/cli/risk-render.ts');
    const { analyseRisk } = await import('../attacks/risk/analyse.ts');
    const codes = (v: number[]) => Int32Array.from(v);
    const qi = (v: number[]) => ({ records: v.length, names: ['q'], codes: [codes(v)], dictionaries: [['a', 'b', 'c', 'd', 'e', 'f']] });
    const report = analyseRisk({ qi: qi([0, 1, 2, 2, 3]), population: qi([0, 1, 2, 2, 3, 3, 4, 5, 0, 1]), bootstrap: 0 });
    const text = formatRiskReport({ file: 'x.csv', qi: ['q'], sampled: null }, report);
    expect(text).toMatch(/estimate vs truth +(no estimate|[-+]?\d+(\.\d+)?% relative error)/);
    expect(text).not.toMatch(/error of \w+ +[-+]\d/);
  });
});

describe('check', () => {
  test('each verdict shows its tolerance, and every source is a label defined in docs/WORLD.md', async () => {
    const r = await cli('check', '--people', '1000', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').slice(2).filter((l) => / (ok|off) \(/.test(l));
    expect(rows.length).toBeGreaterThan(20);
    for (const l of rows) expect(l).toMatch(/ (ok \(within|off \(beyond) ±\d+\.\d+( points?)?\) +\[W\d\] /);
    expect(r.stdout).not.toMatch(/REFERENCE/);
    const docs = readFileSync('docs/WORLD.md', 'utf8');
    for (const label of new Set(r.stdout.match(/\[W\d\]/g))) expect(docs).toContain(`**${label}**`);
  });

  test('a row beyond its tolerance says by how much it may differ', () => {
    const row: CheckRow = { measure: 'm', value: 0.2, target: 0.1, tolerance: 0.015, source: '[W2] s', unit: 'share' };
    expect(formatCheck([row])).toMatch(/20\.00% +10\.00% +off \(beyond ±1\.5 points\) +\[W2\] s/);
  });
});
