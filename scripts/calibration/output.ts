// Deterministic, compact JSON written atomically.
import { renameSync, writeFileSync } from 'node:fs';


// ---------------------------------------------------------------- output

/** JSON with objects indented and arrays of scalars on one line; rejects non-finite numbers. */
export function formatJson(v: unknown, indent = ''): string {
  const inner = indent + '  ';
  const flat = (x: unknown): boolean =>
    x === null || typeof x !== 'object' || (!Array.isArray(x) && Object.values(x).every((y) => y === null || typeof y !== 'object'));
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`formatJson: non-finite number ${v}`);
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      v.forEach((x) => formatJson(x));
      return JSON.stringify(v);
    }
    return `[\n${v.map((x) => inner + formatJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    if (flat(v)) return JSON.stringify(v);
    const body = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

export function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
