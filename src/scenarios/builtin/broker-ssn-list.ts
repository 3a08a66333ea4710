// A named list that holds SSNs, as a data broker's "credit header" file has them: the broker file's
// people (name, address) with the SSN on their records, which for some is borrowed, shared or made up.
// With it, a recovered SSN becomes a name. Browser-safe.
import { brokerFile } from '../../../generators/adversary/broker-file.ts';
import type { AdversaryDataset, WorldPeople } from '../../../generators/adversary/types.ts';
import { personRows } from '../harm.ts';

export function brokerSsnList(people: WorldPeople, seed: number | string): AdversaryDataset {
  const broker = brokerFile(people, { seed });
  const rows = personRows(people);
  const recorded = people.column('ssn_recorded');
  return {
    name: 'broker_ssn_list',
    description: "A broker's file of adults with name, address and the SSN on their records (own, borrowed, shared or made up).",
    table: { first_name: broker.table.first_name!, last_name: broker.table.last_name!, street: broker.table.street!, ssn: Array.from(broker.truth, (p) => recorded[rows.get(p)!] ?? null) },
    truth: broker.truth,
  };
}
