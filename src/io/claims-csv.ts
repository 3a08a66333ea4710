// Claim rows -> CSV bytes straight from the simulation's typed stores, without the table chunk of
// 110-120 boxed cells per row: codes and dates are pre-encoded byte strings, money and counts are written
// digit by digit, and the runs of unused line slots are runs of commas. The bytes are those the chunk
// encoder (csv-bytes.ts) writes for the chunk materialise.ts builds; test/claims-csv.test.ts compares them.
import { DRGS, DRUGS, DX, HCPCS, PROCEDURES, REVENUE } from '../../generators/medicare/codes.ts';
import { ID_DIGIT, type ClaimRowsSource, type MaterialiseContext } from '../../generators/medicare/claims/materialise.ts';
import { CLAIM_SCHEMAS } from '../../generators/medicare/claims/schemas.ts';
import { CARRIER_DX, CARRIER_LINES, INST_DX, INST_LINES, INST_PRC, type CarrierStore, type InpatientStore, type IntList, type OutpatientStore, type PdeStore } from '../../generators/medicare/claims/store.ts';
import type { TableSchema } from '../table/schema.ts';
import type { ByteBuffer } from './byte-buffer.ts';
import type { ProviderPool } from '../../generators/medicare/providers.ts';
import { pack, writeMoney, writeNumber, writeText, type Packed } from './csv-cell-bytes.ts';
import { csvText } from './format-csv.ts';

const COMMA = 44;
const NEWLINE = 10;

interface Vocabularies {
  readonly dx: Packed;
  readonly hcpcs: Packed;
  readonly revenue: Packed;
  readonly procedures: Packed;
  readonly drg: Packed;
  readonly ndc: Packed;
  readonly label: Packed;
}
let vocabularies: Vocabularies | undefined;
function vocab(): Vocabularies {
  return (vocabularies ??= {
    dx: pack(DX.map(csvText)),
    hcpcs: pack(HCPCS.map(csvText)),
    revenue: pack(REVENUE.map(csvText)),
    procedures: pack(PROCEDURES.map(csvText)),
    drg: pack(DRGS.map((d) => csvText(d.code))),
    ndc: pack(DRUGS.map((d) => csvText(d.ndc))),
    label: pack(DRUGS.map((d) => csvText(d.label))),
  });
}

/** Writes entry k of a packed dictionary at `at`. */
function put(dst: Uint8Array, at: number, p: Packed, k: number): number {
  const b = p.bytes;
  for (let q = p.start[k]!, e = p.start[k + 1]!; q < e; q++) dst[at++] = b[q]!;
  return at;
}

/** Bytes a row may take beyond its text cells (bene_id, NPIs, CCN: each checked on its own). */
function roomOf(schema: TableSchema, longest: number): number {
  return schema.columns.length * Math.max(25, longest + 1) + 64;
}

/** Longest bene_id, NPI or CCN the per-row room allows (they are 6-16 characters). */
const TEXT_MAX = 64;
function checkText(s: string): string {
  if (s.length > TEXT_MAX) throw new Error(`claims CSV: text cell longer than ${TEXT_MAX} characters: ${s.slice(0, 80)}`);
  return s;
}

/** Where the last row's head (person_id, bene_id, the claim id's table digit and ordinal) starts and ends in the output, and whose it is. */
type HeadCache = Int32Array; // [bene, start, end]
const newHeadCache = (): HeadCache => Int32Array.of(-1, 0, 0);

/**
 * Writes person_id, bene_id and the 15-digit claim id (table digit, 9-digit beneficiary ordinal, 5-digit
 * sequence), each followed by a comma. Rows come grouped by beneficiary: the head is copied from the previous row's.
 */
