// What an address request returned, scored against the truth: which listed people were found (the
// right person's record handed over), whether that record's address is where they live now, and whose
// records were handed over in error. Browser-safe.
import type { Links } from '../../../attacks/join/links.ts';
import { personRows } from '../harm.ts';
import type { Table } from '../../table/table.ts';
import { textReader } from '../../table/text.ts';

export interface AddressTally {
  /** Listed people with at least one record returned. */
  matchedAnyone: number;
  /** Listed people whose own record was returned, and their person ids. */
  foundRight: number;
  rightPeople: number[];
  /** Of those, the record's mailing street is the person's current street. */
  atCurrentAddress: number;
  /** Records returned that belong to someone other than the listed person, and who those are. */
  wrongRecords: number;
  wrongPeople: number[];
  /** Listed people who matched only someone else's record. */
  onlySomeoneElse: number;
  /** Records returned in all. */
  recordsReturned: number;
}

/** `links` pair list rows with record rows; `listTruth`/`recordTruth` are the person behind each row. */
export function addressTally(links: Links, listTruth: Int32Array, recordTruth: Int32Array, recordStreet: (row: number) => string | null, people: Table): AddressTally {
  const rows = personRows(people);
  const street = textReader(people, 'street');
  const matched = new Set<number>();
  const right = new Set<number>();
  const rightPeople: number[] = [];
  const wrongPeople: number[] = [];
  let atCurrentAddress = 0;
  for (let k = 0; k < links.left.length; k++) {
    const l = links.left[k]!;
    const r = links.right[k]!;
    matched.add(l);
    const sought = listTruth[l]!;
    const found = recordTruth[r]!;
    if (sought !== found) {
      wrongPeople.push(found);
      continue;
    }
    if (right.has(l)) continue;
    right.add(l);
    rightPeople.push(found);
    const current = street(rows.get(found)!);
    if (current && recordStreet(r) === current.toUpperCase()) atCurrentAddress++;
  }
  return {
    matchedAnyone: matched.size,
    foundRight: right.size,
    rightPeople,
    atCurrentAddress,
    wrongRecords: wrongPeople.length,
    wrongPeople,
    onlySomeoneElse: [...matched].filter((l) => !right.has(l)).length,
    recordsReturned: links.left.length,
  };
}
