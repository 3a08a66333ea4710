// A safeguard's own options on the command line (`--max-days 30`, `--columns a,b`, `--column-kinds
// a=none`), parsed by the kinds its registry entry declares; anything else is an error naming it.
import type { FlagKind, SafeguardEntry } from '../../safeguards/registry.ts';
import { UsageError } from './errors.ts';

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The options object the words after the command's own flags describe. */
export function safeguardOptions(entry: SafeguardEntry, words: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const known = () => Object.keys(entry.flags).map((n) => `--${kebab(n)}`).join(', ') || 'none';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('--')) throw new UsageError(`unexpected "${word}" (the ${entry.name} safeguard takes ${known()})`);
    const [flag, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const name = camel(flag);
    const spec = entry.flags[name];
    if (!spec) throw new UsageError(`--${flag}: not an option of the ${entry.name} safeguard (it takes ${known()})`);
    if (spec.kind === 'boolean') {
      options[name] = inline === undefined ? true : flagValue(`--${flag}`, spec.kind, inline);
      continue;
    }
    const value = inline ?? words[++i];
    if (value === undefined) throw new UsageError(`--${flag} needs a value (${spec.help})`);
    options[name] = flagValue(`--${flag}`, spec.kind, value);
  }
  return options;
}

function flagValue(flag: string, kind: FlagKind, text: string): unknown {
  switch (kind) {
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${text}"`);
      return n;
    }
    case 'list':
      return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'map':
      return Object.fromEntries(
        text.split(',').map((pair) => {
          const [k, v] = pair.split('=');
          if (!k || v === undefined) throw new UsageError(`${flag} takes name=value pairs separated by commas, got "${pair}"`);
          return [k.trim(), v.trim()];
        }),
      );
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new UsageError(`${flag} is true or false, got "${text}"`);
      return text === 'true';
    case 'json':
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new UsageError(`${flag} must be JSON: ${(e as Error).message}`);
      }
    default:
      return text;
  }
}
