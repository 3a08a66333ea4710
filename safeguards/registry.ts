// Every safeguard a release can apply, by name: what it does, the options it takes from the command
// line (the rest come from a pipeline file) and the transform. The `release` command, scenarios and
// the report iterate this one list. Browser-safe.
import { smallCellRelease, type SmallCellOptions } from './aggregate/small-cell-release.ts';
import { topBottomCode, type TopBottomOptions } from './coding/top-bottom.ts';
import { shiftDates, type DateShiftOptions } from './dates/date-shift.ts';
import { noisyCountRelease, type NoisyCountOptions } from './dp/noisy-count-release.ts';
import { limitedDataSet, safeHarbor } from './safe-harbor/safe-harbor.ts';
import { bloomEncode, dropIdentifiers, pseudonymise, tokenise, type BloomEncodeOptions, type DropOptions, type PseudonymiseOptions, type TokeniseOptions } from './identifiers/index.ts';
import { kAnonymise } from './k-anonymity/k-anonymise.ts';
import type { KAnonymityOptions } from './k-anonymity/options.ts';
import { mondrian } from './k-anonymity/mondrian.ts';
import { hierarchiesFor } from './k-anonymity/hierarchies-for.ts';
import { generalise } from './generalise/apply.ts';
import { OptionError } from '../generators/world-types.ts';
import { synthesizeMarginals } from './synthesize/marginals.ts';
import { localSuppression, type LocalSuppressionOptions } from './suppress/local-suppression.ts';
import { synthesizeDpMarginals } from './synthesize/dp-marginals.ts';
import { chargesIn, PrivacyAccountant } from './dp/accountant.ts';
import { released, type Dataset, type Release } from './types.ts';

/** How an option is written on the command line: `--max-days 30`, `--columns a,b`, `--column-kinds a=none,b=zip`, `--round`, or JSON. */
export type FlagKind = 'number' | 'text' | 'list' | 'map' | 'boolean' | 'json';

export interface SafeguardEntry {
  readonly name: string;
  /** One line: what the data holder does. */
  readonly description: string;
  /** Options by their name in the options object (camelCase; the flag is its kebab-case). */
  readonly flags: Readonly<Record<string, { kind: FlagKind; help: string }>>;
  /** The secret options the holder supplies (a key file on the command line), never recorded. */
  readonly secret?: 'key' | 'keys';
  apply(input: Dataset | Release, options: Record<string, unknown>): Release;
}

const pseudonymFlags = {
  column: { kind: 'text', help: 'the identifier column (e.g. ssn)' },
  normalise: { kind: 'text', help: 'none, trim-upper (default) or digits (SSNs: 123-45-6789 = 123456789)' },
  as: { kind: 'text', help: 'a new name for the column' },
} as const;

/** Applies one pseudonymising method; the options say the rest. */
const pseudonymStep = (method: PseudonymiseOptions['method']) => (input: Dataset | Release, o: Record<string, unknown>) =>
  pseudonymise(input, { ...(o as unknown as PseudonymiseOptions), method });

