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

/** Writes the 15-digit claim id: table digit, 9-digit beneficiary ordinal, 5-digit sequence. */
function writeClaimId(dst: Uint8Array, at: number, digit: number, ordinal: number, seq: number): number {
  dst[at++] = digit;
  if (ordinal >= 0 && ordinal < 1e9 && ordinal === Math.floor(ordinal)) {
    for (let k = at + 8, x = ordinal; k >= at; k--, x = Math.floor(x / 10)) dst[k] = 48 + (x % 10);
    at += 9;
  } else {
    const s = String(ordinal).padStart(9, '0');
    for (let i = 0; i < s.length; i++) dst[at++] = s.charCodeAt(i);
  }
  const s5 = seq >= 0 && seq < 100_000 ? null : String(seq);
  if (s5 === null) {
    for (let k = at + 4, x = seq; k >= at; k--, x = (x / 10) | 0) dst[k] = 48 + (x % 10);
    return at + 5;
  }
  for (let i = 0; i < s5.length; i++) dst[at++] = s5.charCodeAt(i);
  return at;
}

/** Longest bene_id, NPI or CCN the per-row room allows (they are 6-16 characters). */
const TEXT_MAX = 64;
function checkText(s: string): string {
  if (s.length > TEXT_MAX) throw new Error(`claims CSV: text cell longer than ${TEXT_MAX} characters: ${s.slice(0, 80)}`);
  return s;
}

/** The columns every claim table starts with: person_id, bene_id, the claim id (each followed by a comma). */
function writeHead(dst: Uint8Array, at: number, m: MaterialiseContext, b: number, digit: number, seq: number): number {
  at = writeNumber(dst, at, m.batch.personIndex[b]!);
  dst[at++] = COMMA;
  at = writeText(dst, at, checkText(m.batch.beneId[b]!));
  dst[at++] = COMMA;
  at = writeClaimId(dst, at, digit, m.batch.beneOrdinal[b]!, seq);
  dst[at++] = COMMA;
  return at;
}

/** Writes a money cell followed by `sep`. */
function money(dst: Uint8Array, at: number, cents: number, sep: number): number {
  at = writeMoney(dst, at, cents);
  dst[at++] = sep;
  return at;
}

/** A run of `count` empty cells (each followed by a comma). */
function empties(dst: Uint8Array, at: number, count: number): number {
  if (count > 0) dst.fill(COMMA, at, at + count);
  return at + count;
}

/** An NPI or CCN text cell followed by a comma (the caller reserved room for it). */
function npiCell(dst: Uint8Array, at: number, s: string): number {
  at = writeText(dst, at, checkText(s));
  dst[at++] = COMMA;
  return at;
}

/** Room per row for its text cells: at most 20 (bene_id, 13 NPIs) of TEXT_MAX characters, 3 bytes each, quoted. */
const TEXT_ROOM = 20 * (TEXT_MAX * 3 + 2);

function appendCarrier(m: MaterialiseContext, st: CarrierStore, order: IntList, out: ByteBuffer, room: number): void {
  const v = vocab();
  const dates = packDates(m.dates);
  const digit = ID_DIGIT.carrier.charCodeAt(0);
  const { registry, firstDay } = m;
  let dst = out.bytes;
  let at = out.length;
  for (let r = 0; r < order.n; r++) {
    if (at + room > dst.length) {
      out.length = at;
      out.reserve(room);
      dst = out.bytes;
    }
    const k = order.a[r]!;
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!);
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
    for (let o = o0; o < e; o++) at = npiCell(dst, at, registry.npi(st.npi[o]!));
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
  }
  out.length = at;
}