function writeHead(dst: Uint8Array, at: number, m: MaterialiseContext, b: number, digit: number, seq: number, cache: HeadCache): number {
  if (cache[0] === b) {
    for (let q = cache[1]!, e = cache[2]!; q < e; q++) dst[at++] = dst[q]!;
  } else {
    const start = at;
    at = writeNumber(dst, at, m.batch.personIndex[b]!);
    dst[at++] = COMMA;
    at = writeText(dst, at, checkText(m.batch.beneId[b]!));
    dst[at++] = COMMA;
    dst[at++] = digit;
    const ordinal = m.batch.beneOrdinal[b]!;
    if (ordinal >= 0 && ordinal < 1e9 && ordinal === Math.floor(ordinal)) {
      for (let k = at + 8, x = ordinal; k >= at; k--, x = Math.floor(x / 10)) dst[k] = 48 + (x % 10);
      at += 9;
    } else {
      const s = String(ordinal).padStart(9, '0');
      for (let i = 0; i < s.length; i++) dst[at++] = s.charCodeAt(i);
    }
    cache[0] = b;
    cache[1] = start;
    cache[2] = at;
  }
  if (seq >= 0 && seq < 100_000) {
    for (let k = at + 4, x = seq; k >= at; k--, x = (x / 10) | 0) dst[k] = 48 + (x % 10);
    at += 5;
  } else {
    const s = String(seq).padStart(5, '0');
    for (let i = 0; i < s.length; i++) dst[at++] = s.charCodeAt(i);
  }
  dst[at++] = COMMA;
  return at;
}

/** Writes a money cell (integer cents) followed by `sep`; small non-negative amounts without a call. */
function money(dst: Uint8Array, at: number, cents: number, sep: number): number {
  if (cents < 0 || cents > 2147483647) {
    at = writeMoney(dst, at, cents);
    dst[at++] = sep;
    return at;
  }
  const whole = (cents / 100) | 0;
  const frac = cents - whole * 100;
  if (whole < 10) dst[at++] = 48 + whole;
  else if (whole < 100) {
    dst[at++] = 48 + ((whole / 10) | 0);
    dst[at++] = 48 + (whole % 10);
  } else if (whole < 1000) {
    dst[at++] = 48 + ((whole / 100) | 0);
    dst[at++] = 48 + (((whole / 10) | 0) % 10);
    dst[at++] = 48 + (whole % 10);
  } else at = writeNumber(dst, at, whole);
  dst[at] = 46;
  dst[at + 1] = 48 + ((frac / 10) | 0);
  dst[at + 2] = 48 + (frac % 10);
  dst[at + 3] = sep;
  return at + 4;
}

/** A run of `count` empty cells (each followed by a comma). */
function empties(dst: Uint8Array, at: number, count: number): number {
  if (count > 0) dst.fill(COMMA, at, at + count);
  return at + count;
}

/** Room per row for its text cells: at most 20 (bene_id, 13 NPIs) of TEXT_MAX characters, 3 bytes each, quoted. */
const TEXT_ROOM = 20 * (TEXT_MAX * 3 + 2);

/** What every claim table's row writer reads besides its store: vocabularies, dates, providers, ids. */
interface RowContext {
  readonly v: Vocabularies;
  readonly dates: Packed;
  readonly pools: readonly PoolBytes[];
  readonly head: HeadCache;
  readonly digit: number;
  readonly firstDay: number;
}

/** Writes the rows of `order` through `row`, growing the buffer so that a row of up to `room` bytes always fits. */
function writeRows(m: MaterialiseContext, order: IntList, out: ByteBuffer, room: number, table: keyof typeof ID_DIGIT, row: (dst: Uint8Array, at: number, k: number, c: RowContext) => number): void {
  const c: RowContext = { v: vocab(), dates: packDates(m.dates), pools: m.registry.pools.map(bytesOfPool), head: newHeadCache(), digit: ID_DIGIT[table].charCodeAt(0), firstDay: m.firstDay };
  let dst = out.bytes;
  let at = out.length;
  for (let r = 0; r < order.n; r++) {
    if (at + room > dst.length) {
      out.length = at;
      out.reserve(room);
      dst = out.bytes;
    }
    at = row(dst, at, order.a[r]!, c);
  }
  out.length = at;
}