const entries: SafeguardEntry[] = [
  {
    name: 'drop-ids',
    description: 'identifier columns removed',
    flags: { columns: { kind: 'list', help: 'the columns to remove' } },
    apply: (input, o) => dropIdentifiers(input, o as unknown as DropOptions),
  },
  {
    name: 'hash-ids',
    description: 'an identifier replaced by its plain SHA-256 hash (invertible by enumerating the identifier space)',
    flags: pseudonymFlags,
    apply: pseudonymStep('hash'),
  },
  {
    name: 'salted-hash-ids',
    description: 'an identifier replaced by SHA-256 of a salt and the value (one salt per release, or per record)',
    flags: {
      ...pseudonymFlags,
      seed: { kind: 'text', help: 'seed the salt is drawn from (kept by the holder)' },
      saltScope: { kind: 'text', help: 'release (default: one salt, so equal values stay linkable) or record' },
    },
    apply: pseudonymStep('salted-hash'),
  },
  {
    name: 'hmac-ids',
    description: 'an identifier replaced by its keyed HMAC-SHA256: without the key nobody can invert or recompute it',
    flags: pseudonymFlags,
    secret: 'key',
    apply: pseudonymStep('hmac'),
  },
  {
    name: 'token-ids',
    description: 'an identifier replaced by a random token; the holder keeps the crosswalk apart',
    flags: { column: pseudonymFlags.column, normalise: pseudonymFlags.normalise, as: pseudonymFlags.as, seed: { kind: 'text', help: 'seed of the tokens (kept by the holder)' } },
    apply: (input, o) => {
      const { release, crosswalk } = tokenise(input, o as unknown as TokeniseOptions);
      return { ...release, keptApart: { ...release.keptApart, crosswalk } };
    },
  },
  {
    name: 'bloom',
    description: 'fields encoded together as a keyed Bloom filter (CLK) for privacy-preserving record linkage',
    flags: {
      fields: { kind: 'list', help: 'the fields encoded into one filter (e.g. first_name,last_name,birth_date)' },
      q: { kind: 'number', help: 'q-gram length (default 2)' },
      k: { kind: 'number', help: 'hash functions per q-gram (default 20)' },
      length: { kind: 'number', help: 'filter length in bits (default 1000)' },
      as: { kind: 'text', help: 'name of the encoding column (default clk)' },
    },
    secret: 'keys',
    apply: (input, o) => bloomEncode(input, o as unknown as BloomEncodeOptions),
  },
  {
    name: 'safe-harbor',
    description: "HIPAA Safe Harbor: the 18 identifier kinds removed, ZIP3 only where the area has > 20,000 people, dates to the year, ages over 89 as 90+",
    flags: {
      columnKinds: { kind: 'map', help: 'identifier kind of columns reident does not know, e.g. mrn=medical-record-number,score=none' },
      asOf: { kind: 'text', help: 'day (YYYY-MM-DD) on which ages are computed from birth dates (default: the latest date in the table)' },
      over89Label: { kind: 'text', help: 'the value that replaces ages over 89 (default 90+)' },
    },
    apply: (input, o) => safeHarbor(input, o),
  },
  {
    name: 'limited-data-set',
    description: 'HIPAA Limited Data Set: direct identifiers removed; dates, town and ZIP kept (for use under a data use agreement)',
    flags: { columnKinds: { kind: 'map', help: 'identifier kind of columns reident does not know' } },
    apply: (input, o) => limitedDataSet(input, o),
  },
  {
    name: 'date-shift',
    description: "every date of a person moved by one secret offset, so intervals between one person's dates are kept",
    flags: {
      personKey: { kind: 'text', help: 'column that identifies a person in the table (e.g. bene_id)' },
      seed: { kind: 'text', help: 'secret seed of the offsets (kept by the holder: it undoes the shift)' },
      maxDays: { kind: 'number', help: 'offsets are uniform in [-maxDays, +maxDays] (default 365)' },
      columns: { kind: 'list', help: 'date columns to shift (default: every date column)' },
    },
    apply: (input, o) => shiftDates(input, o as unknown as DateShiftOptions),
  },
  {
    name: 'top-bottom',
    description: 'values above a top or below a bottom threshold replaced by the threshold (or a label)',
    flags: { columns: { kind: 'json', help: 'JSON: {"column": {"top": 100000, "bottom": 0, "topLabel": "100000+"}}' } },
    apply: (input, o) => topBottomCode(input, o as unknown as TopBottomOptions),
  },
  {
    name: 'generalise',
    description: 'columns replaced by a chosen level of their hierarchy (ZIP -> ZIP3 -> state, date -> month -> year -> 5-year band, age bands, ICD-10 -> category -> chapter)',
    flags: {
      levels: { kind: 'map', help: 'level per column (0 keeps it), e.g. mailing_zip=1,birth_date=2' },
      hierarchy: { kind: 'map', help: 'per column, a built-in hierarchy (zip, date, age, icd10) or an ARX hierarchy CSV (default: guessed from the name)' },
    },
    apply: (input, o) => {
      const levels = Object.fromEntries(Object.entries((o.levels ?? {}) as Record<string, unknown>).map(([c, l]) => [c, Number(l)]));
      if (!Object.keys(levels).length) throw new OptionError('levels', 'give the level of at least one column, e.g. birth_date=2');
      const hierarchies = hierarchiesFor(input.table, Object.keys(levels), (o.hierarchy ?? {}) as Record<string, string>, (o.hierarchyCsv ?? {}) as Record<string, string>);
      return generalise(input, { hierarchies, levels });
    },
  },
  {
    name: 'k-anonymity',
    description: 'quasi-identifiers generalised (and rows suppressed) until every combination is shared by at least k records',
    flags: {
      qi: { kind: 'list', help: 'the quasi-identifier columns' },
      k: { kind: 'number', help: 'smallest class size (default 5)' },
      suppressionLimit: { kind: 'number', help: 'largest share of records that may be suppressed, in [0, 1) (default 0)' },
      metric: { kind: 'text', help: "utility metric the optimal search minimises: entropy (ARX's non-uniform entropy, default), discernibility, loss, precision, aecs" },
      method: { kind: 'text', help: 'optimal (full-domain search over the lattice, default) or mondrian (multidimensional, for large tables)' },
      sensitive: { kind: 'text', help: 'a sensitive column, for --l or --t' },
      l: { kind: 'number', help: 'distinct l-diversity of --sensitive in every class' },
      t: { kind: 'number', help: 't-closeness of --sensitive in every class' },
      hierarchy: { kind: 'map', help: 'per column, an ARX hierarchy CSV or a built-in (zip, date, age, icd10): zip=zip.csv,age=age (default: guessed from the name, else value or *)' },
    },
    apply: (input, o) => {
      const qi = (o.qi ?? []) as string[];
      if (o.method === 'mondrian') return mondrian(input, { quasiIdentifiers: qi, ...(o.k !== undefined ? { k: o.k as number } : {}) });
      if (o.method !== undefined && o.method !== 'optimal') throw new Error(`method: optimal or mondrian, not "${String(o.method)}"`);
      const hierarchies = hierarchiesFor(input.table, qi, (o.hierarchy ?? {}) as Record<string, string>, (o.hierarchyCsv ?? {}) as Record<string, string>);
      const options: KAnonymityOptions = {
        quasiIdentifiers: qi,
        hierarchies,
        ...(o.k !== undefined ? { k: o.k as number } : {}),
        ...(o.suppressionLimit !== undefined ? { suppressionLimit: o.suppressionLimit as number } : {}),
        ...(o.metric !== undefined ? { metric: o.metric as KAnonymityOptions['metric'] } : {}),
        ...(o.sensitive !== undefined ? { sensitive: o.sensitive as string } : {}),
        ...(o.l !== undefined ? { lDiversity: { variant: 'distinct', l: o.l as number } as KAnonymityOptions['lDiversity'] } : {}),
        ...(o.t !== undefined ? { tCloseness: { t: o.t as number } } : {}),
      };
      return kAnonymise(input, options);
    },
  },
  {
    name: 'local-suppression',
    description: "single quasi-identifier values of records in classes smaller than k replaced by '*' (chosen greedily, as sdcMicro's localSuppression), or those records dropped",
    flags: {
      qi: { kind: 'list', help: 'the quasi-identifier columns' },
      k: { kind: 'number', help: 'smallest class size (default 5)' },
      importance: { kind: 'list', help: 'the quasi-identifiers, most important first: on ties the least important is suppressed (default: the --qi order)' },
      method: { kind: 'text', help: "cells (default: values become '*', a value of its own) or records (rows of small classes dropped)" },
    },
    apply: (input, o) => {
      const { qi, ...rest } = o;
      return localSuppression(input, { ...(qi !== undefined ? { quasiIdentifiers: qi } : {}), ...rest } as unknown as LocalSuppressionOptions);
    },
  },
  {
    name: 'cell-suppression',
    description: 'a count table whose cells of 1-10 are suppressed (as CMS requires), with complementary suppression so none can be recovered from the margins',
    flags: {
      columns: { kind: 'list', help: 'the columns the counts are grouped by' },
      minimumCount: { kind: 'number', help: 'counts below this are suppressed (default 11)' },
      missing: { kind: 'text', help: 'category (default) or drop' },
    },
    apply: (input, o) => smallCellRelease(input, o as unknown as SmallCellOptions),
  },
  {
    name: 'dp-counts',
    description: 'a count table with differentially private noise on every cell (Laplace or Gaussian), the privacy budget accounted',
    flags: {
      columns: { kind: 'list', help: 'the columns the counts are grouped by' },
      epsilon: { kind: 'number', help: 'privacy loss of this release' },
      seed: { kind: 'text', help: 'seed of the noise' },
      mechanism: { kind: 'text', help: 'laplace (default) or gaussian' },
      delta: { kind: 'number', help: 'gaussian: the delta of (epsilon, delta)' },
      budget: { kind: 'json', help: 'JSON: {"epsilon": 1, "delta": 1e-5} (default), the most the whole release may spend' },
      rowsPerPerson: { kind: 'number', help: 'the most rows one person has in the table (default 1)' },
      sum: { kind: 'json', help: 'JSON: {"column": "pmt", "lower": 0, "upper": 10000}: also a noisy sum, values clamped' },
    },
    apply: (input, o) => noisyCountRelease(input, o as unknown as NoisyCountOptions),
  },
  {
    name: 'synthetic',
    description: 'synthetic records drawn from each column\'s marginal (the baseline synthesizer: no formal guarantee, rare values copied; judge it with attack synthetic)',
    flags: {
      rows: { kind: 'number', help: 'synthetic records to draw (default: as many as the input)' },
      seed: { kind: 'text', help: 'seed of the draws' },
    },
    apply: (input, o) => {
      const { table } = input;
      const rows = (o.rows as number | undefined) ?? table.rows;
      const out = synthesizeMarginals(table, { rows, seed: (o.seed as string | number | undefined) ?? 1 });
      // A synthetic record is nobody's: its truth is -1.
      return released(input, out, new Int32Array(rows).fill(-1), { safeguard: 'synthetic', parameters: { method: 'marginals', rows }, summary: { rowsIn: table.rows, rowsOut: rows } });
    },
  },
  {
    name: 'dp-synthetic',
    description: 'synthetic records drawn from Laplace-noised 1-way and chosen 2-way marginals (epsilon-DP, the budget accounted)',
    flags: {
      epsilon: { kind: 'number', help: 'privacy loss of the synthesis, split evenly across the marginals' },
      rows: { kind: 'number', help: 'synthetic records to draw (default: as many as the input)' },
      seed: { kind: 'text', help: 'seed of the noise and the draws' },
      pairs: { kind: 'json', help: 'JSON: [["birth_year", "sp_chf"]]: 2-way marginals, the second column drawn given the first' },
      domains: { kind: 'json', help: 'JSON: {"column": ["value", ...]}: public domains (default: the values present, which is not private)' },
      budget: { kind: 'json', help: 'JSON: {"epsilon": 1}: the most the whole release may spend (default: epsilon)' },
    },
    apply: (input, o) => {
      const { table } = input;
      const rows = (o.rows as number | undefined) ?? table.rows;
      const epsilon = o.epsilon as number;
      const budget = (o.budget ?? { epsilon }) as { epsilon: number; delta?: number };
      const accountant = new PrivacyAccountant({ epsilon: budget.epsilon, delta: budget.delta ?? 0 }, chargesIn('applied' in input ? input.applied : []));
      const r = synthesizeDpMarginals(table, {
        rows, epsilon, seed: (o.seed as string | number | undefined) ?? 1, accountant,
        ...(o.pairs ? { pairs: o.pairs as [string, string][] } : {}),
        ...(o.domains ? { domains: o.domains as Record<string, string[]> } : {}),
      });
      return released(input, r.table, new Int32Array(rows).fill(-1), {
        safeguard: 'dp-synthetic',
        parameters: { method: 'dp-marginals', epsilon, rows, pairs: o.pairs ?? [] },
        summary: { rowsIn: table.rows, rowsOut: rows, charges: r.charges, epsilonSpent: r.charges.reduce((a, c) => a + c.epsilon, 0), releaseSpent: accountant.spent, domainFromData: r.domainFromData },
      });
    },
  },
];

export const SAFEGUARDS: ReadonlyMap<string, SafeguardEntry> = new Map(entries.map((e) => [e.name, e]));

/** The entry, or an error listing the names there are. */
export function safeguardNamed(name: string): SafeguardEntry {
  const entry = SAFEGUARDS.get(name);
  if (!entry) throw new Error(`unknown safeguard "${name}" (known: ${[...SAFEGUARDS.keys()].join(', ')})`);
  return entry;
}

/** One step of a pipeline: a safeguard and its options. */
export interface PipelineStep {
  safeguard: string;
  options?: Record<string, unknown>;
}

/** Applies the steps in order; each records itself in the release's `applied`. */
export function applyPipeline(input: Dataset, steps: readonly PipelineStep[]): Release {
  let release: Release = { ...input, applied: [] };
  for (const step of steps) release = safeguardNamed(step.safeguard).apply(release, step.options ?? {});
  return release;
}