/** The columns outpatient and inpatient rows share up to the admission date: returns `at`. */
function writeInstitutionalStart(dst: Uint8Array, at: number, m: MaterialiseContext, st: OutpatientStore | InpatientStore, k: number, dates: Packed): number {
  const { registry, firstDay } = m;
  dst[at++] = 49; // segment 1
  dst[at++] = COMMA;
  at = put(dst, at, dates, st.from[k]! - firstDay);
  dst[at++] = COMMA;
  at = put(dst, at, dates, st.thru[k]! - firstDay);
  dst[at++] = COMMA;
  at = npiCell(dst, at, registry.ccn(st.prov[k]!));
  at = money(dst, at, st.pmt[k]!, COMMA);
  at = money(dst, at, st.prm[k]!, COMMA);
  const a = st.at[k]!;
  if (a >= 0) at = npiCell(dst, at, registry.npi(a));
  else dst[at++] = COMMA;
  const op = st.op[k]!;
  if (op >= 0) at = npiCell(dst, at, registry.npi(op));
  else dst[at++] = COMMA;
  const ot = st.ot[k]!;
  if (ot >= 0) at = npiCell(dst, at, registry.npi(ot));
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
function writeLinesAndOrg(dst: Uint8Array, at: number, m: MaterialiseContext, st: OutpatientStore | InpatientStore, k: number, v: Vocabularies): number {
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
  return npiCell(dst, at, m.registry.npi(st.prov[k]!));
}

function appendOutpatient(m: MaterialiseContext, st: OutpatientStore, order: IntList, out: ByteBuffer, room: number): void {
  const v = vocab();
  const dates = packDates(m.dates);
  const digit = ID_DIGIT.outpatient.charCodeAt(0);
  let dst = out.bytes;
  let at = out.length;
  for (let r = 0; r < order.n; r++) {
    if (at + room > dst.length) {
      out.length = at;
      out.reserve(room);
      dst = out.bytes;
    }
    const k = order.a[r]!;
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!);
    at = writeInstitutionalStart(dst, at, m, st, k, dates);
    at = money(dst, at, st.blood[k]!, COMMA);
    at = writeDxPrc(dst, at, st, k, v);
    at = money(dst, at, st.ded[k]!, COMMA);
    at = money(dst, at, st.coins[k]!, COMMA);
    const adm = st.admDx[k]!;
    if (adm >= 0) at = put(dst, at, v.dx, adm);
    dst[at++] = COMMA;
    at = writeLinesAndOrg(dst, at, m, st, k, v);
    at = money(dst, at, st.alowd[k]!, NEWLINE);
  }
  out.length = at;
}

function appendInpatient(m: MaterialiseContext, st: InpatientStore, order: IntList, out: ByteBuffer, room: number): void {
  const v = vocab();
  const dates = packDates(m.dates);
  const digit = ID_DIGIT.inpatient.charCodeAt(0);
  const { firstDay } = m;
  let dst = out.bytes;
  let at = out.length;
  for (let r = 0; r < order.n; r++) {
    if (at + room > dst.length) {
      out.length = at;
      out.reserve(room);
      dst = out.bytes;
    }
    const k = order.a[r]!;
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!);
    at = writeInstitutionalStart(dst, at, m, st, k, dates);
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
    at = writeLinesAndOrg(dst, at, m, st, k, v);
    at = money(dst, at, st.alowd[k]!, NEWLINE);
  }
  out.length = at;
}

function appendPde(m: MaterialiseContext, st: PdeStore, order: IntList, out: ByteBuffer, room: number): void {
  const v = vocab();
  const dates = packDates(m.dates);
  const digit = ID_DIGIT.pde.charCodeAt(0);
  const { registry, firstDay } = m;
  let dst = out.bytes;
  let at = out.length;
  for (let r = 0; r < order.n; r++) {
    if (at + room > dst.length) {
      out.length = at;
      out.reserve(room);
      dst = out.bytes;
    }
    const k = order.a[r]!;
    const drug = st.drug[k]!;
    at = writeHead(dst, at, m, st.bene[k]!, digit, st.seq[k]!);
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
    at = npiCell(dst, at, registry.npi(st.prescriber[k]!));
    at = put(dst, at, v.label, drug);
    dst[at++] = NEWLINE;
  }
  out.length = at;
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
