// The baseline a user would otherwise write: faker called once per field per row, for the same
// people columns reident writes, formatted through the same CSV writer.
import { faker } from '@faker-js/faker';
import { PEOPLE_SCHEMA } from '../generators/population/people-table.ts';
import { chunkOf, type Cell, type TableChunk } from '../src/table/schema.ts';

const STATUSES = ['citizen_by_birth', 'naturalized', 'lawful_permanent_resident', 'other_lawfully_present', 'undocumented'];
const RACES = ['white', 'black', 'hispanic', 'asian_pi', 'aian', 'multi_other'];
const ERRORS = ['none', 'mistyped', 'family_shared', 'borrowed', 'fabricated'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ssn = () => `${faker.string.numeric(3)}-${faker.string.numeric(2)}-${faker.string.numeric(4)}`;

export function fakerPeopleChunk(start: number, n: number, seed: number): TableChunk {
  faker.seed(seed + start);
  const cols: Record<string, Cell[]> = Object.fromEntries(PEOPLE_SCHEMA.columns.map((c) => [c.name, []]));
  const put = (name: string, v: Cell) => cols[name].push(v);
  for (let i = 0; i < n; i++) {
    const sex = faker.person.sexType();
    const birth = faker.date.birthdate();
    const moved = faker.datatype.boolean({ probability: 0.085 });
    put('person_id', start + i);
    put('household_id', faker.number.int({ min: 0, max: start + i }));
    put('first_name', faker.person.firstName(sex));
    put('middle_initial', faker.string.alpha({ casing: 'upper' }));
    put('last_name', faker.person.lastName());
    put('sex', sex === 'female' ? 'F' : 'M');
    put('birth_date', iso(birth));
    put('age', faker.number.int({ min: 0, max: 100 }));
    put('ssn', ssn());
    put('itin', faker.helpers.maybe(ssn, { probability: 0.01 }) ?? null);
    put('ssn_recorded', ssn());
    put('ssn_error', faker.helpers.arrayElement(ERRORS));
    put('ssn_source_person_id', faker.helpers.maybe(() => faker.number.int(1e6), { probability: 0.01 }) ?? null);
    put('street', faker.location.streetAddress());
    put('city', faker.location.city());
    put('state', faker.location.state({ abbreviated: true }));
    put('zip', faker.location.zipCode('#####'));
    put('county', faker.string.numeric(5));
    put('prev_street', moved ? faker.location.streetAddress() : null);
    put('prev_city', moved ? faker.location.city() : null);
    put('prev_state', moved ? faker.location.state({ abbreviated: true }) : null);
    put('prev_zip', moved ? faker.location.zipCode('#####') : null);
    put('move_date', moved ? iso(faker.date.past()) : null);
    put('race_ethnicity', faker.helpers.arrayElement(RACES));
    put('immigration_status', faker.helpers.arrayElement(STATUSES));
    put('admission_year', faker.helpers.maybe(() => faker.number.int({ min: 1950, max: 2019 }), { probability: 0.14 }) ?? null);
    put('work_quarters', faker.number.int({ min: 0, max: 160 }));
    put('disabled', faker.datatype.boolean({ probability: 0.03 }) ? 1 : 0);
    put('disability_onset', faker.helpers.maybe(() => iso(faker.date.past({ years: 10 })), { probability: 0.03 }) ?? null);
    put('esrd', faker.datatype.boolean({ probability: 0.002 }) ? 1 : 0);
    put('esrd_onset', faker.helpers.maybe(() => iso(faker.date.past({ years: 5 })), { probability: 0.002 }) ?? null);
    put('death_date', faker.helpers.maybe(() => iso(faker.date.recent({ days: 180 })), { probability: 0.005 }) ?? null);
    put('spouse_person_id', faker.helpers.maybe(() => faker.number.int(1e6), { probability: 0.2 }) ?? null);
  }
  return chunkOf(PEOPLE_SCHEMA, n, cols);
}
