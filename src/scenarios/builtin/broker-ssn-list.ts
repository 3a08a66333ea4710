// A named list that holds SSNs, as a data broker's "credit header" file has them: the broker file's
// people (name, address) with the SSN on their records, which for some is borrowed, shared or made up.
// With it, a recovered SSN becomes a name. Browser-safe.
import { brokerFile } from '../../../generators/adversary/broker-file.ts';
import type { AdversaryDataset } from '../../../generators/adversary/types.ts';
import { select, withColumn, type Table } from '../../table/table.ts';
import { personRows } from '../harm.ts';
import { textReader, textTable } from '../../table/text.ts';

export function brokerSsnList(people: Table, seed: number | string): AdversaryDataset {
  const broker = brokerFile(people, { seed });
  const rows = personRows(people);
  const recorded = textReader(people, 'ssn_recorded');
  return {
    name: 'broker_ssn_list',
    description: "A broker's file of adults with name, address and the SSN on their records (own, borrowed, shared or made up).",
    table: withColumn(select(broker.table, ['first_name', 'last_name', 'street']), 'ssn', textTable({ ssn: Array.from(broker.truth, (p) => recorded(rows.get(p)!)) }).columns.ssn!),
    truth: broker.truth,
  };
}
