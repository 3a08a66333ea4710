// The `attack` command's flags, made from the attacks' declared options: one flag per option name
// (kebab-case), its help from the declarations; and the values given, parsed and checked by the chosen
// attack's declaration, each error naming its flag.
import { Option } from 'commander';
import { parseValue, resolveOptions, ScenarioOptionError, type Options } from '../scenarios/option-spec.ts';
import type { AttackDefinition, AttackOptionSpec } from '../attacks-registry/attack.ts';
import { UsageError } from './errors.ts';
import { kebab } from './safeguard-flags.ts';

/** The command's own flags: no attack may declare an option of these names. */
export const COMMAND_FLAGS = ['world', 'verify', 'json', 'quiet', 'original', 'synthetic', 'control', 'encoding'] as const;

/** Each option name once, with the attacks that declare it (in registry order). */
export function optionNames(attacks: readonly AttackDefinition[]): Map<string, { spec: AttackOptionSpec; by: AttackDefinition[] }[]> {
  const out = new Map<string, { spec: AttackOptionSpec; by: AttackDefinition[] }[]>();
  for (const a of attacks) {
    for (const [name, spec] of Object.entries(a.options.properties)) {
      if ((COMMAND_FLAGS as readonly string[]).includes(name)) throw new Error(`attack ${a.name}: option "${name}" would shadow the command's own --${kebab(name)}`);
      const uses = out.get(name) ?? [];
      const earlier = uses[0]?.spec;
      if (earlier && (earlier.kind === 'boolean') !== (spec.kind === 'boolean')) throw new Error(`attack ${a.name}: option "${name}" is a switch in one attack and takes a value in another`);
      const same = uses.find((u) => u.spec.help === spec.help && defaultOf(u.spec) === defaultOf(spec));
      if (same) same.by.push(a);
      else uses.push({ spec, by: [a] });
      out.set(name, uses);
    }
  }
  return out;
}

/** A commander option per declared option name; the help says which attacks take it. */
export function attackFlagOptions(attacks: readonly AttackDefinition[]): Option[] {
  return [...optionNames(attacks)].map(([name, uses]) => {
    const all = uses.length === 1 && uses[0]!.by.length === attacks.length;
    const help = uses.map((u) => `${all ? '' : `${u.by.map((a) => a.name).join(', ')}: `}${helpOf(u.spec)}`).join('; ');
    return new Option(`--${kebab(name)}${placeholder(uses[0]!.spec)}`, help);
  });
}

/** `attack --help`: every attack, its description and its options. */
export function attacksHelp(attacks: readonly AttackDefinition[]): string {
  const lines = ['', 'Attacks and their options:'];
  for (const a of attacks) {
    lines.push(`  ${a.name}: ${a.description}`);
    for (const [name, spec] of Object.entries(a.options.properties)) lines.push(`      --${kebab(name)}${placeholder(spec)}  ${helpOf(spec)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The chosen attack's options from the command's parsed flags, checked by its declaration (defaults
 * filled in). A flag of another attack, or a value the declaration refuses, is an error naming the flag.
 */
export function attackOptionsFromFlags(attack: AttackDefinition, flags: Readonly<Record<string, unknown>>, attacks: readonly AttackDefinition[]): Options {
  const own = attack.options.properties;
  const takes = Object.keys(own).map((n) => `--${kebab(n)}`).join(', ');
  const given: Options = {};
  for (const name of optionNames(attacks).keys()) {
    const value = flags[name];
    if (value === undefined) continue;
    const spec = own[name];
    if (!spec) throw new UsageError(`--${kebab(name)}: not an option of attack ${attack.name} (it takes ${takes})`);
    given[name] = flagged(() => parsed(spec, name, value));
  }
  return flagged(() => resolveOptions(attack.options, given));
}

/** Runs `f`, turning an option error into a usage error that names the flag (`--birth-year-only: ...`). */
export function flagged<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ScenarioOptionError)) throw e;
    const flag = `--${kebab(e.path.replace(/\[\d+\]$/, ''))}`;
    throw new UsageError(`${flag}: ${e.message.slice(e.path.length + 2)}`);
  }
}

/** A flag's text as the declaration wants it: a list is comma-separated on the command line. */
function parsed(spec: AttackOptionSpec, name: string, value: unknown): unknown {
  if (spec.kind === 'boolean') return value === true || value === 'true' ? true : value === 'false' ? false : parseValue(spec, name, String(value));
  const text = String(value);
  if (spec.kind === 'list') return text.split(',').map((t) => t.trim()).filter((t) => t !== '').map((t) => parseValue(spec.of, name, t));
  return parseValue(spec, name, text);
}

function placeholder(spec: AttackOptionSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return '';
    case 'integer':
      return ' <n>';
    case 'number':
      return ' <x>';
    case 'list':
      return ' <list>';
    case 'string':
      return spec.choices ? ` <${spec.choices.join('|')}>` : ' <value>';
  }
}

function defaultOf(spec: AttackOptionSpec): string | undefined {
  if (spec.default === undefined) return undefined;
  return Array.isArray(spec.default) ? (spec.default.length ? spec.default.join(',') : undefined) : String(spec.default);
}

function helpOf(spec: AttackOptionSpec): string {
  const bounds = 'min' in spec || 'max' in spec ? boundsOf(spec as { min?: number; max?: number }) : '';
  const d = defaultOf(spec);
  return `${spec.help}${bounds}${d !== undefined ? ` (default ${d})` : ''}`;
}

function boundsOf(s: { min?: number; max?: number }): string {
  if (s.min !== undefined && s.max !== undefined) return ` (${s.min} to ${s.max})`;
  return '';
}