function appendCarrier(m: MaterialiseContext, st: CarrierStore, order: IntList, out: ByteBuffer, room: number): void {
  writeRows(m, order, out, room, 'carrier', (dst, at, k, { v, dates, pools, head, digit, firstDay }) => {
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!, head);
    at = put(dst, at, dates, st.from[k]! - firstDay);
    dst[at++] = COMMA;
    at = put(dst, at, dates, st.thru[k]! - firstDay);
    dst[at++] = COMMA;
    const nd = st.nDx[k]!;
    const dx0 = k * CARRIER_DX;
    for (let j = 0; j < nd; j++) {
      at = put(dst, at, v.dx, st.dx[dx0 + j]!);
      dst[at++] = COMMA;
    }
    at = empties(dst, at, CARRIER_DX - nd);
    const nl = st.nLines[k]!;
    const o0 = k * CARRIER_LINES;
    const e = o0 + nl;
    const gap = CARRIER_LINES - nl;
    for (let o = o0; o < e; o++) at = npiOf(dst, at, pools, st.npi[o]!);
    at = empties(dst, at, gap);
    for (let o = o0; o < e; o++) {
      at = put(dst, at, v.hcpcs, st.hcpcs[o]!);
      dst[at++] = COMMA;
    }
    at = empties(dst, at, gap);
    let sumPmt = 0;
    let sumAl = 0;
    for (let o = o0; o < e; o++) {
      at = money(dst, at, st.alowd[o]!, COMMA);
      sumAl += st.alowd[o]!;
    }
    at = empties(dst, at, gap);
    for (let o = o0; o < e; o++) {
      at = money(dst, at, st.pmt[o]!, COMMA);
      sumPmt += st.pmt[o]!;
    }
    at = empties(dst, at, gap);
    for (let o = o0; o < e; o++) at = money(dst, at, st.ded[o]!, COMMA);
    at = empties(dst, at, gap);
    for (let o = o0; o < e; o++) at = money(dst, at, st.coins[o]!, COMMA);
    at = empties(dst, at, gap);
    if (nd > 0) {
      for (let o = o0; o < e; o++) {
        at = put(dst, at, v.dx, st.dx[dx0 + st.lineDx[o]!]!);
        dst[at++] = COMMA;
      }
      at = empties(dst, at, gap);
    } else at = empties(dst, at, CARRIER_LINES);
    const unassigned = st.unassigned[k]!;
    at = money(dst, at, sumPmt, COMMA);
    at = money(dst, at, unassigned ? 0 : sumPmt, COMMA);
    at = money(dst, at, unassigned ? sumPmt : 0, COMMA);
    at = money(dst, at, sumAl, NEWLINE);
    return at;
  });
}

/** The columns outpatient and inpatient rows share up to the admission date: returns `at`. */
function writeInstitutionalStart(dst: Uint8Array, at: number, firstDay: number, pools: readonly PoolBytes[], st: OutpatientStore | InpatientStore, k: number, dates: Packed): number {
  dst[at++] = 49; // segment 1
  dst[at++] = COMMA;
  at = put(dst, at, dates, st.from[k]! - firstDay);
  dst[at++] = COMMA;
  at = put(dst, at, dates, st.thru[k]! - firstDay);
  dst[at++] = COMMA;
  at = ccnOf(dst, at, pools, st.prov[k]!);
  at = money(dst, at, st.pmt[k]!, COMMA);
  at = money(dst, at, st.prm[k]!, COMMA);
  const a = st.at[k]!;
  if (a >= 0) at = npiOf(dst, at, pools, a);
  else dst[at++] = COMMA;
  const op = st.op[k]!;
  if (op >= 0) at = npiOf(dst, at, pools, op);
  else dst[at++] = COMMA;
  const ot = st.ot[k]!;
  if (ot >= 0) at = npiOf(dst, at, pools, ot);
  else dst[at++] = COMMA;
  return at;
}

/** Diagnoses (10) and procedures (6), each followed by a comma. */
function writeDxPrc(dst: Uint8Array, at: number, st: OutpatientStore | InpatientStore, k: number, v: Vocabularies): number {
  const nd = st.nDx[k]!;
  for (let j = 0, q = k * INST_DX; j < nd; j++, q++) {
    at = put(dst, at, v.dx, st.dx[q]!);
    dst[at++] = COMMA;
  }
  at = empties(dst, at, INST_DX - nd);
  const np = st.nPrc[k]!;
  for (let j = 0, q = k * INST_PRC; j < np; j++, q++) {
    at = put(dst, at, v.procedures, st.prc[q]!);
    dst[at++] = COMMA;
  }
  return empties(dst, at, INST_PRC - np);
}

