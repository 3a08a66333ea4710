// Street addresses: each ZCTA has a pool of streets drawn from faker's US street vocabulary;
// a household picks a street (some streets are busier), a house number and sometimes a unit.
import { fakerEN_US } from '@faker-js/faker';
import { geography, surnames } from '../calibration/tables.ts';
import { aliasPick, aliasTable } from '../../src/random/alias.ts';
import { below, indexHash, mix32, uniform, uniformAt } from '../../src/random/prng.ts';

const SUFFIXES = ['Street', 'Avenue', 'Road', 'Drive', 'Lane', 'Court', 'Way', 'Place', 'Boulevard', 'Circle', 'Terrace', 'Trail'];
const SUFFIX_WEIGHTS = [26, 13, 13, 13, 8, 6, 5, 5, 3, 3, 2, 3];

const LN10 = Math.log(10);
let vocabulary: string[] | null = null;

/** Street names: faker's street names, then surname- and first-name-based streets with weighted suffixes. */
export function streetVocabulary(): readonly string[] {
  if (vocabulary) return vocabulary;
  const loc = fakerEN_US.rawDefinitions.location!;
  const person = fakerEN_US.rawDefinitions.person!;
  const firsts = (person.first_name as { generic?: string[]; male?: string[] }).generic ?? (person.first_name as { male: string[] }).male;
  const fakerSuffixes = loc.street_suffix as string[];
  const suffixAlias = aliasTable([...SUFFIX_WEIGHTS, 8]);
  const out = [...(loc.street_name as string[])];
  const bases = [...surnames.name.slice(0, 1500).map((s) => s[0] + s.slice(1).toLowerCase()), ...firsts.slice(0, 500)];
  bases.forEach((base, i) => {
    const k = aliasPick(suffixAlias, uniform(0x5eed, i, 0), uniform(0x5eed, i, 1));
    const suffix = k < SUFFIXES.length ? SUFFIXES[k] : fakerSuffixes[below(0x5eed, i, 2, fakerSuffixes.length)];
    out.push(`${base} ${suffix}`);
  });
  vocabulary = out;
  return out;
}

/** Draws an address in ZCTA z into row i of the columns (draws k..k+4 of `key` at `index`). */
export function drawAddress(
  key: number,
  index: number,
  k: number,
  z: number,
  i: number,
  streetCode: Int32Array,
  number: Int32Array,
  unit: Int32Array,
  county: Int32Array | null,
): void {
  const vocabSize = (vocabulary ?? streetVocabulary()).length;
  const pool = Math.max(4, Math.round(geography.zctas.housingUnits[z] / 40));
  // Draws k..k+4 of one index share the index half of the hash (same values as uniform(key, index, k + d)).
  const base = indexHash(key, index);
  const u = uniformAt(key, base, k);
  const j = Math.floor(pool * u * u); // a few busy streets, many quiet ones
  streetCode[i] = mix32(z * 7919 + j) % vocabSize;
  number[i] = 1 + Math.floor(Math.exp(LN10 * (0.5 + 3.5 * uniformAt(key, base, k + 1)))); // log-uniform 3..9999
  unit[i] = uniformAt(key, base, k + 2) < 0.16 ? 1 + Math.floor(uniformAt(key, base, k + 3) * 240) : 0;
  if (county) county[i] = countyOf(z, key, base, k + 4);
}

/** The county of an address in ZCTA z, drawn by population over the ZCTA's county parts (draw k). */
function countyOf(z: number, key: number, base: number, k: number): number {
  const { countyStart } = geography.zctas;
  const { geoid, pop } = geography.countyParts;
  const a = countyStart[z];
  const b = countyStart[z + 1];
  if (b - a === 1) return geoid[a]; // one county part: the draw could only pick it
  const u = uniformAt(key, base, k);
  let total = 0;
  for (let i = a; i < b; i++) total += pop[i];
  let x = u * total;
  for (let i = a; i < b; i++) {
    x -= pop[i];
    if (x < 0) return geoid[i];
  }
  return geoid[b - 1];
}

export function streetText(streetCode: number, number: number, unit: number): string {
  const s = `${number} ${streetVocabulary()[streetCode]}`;
  return unit > 0 ? `${s} Apt ${unit}` : s;
}
