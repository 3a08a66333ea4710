// The readable form of an attack result: the explanation, then each figure on a line, every number
// written by src/report/numbers.ts so the table quotes the same figures as the sentence.
import { count, duration, measured, percent, perSecond, rate, residual } from '../report/numbers.ts';

type Result = { explanation: string } & Record<string, unknown>;

const isRate = (v: object): boolean => 'point' in v && 'low' in v && 'k' in v;
const isResidual = (v: object): boolean => 'residual' in v && 'error' in v;
const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object' || isRate(v as object) || isResidual(v as object);

/**
 * One value. Units follow the key: `...Seconds`/`seconds` a duration, `...Minutes` a duration in
 * minutes, `<what>PerSecond` a throughput of <what>, `...Share`/`tolerance` a percentage.
 */
export function showValue(key: string, v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'number') {
    if (/seconds$/i.test(key) || /Seconds[A-Z]/.test(key)) return duration(v);
    if (/Minutes$/.test(key)) return duration(60 * v);
    const per = /^(\w+?)PerSecond$/.exec(key);
    if (per) return perSecond(v, per[1]!);
    if (/Share$/.test(key) || key === 'tolerance') return percent(v);
    return Number.isInteger(v) ? count(v) : String(measured(v));
  }
  if (typeof v !== 'object') return String(v);
  if (isRate(v)) return rate(v as Parameters<typeof rate>[0]);
  if (isResidual(v)) return residual(v as Parameters<typeof residual>[0]);
  if (Array.isArray(v)) return v.map((x) => showValue(key, x)).join(', ');
  return Object.entries(v).map(([a, b]) => `${a} ${showValue(a, b)}`).join(', ');
}

export function renderAttack(r: Result): string {
  const lines = [r.explanation, ''];
  for (const [key, v] of Object.entries(r)) {
    if (key === 'explanation') continue;
    if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) {
      lines.push(`${key}:`);
      for (const row of v) lines.push(`  ${showValue(key, row)}`);
    } else if (v && typeof v === 'object' && !isScalar(v) && (Object.keys(v).length > 3 || Object.values(v).some((x) => x && typeof x === 'object'))) {
      lines.push(`${key}:`);
      for (const [a, b] of Object.entries(v)) lines.push(`  ${a.padEnd(32)} ${showValue(a, b)}`);
    } else lines.push(`${key.padEnd(34)} ${showValue(key, v)}`);
  }
  return lines.join('\n') + '\n';
}