/** HCPCS (45), revenue centres (45) and the organisation NPI, each followed by a comma. */
function writeLinesAndOrg(dst: Uint8Array, at: number, pools: readonly PoolBytes[], st: OutpatientStore | InpatientStore, k: number, v: Vocabularies): number {
  const nl = st.nLines[k]!;
  const o0 = k * INST_LINES;
  const e = o0 + nl;
  for (let o = o0; o < e; o++) {
    const h = st.hcpcs[o]!;
    if (h >= 0) at = put(dst, at, v.hcpcs, h);
    dst[at++] = COMMA;
  }
  at = empties(dst, at, INST_LINES - nl);
  for (let o = o0; o < e; o++) {
    at = put(dst, at, v.revenue, st.rev[o]!);
    dst[at++] = COMMA;
  }
  at = empties(dst, at, INST_LINES - nl);
  return npiOf(dst, at, pools, st.prov[k]!);
}

function appendOutpatient(m: MaterialiseContext, st: OutpatientStore, order: IntList, out: ByteBuffer, room: number): void {
  writeRows(m, order, out, room, 'outpatient', (dst, at, k, { v, dates, pools, head, digit }) => {
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!, head);
    at = writeInstitutionalStart(dst, at, m.firstDay, pools, st, k, dates);
    at = money(dst, at, st.blood[k]!, COMMA);
    at = writeDxPrc(dst, at, st, k, v);
    at = money(dst, at, st.ded[k]!, COMMA);
    at = money(dst, at, st.coins[k]!, COMMA);
    const adm = st.admDx[k]!;
    if (adm >= 0) at = put(dst, at, v.dx, adm);
    dst[at++] = COMMA;
    at = writeLinesAndOrg(dst, at, pools, st, k, v);
    return money(dst, at, st.alowd[k]!, NEWLINE);
  });
}

function appendInpatient(m: MaterialiseContext, st: InpatientStore, order: IntList, out: ByteBuffer, room: number): void {
  writeRows(m, order, out, room, 'inpatient', (dst, at, k, { v, dates, pools, head, digit, firstDay }) => {
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!, head);
    at = writeInstitutionalStart(dst, at, m.firstDay, pools, st, k, dates);
    at = put(dst, at, dates, st.from[k]! - firstDay);
    dst[at++] = COMMA;
    const adm = st.admDx[k]!;
    if (adm >= 0) at = put(dst, at, v.dx, adm);
    dst[at++] = COMMA;
    at = money(dst, at, st.perDiem[k]!, COMMA);
    at = money(dst, at, st.ded[k]!, COMMA);
    at = money(dst, at, st.coins[k]!, COMMA);
    at = money(dst, at, st.blood[k]!, COMMA);
    at = writeNumber(dst, at, st.util[k]!);
    dst[at++] = COMMA;
    at = put(dst, at, dates, st.thru[k]! - firstDay);
    dst[at++] = COMMA;
    at = put(dst, at, v.drg, st.drg[k]!);
    dst[at++] = COMMA;
    at = writeDxPrc(dst, at, st, k, v);
    at = writeNumber(dst, at, st.nLines[k]!);
    dst[at++] = COMMA;
    at = writeLinesAndOrg(dst, at, pools, st, k, v);
    at = money(dst, at, st.alowd[k]!, NEWLINE);
    return at;
  });
}

function appendPde(m: MaterialiseContext, st: PdeStore, order: IntList, out: ByteBuffer, room: number): void {
  writeRows(m, order, out, room, 'pde', (dst, at, k, { v, dates, pools, head, digit, firstDay }) => {
    const drug = st.drug[k]!;
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!, head);
    at = put(dst, at, dates, st.day[k]! - firstDay);
    dst[at++] = COMMA;
    at = put(dst, at, v.ndc, drug);
    dst[at++] = COMMA;
    at = writeNumber(dst, at, st.qty[k]!);
    dst[at++] = COMMA;
    at = writeNumber(dst, at, st.days[k]!);
    dst[at++] = COMMA;
    at = money(dst, at, st.ptnt[k]!, COMMA);
    at = money(dst, at, st.lics[k]!, COMMA);
    at = money(dst, at, st.cvrd[k]!, COMMA);
    at = money(dst, at, st.ncvrd[k]!, COMMA);
    at = money(dst, at, st.tot[k]!, COMMA);
    at = npiOf(dst, at, pools, st.prescriber[k]!);
    at = put(dst, at, v.label, drug);
    dst[at++] = NEWLINE;
    return at;
  });
}

