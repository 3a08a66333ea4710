// The readable form of an attack: its explanation, then each declared figure on a line (its label and
// its value as figureText writes it), then any notes. Nothing is guessed from a key's name.
import { figureText } from '../scenarios/figures.ts';
import type { AttackRun } from '../attacks-registry/attack.ts';

export function renderAttack(run: AttackRun): string {
  const width = Math.max(0, ...run.figures.map((f) => f.label.length)) + 2;
  const lines = [run.result.explanation, ''];
  for (const f of run.figures) lines.push(`${f.label.padEnd(width)}${figureText(f)}`);
  for (const note of run.notes) lines.push('', `note: ${note}`);
  return lines.join('\n') + '\n';
}
