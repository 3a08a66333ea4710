// `reident schema`: print every table's columns as Markdown or JSON.
import { loadWorld } from '../io/world-source.ts';
import type { CliIO } from './io.ts';
import { oneOf } from './options.ts';
import { schemaJson, schemaMarkdown } from './schema-render.ts';

export async function runSchema(raw: { format?: string }, io: CliIO): Promise<void> {
  const format = oneOf('--format', raw.format ?? 'md', ['md', 'json'] as const);
  const { planWorld } = await loadWorld();
  const { schemas } = planWorld({ seed: 1, people: 1 });
  io.stdout.write(format === 'json' ? schemaJson(schemas) : schemaMarkdown(schemas));
}