/** A pool's NPIs packed in ref order (physicians, hospitals, labs, ambulances) and its CCNs. */
interface PoolBytes {
  readonly npi: Packed;
  /** First entry of each provider kind (PHYSICIAN, HOSPITAL, LAB, AMBULANCE) in `npi`. */
  readonly base: Int32Array;
  readonly ccn: Packed;
}
const poolBytes = new WeakMap<ProviderPool, PoolBytes>();
function bytesOfPool(pool: ProviderPool): PoolBytes {
  let b = poolBytes.get(pool);
  if (!b) {
    const kinds = [pool.physicianNpi, pool.hospitalNpi, pool.labNpi, pool.ambulanceNpi];
    const base = new Int32Array(4);
    for (let k = 1; k < 4; k++) base[k] = base[k - 1]! + kinds[k - 1]!.length;
    b = { npi: pack(kinds.flat().map((s) => csvText(checkText(s)))), base, ccn: pack(pool.hospitalCcn.map((s) => csvText(checkText(s)))) };
    poolBytes.set(pool, b);
  }
  return b;
}

/** Writes the NPI of a provider ref (registry.ts: slot * 4096 + kind * 1024 + index) and a comma. */
function npiOf(dst: Uint8Array, at: number, pools: readonly PoolBytes[], ref: number): number {
  const p = pools[ref >>> 12]!;
  at = put(dst, at, p.npi, p.base[(ref >>> 10) & 3]! + (ref & 1023));
  dst[at++] = COMMA;
  return at;
}

/** Writes the CCN of a hospital ref and a comma. */
function ccnOf(dst: Uint8Array, at: number, pools: readonly PoolBytes[], ref: number): number {
  at = put(dst, at, pools[ref >>> 12]!.ccn, ref & 1023);
  dst[at++] = COMMA;
  return at;
}

/** The calendar's date texts packed once per dates array (one per generateClaims call). */
const packedDates = new WeakMap<readonly string[], Packed>();
function packDates(dates: readonly string[]): Packed {
  let p = packedDates.get(dates);
  if (!p) packedDates.set(dates, (p = pack(dates.map(csvText))));
  return p;
}

/** True when `schema` is the full layout of the source's table (else the caller encodes the chunk). */
function sameLayout(schema: TableSchema, source: ClaimRowsSource): boolean {
  const full = CLAIM_SCHEMAS[`claims_${source.table}`];
  if (schema === full) return true;
  if (schema.columns.length !== full.columns.length) return false;
  for (let j = 0; j < full.columns.length; j++) {
    const a = schema.columns[j]!;
    const b = full.columns[j]!;
    if (a.name !== b.name || a.type !== b.type) return false;
  }
  return true;
}

/**
 * Appends a claim table's rows, as CSV bytes, to `out`; returns false (writing nothing) when `schema`
 * is not the table's full layout, so the caller falls back to the chunk encoder.
 */
export function appendClaimCsv(schema: TableSchema, source: ClaimRowsSource, out: ByteBuffer): boolean {
  if (!sameLayout(schema, source)) return false;
  const v = vocab();
  const longest = Math.max(v.dx.longest, v.hcpcs.longest, v.revenue.longest, v.procedures.longest, v.drg.longest, v.ndc.longest, v.label.longest);
  const room = roomOf(schema, longest) + TEXT_ROOM;
  const { m, order } = source;
  switch (source.table) {
    case 'carrier':
      appendCarrier(m, source.store as CarrierStore, order, out, room);
      break;
    case 'outpatient':
      appendOutpatient(m, source.store as OutpatientStore, order, out, room);
      break;
    case 'inpatient':
      appendInpatient(m, source.store as InpatientStore, order, out, room);
      break;
    case 'pde':
      appendPde(m, source.store as PdeStore, order, out, room);
      break;
  }
  return true;
}
