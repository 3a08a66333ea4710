// A scenario's options, declared once: from the declaration come the defaults, the validation of a
// scenario file or a `--set`/`--vary` value (errors name the JSON path), and the published JSON Schema.
// Browser-safe.

export type OptionSpec =
  | { readonly kind: 'integer'; readonly help: string; readonly default?: number; readonly min?: number; readonly max?: number }
  | { readonly kind: 'number'; readonly help: string; readonly default?: number; readonly min?: number; readonly max?: number; readonly exclusiveMin?: boolean }
  | { readonly kind: 'string'; readonly help: string; readonly default?: string; readonly choices?: readonly string[] }
  | { readonly kind: 'boolean'; readonly help: string; readonly default?: boolean }
  | { readonly kind: 'list'; readonly help: string; readonly of: ItemSpec; readonly default?: readonly (string | number)[]; readonly minItems?: number }
  | { readonly kind: 'object'; readonly help: string; readonly properties: Readonly<Record<string, OptionSpec>> };

export type ItemSpec = Exclude<OptionSpec, { kind: 'list' } | { kind: 'object' }>;

export type Options = Record<string, unknown>;

/** An option that is not what its declaration allows; `path` is its JSON path (release.k). */
export class ScenarioOptionError extends Error {
  override readonly name = 'OptionError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** Checks `value` against `spec`, filling defaults; unknown keys are errors naming them. */
export function resolveOptions(spec: OptionSpec & { kind: 'object' }, value: unknown, path = ''): Options {
  return resolve(spec, value, path) as Options;
}

function resolve(spec: OptionSpec, value: unknown, path: string): unknown {
  const at = path || '(top level)';
  if (value === undefined) {
    if (spec.kind === 'object') return resolve(spec, {}, path);
    return 'default' in spec ? spec.default : undefined;
  }
  switch (spec.kind) {
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ScenarioOptionError(at, `must be an object, got ${shown(value)}`);
      const out: Options = {};
      for (const key of Object.keys(value)) {
        if (key === '$schema') continue;
        if (!(key in spec.properties)) throw new ScenarioOptionError(join(path, key), `is not a known option (known here: ${Object.keys(spec.properties).join(', ')})`);
      }
      for (const [key, child] of Object.entries(spec.properties)) {
        const v = resolve(child, (value as Options)[key], join(path, key));
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new ScenarioOptionError(at, `must be a list, got ${shown(value)}`);
      if (spec.minItems !== undefined && value.length < spec.minItems) throw new ScenarioOptionError(at, `must have at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`);
      return value.map((v, i) => resolve(spec.of, v, `${path}[${i}]`));
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScenarioOptionError(at, `must be a number, got ${shown(value)}`);
      if (spec.kind === 'integer' && !Number.isInteger(value)) throw new ScenarioOptionError(at, `must be a whole number, got ${value}`);
      const exclusive = spec.kind === 'number' && spec.exclusiveMin;
      if (spec.min !== undefined && (exclusive ? value <= spec.min : value < spec.min)) throw new ScenarioOptionError(at, `must be ${exclusive ? 'greater than' : 'at least'} ${spec.min}, got ${value}`);
      if (spec.max !== undefined && value > spec.max) throw new ScenarioOptionError(at, `must be at most ${spec.max}, got ${value}`);
      return value;
    }
    case 'string':
      if (typeof value !== 'string') throw new ScenarioOptionError(at, `must be text, got ${shown(value)}`);
      if (spec.choices && !spec.choices.includes(value)) throw new ScenarioOptionError(at, `must be one of ${spec.choices.join(', ')}, got "${value}"`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new ScenarioOptionError(at, `must be true or false, got ${shown(value)}`);
      return value;
  }
}

/** The declaration at a dotted path (release.k), or an error naming the path and what exists there. */
export function specAt(spec: OptionSpec, path: string): OptionSpec {
  let here: OptionSpec = spec;
  const walked: string[] = [];
  for (const key of path.split('.')) {
    if (here.kind !== 'object' || !(key in here.properties)) {
      const known = here.kind === 'object' ? ` (known${walked.length ? ` under ${walked.join('.')}` : ''}: ${Object.keys(here.properties).join(', ')})` : '';
      throw new ScenarioOptionError(path, `is not an option of this scenario${known}`);
    }
    walked.push(key);
    here = here.properties[key]!;
  }
  return here;
}

/**
 * A command-line value (`--set release.k=7`, one value of `--vary`) as the declaration wants it:
 * numbers parsed, booleans from true/false, a list from a single value or `a|b|c`.
 */
export function parseValue(spec: OptionSpec, path: string, text: string): unknown {
  if (spec.kind === 'object') throw new ScenarioOptionError(path, 'is a group of options; give one of them (e.g. ' + `${path}.${Object.keys(spec.properties)[0]})`);
  if (spec.kind === 'list') return text.split('|').map((t) => parseValue(spec.of, path, t));
  if (spec.kind === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new ScenarioOptionError(path, `must be true or false, got "${text}"`);
    return text === 'true';
  }
  if (spec.kind === 'integer' || spec.kind === 'number') {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new ScenarioOptionError(path, `must be a number, got "${text}"`);
    return n;
  }
  return text;
}

/** A copy of `options` with the value at a dotted path replaced. */
export function withValue(options: Options, path: string, value: unknown): Options {
  const [head, ...rest] = path.split('.');
  const inner = rest.length ? withValue(((options[head!] as Options | undefined) ?? {}) as Options, rest.join('.'), value) : value;
  return { ...options, [head!]: inner };
}

/** The value at a dotted path. */
export function valueAt(options: Options, path: string): unknown {
  let here: unknown = options;
  for (const key of path.split('.')) here = here && typeof here === 'object' ? (here as Options)[key] : undefined;
  return here;
}

/** The JSON Schema (draft 2020-12) of options declared by `spec`. */
export function jsonSchemaOf(spec: OptionSpec): Record<string, unknown> {
  const base = { description: spec.help };
  switch (spec.kind) {
    case 'object':
      return { ...base, type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(spec.properties).map(([k, v]) => [k, jsonSchemaOf(v)])) };
    case 'list':
      return { ...base, type: 'array', items: jsonSchemaOf(spec.of), ...(spec.minItems !== undefined ? { minItems: spec.minItems } : {}), ...(spec.default ? { default: spec.default } : {}) };
    case 'integer':
    case 'number':
      return {
        ...base,
        type: spec.kind,
        ...(spec.min !== undefined ? (spec.kind === 'number' && spec.exclusiveMin ? { exclusiveMinimum: spec.min } : { minimum: spec.min }) : {}),
        ...(spec.max !== undefined ? { maximum: spec.max } : {}),
        ...(spec.default !== undefined ? { default: spec.default } : {}),
      };
    case 'string':
      return { ...base, type: 'string', ...(spec.choices ? { enum: spec.choices } : {}), ...(spec.default !== undefined ? { default: spec.default } : {}) };
    case 'boolean':
      return { ...base, type: 'boolean', ...(spec.default !== undefined ? { default: spec.default } : {}) };
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function shown(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v);
}
