// HIPAA Safe Harbor (45 CFR 164.514(b)(2)) and the Limited Data Set (164.514(e)) as one transform each:
// every column's identifier kind decides whether it is removed, kept or recoded. Browser-safe.
import { isoDate, NO_DAY } from '../../src/dates.ts';
import { tableOf, type Column, type Table } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { dayOfText, daysOf } from '../dates/day-values.ts';
import { resolveColumnKinds } from './column-kinds.ts';
import { IDENTIFIER_KINDS, type IdentifierKindName } from './identifier-kinds.ts';
import { limitedDataSetOptions, safeHarborOptions, OptionError, type LimitedDataSetOptions, type SafeHarborOptions } from './options.ts';
import { agesOf, birthYearsGrouped, groupAgesOver89, markOver89, recodeZip3, yearsOf } from './recode.ts';
import { ZIP3_MIN_POPULATION } from './zip3.ts';

interface RemovedColumn {
  readonly column: string;
  readonly kind: IdentifierKindName;
  /** The Safe Harbor identifier it is (1-18), or null for ground truth. */
  readonly hipaa: number | null;
}

const removal = (column: string, kind: IdentifierKindName): RemovedColumn => ({ column, kind, hipaa: IDENTIFIER_KINDS[kind].hipaa });

/** The table's columns of these kinds. */
const columnsOfKind = (kinds: Map<string, IdentifierKindName>, ...wanted: IdentifierKindName[]) =>
  [...kinds].filter(([, k]) => wanted.includes(k)).map(([c]) => c);

/** The latest day in any column of kind 'date' (not birth dates), or null when there is none. */
function latestDay(table: Table, kinds: Map<string, IdentifierKindName>): number | null {
  let latest: number | null = null;
  for (const name of columnsOfKind(kinds, 'date')) {
    for (const d of daysOf(table.columns[name]!, name)) if (d !== NO_DAY && (latest === null || d > latest)) latest = d;
  }
  return latest;
}

/**
 * Safe Harbor: removes the identifiers (names, street, city, county, phone, email, SSN, record, plan
 * and account numbers, other unique codes, ground truth, ...), keeps a ZIP's first three digits only
 * where that area has more than 20,000 people (else 000), reduces dates to the year, groups ages over
 * 89 as 90+ and gives everyone 90 or older one birth-year category. Rows are neither dropped nor
 * reordered. Every column must have a kind (reident's map, or options.columnKinds).
 */
export function safeHarbor(input: Dataset | Release, options?: SafeHarborOptions): Release {
  const opts = safeHarborOptions(options);
  const { table } = input;
  const kinds = resolveColumnKinds(table, opts.columnKinds);
  const birthColumns = columnsOfKind(kinds, 'birth-date');
  const birthDays = birthColumns.map((c) => daysOf(table.columns[c]!, c));
  const ages = columnsOfKind(kinds, 'age').map((c) => agesOf(table.columns[c]!, c));
  const asOfDay = opts.asOf !== null ? dayOfText(opts.asOf) : latestDay(table, kinds);
  if (birthColumns.length > 0 && asOfDay === null && ages.length === 0) {
    throw new OptionError('asOf', `the table has birth dates (${birthColumns.join(', ')}) but no other date and no age column: give the day ages are counted on`);
  }
  const over89 = markOver89(birthDays, ages, asOfDay, table.rows);

  const columns: Record<string, Column> = {};
  const removed: RemovedColumn[] = [];
  const zip3: { column: string; recodedRecords: number; recodedAreas: string[] }[] = [];
  const yearOnly: string[] = [];
  const agesGrouped: { column: string; records: number }[] = [];
  const birthYears: { column: string; groupedRecords: number }[] = [];
  for (const [name, kind] of kinds) {
    const c = table.columns[name]!;
    switch (IDENTIFIER_KINDS[kind].safeHarbor) {
      case 'remove':
        removed.push(removal(name, kind));
        break;
      case 'keep':
        columns[name] = c;
        break;
      case 'zip3': {
        const r = recodeZip3(c, name);
        columns[name] = r.column;
        zip3.push({ column: name, recodedRecords: r.recodedRecords, recodedAreas: r.recodedAreas });
        break;
      }
      case 'year':
        columns[name] = yearsOf(daysOf(c, name));
        yearOnly.push(name);
        break;
      case 'birth-year': {
        const r = birthYearsGrouped(birthDays[birthColumns.indexOf(name)]!, over89, opts.over89Label);
        columns[name] = r.column;
        birthYears.push({ column: name, groupedRecords: r.grouped });
        break;
      }
      case 'age-90': {
        const r = groupAgesOver89(agesOf(c, name), opts.over89Label);
        columns[name] = r.column;
        agesGrouped.push({ column: name, records: r.grouped });
        break;
      }
    }
  }
  return released(input, tableOf(columns, table.rows), input.truth, {
    safeguard: 'safe-harbor',
    parameters: {
      columnKinds: opts.columnKinds,
      asOf: asOfDay === null ? null : isoDate(asOfDay),
      asOfFrom: opts.asOf !== null ? 'option' : asOfDay === null ? 'none' : 'latest date in the table',
      over89Label: opts.over89Label,
      zip3MinPopulation: ZIP3_MIN_POPULATION,
    },
    summary: { removed, zip3, yearOnly, agesGrouped, birthYears },
  });
}

/**
 * The Limited Data Set: removes the direct identifiers (names, street addresses, phone, fax, email,
 * SSN, record, plan, account, certificate, vehicle and device numbers, URLs, IPs, biometrics, photos)
 * and ground truth; keeps dates, ages, city, county, ZIP and other (pseudonymous) codes.
 */
export function limitedDataSet(input: Dataset | Release, options?: LimitedDataSetOptions): Release {
  const opts = limitedDataSetOptions(options);
  const { table } = input;
  const kinds = resolveColumnKinds(table, opts.columnKinds);
  const kept: Record<string, Column> = {};
  const removed: RemovedColumn[] = [];
  for (const [name, kind] of kinds) {
    if (IDENTIFIER_KINDS[kind].limitedDataSet === 'remove') removed.push(removal(name, kind));
    else kept[name] = table.columns[name]!;
  }
  return released(input, tableOf(kept, table.rows), input.truth, {
    safeguard: 'limited-data-set',
    parameters: { columnKinds: opts.columnKinds },
    summary: { removed, kept: Object.keys(kept) },
  });
}
