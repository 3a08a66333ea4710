// CMS's beneficiary records as an agency would ask for them: the SSN (the HICN's first nine digits, the
// wage earner's SSN), name, birth date and mailing address, one row per beneficiary of one year, the
// person behind each row held apart. Browser-safe.
import { ssnDigits } from '../../../attacks/join/identifier-join.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { cmsToIso } from '../../dates.ts';
import { tableOf } from '../../table/table.ts';
import { mapText, textColumnOf } from '../../table/text.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from '../world-view.ts';

export function medicareRecords(world: WorldView): Dataset {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const v = visible(benes, ['hicn', 'first_name', 'last_name', 'bene_birth_dt', 'mailing_street', 'mailing_city', 'mailing_state', 'mailing_zip'], beneficiaryRows(benes));
  const t = v.table;
  const as = (name: string) => textColumnOf(t, name);
  // each distinct HICN and birth date rewritten once
  const table = tableOf({
    ssn: mapText(as('hicn'), (h) => ssnDigits(h) || null),
    first_name: as('first_name'),
    last_name: as('last_name'),
    birth_date: mapText(as('bene_birth_dt'), (d) => (d ? cmsToIso(d) : null)),
    mailing_street: as('mailing_street'),
    mailing_city: as('mailing_city'),
    mailing_state: as('mailing_state'),
    mailing_zip: as('mailing_zip'),
  });
  return { table, truth: v.truth };
}
