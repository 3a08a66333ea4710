// Table schemas -> Markdown (a section per table) or JSON; shared by `reident schema` and docs/SCHEMA.md.
import { TABLE_NAMES, type TableName } from '../../generators/world-types.ts';
import type { TableSchema } from '../table/schema.ts';

/** Markdown: a title, an optional preamble, then one section per table with a column | type | description | truth table. */
export function schemaMarkdown(schemas: Record<TableName, TableSchema>, preamble = ''): string {
  const parts = ['# reident tables\n'];
  if (preamble.trim() !== '') parts.push(preamble.trim() + '\n');
  for (const name of TABLE_NAMES) parts.push(tableSection(schemas[name]));
  return parts.join('\n');
}

function tableSection(schema: TableSchema): string {
  const lines = [`## ${schema.name}`, '', cellText(schema.description), '', '| column | type | description | truth |', '| --- | --- | --- | --- |'];
  for (const c of schema.columns) {
    lines.push(`| \`${c.name}\` | ${c.type} | ${cellText(c.description)} | ${c.truth ? 'yes' : ''} |`);
  }
  return lines.join('\n') + '\n';
}

/** Text safe inside a Markdown table cell: no pipes or line breaks. */
function cellText(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** JSON: { "<table>": { name, description, columns: [{ name, type, description, truth }] } } in canonical order. */
export function schemaJson(schemas: Record<TableName, TableSchema>): string {
  const out: Record<string, unknown> = {};
  for (const name of TABLE_NAMES) {
    const s = schemas[name];
    out[name] = {
      name: s.name,
      description: s.description,
      columns: s.columns.map((c) => ({ name: c.name, type: c.type, description: c.description, truth: c.truth === true })),
    };
  }
  return JSON.stringify(out, null, 2) + '\n';
}
