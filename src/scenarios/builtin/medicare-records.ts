// CMS's beneficiary records as an agency would ask for them: the SSN (the HICN's first nine digits, the
// wage earner's SSN), name, birth date and mailing address, one row per beneficiary of one year, the
// person behind each row held apart. Browser-safe.
import { ssnDigits } from '../../../attacks/join/identifier-join.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { cmsToIso } from '../../dates.ts';
import { beneficiaryRows, needTable, tableFromColumns, visible, type WorldView } from '../world-view.ts';

export function medicareRecords(world: WorldView): Dataset {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const v = visible(benes, ['hicn', 'first_name', 'last_name', 'bene_birth_dt', 'mailing_street', 'mailing_city', 'mailing_state', 'mailing_zip'], beneficiaryRows(benes));
  const t = v.table;
  const table = tableFromColumns({
    ssn: t.hicn!.map((h) => (h === null ? null : ssnDigits(h) || null)),
    first_name: t.first_name!,
    last_name: t.last_name!,
    birth_date: t.bene_birth_dt!.map((d) => (d ? cmsToIso(d) : null)),
    mailing_street: t.mailing_street!,
    mailing_city: t.mailing_city!,
    mailing_state: t.mailing_state!,
    mailing_zip: t.mailing_zip!,
  });
  return { table, truth: v.truth };
}
