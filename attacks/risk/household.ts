// Household (hierarchical) risk, as sdcMicro's measure_risk(hid = ...): once one member of a household
// is re-identified, the household's other members are found through it. Browser-safe.

/** Per-record household risk and its global figures. */
export interface HouseholdRisk {
  /** For each record, the risk of its household: 1 - prod over members m (1 - r_m). */
  readonly risk: Float64Array;
  /** Number of distinct households. */
  readonly households: number;
  /** Mean of the per-record household risk (sdcMicro hier_risk). */
  readonly globalRisk: number;
  /** Sum of the per-record household risk (sdcMicro hier_risk_ER). */
  readonly expectedReidentifications: number;
}

/**
 * Household risk: the probability that at least one member of a household is re-identified,
 * 1 - prod_{m in household} (1 - r_m), assuming members are re-identified independently with their
 * individual risks r_m (in [0, 1]); every member gets their household's value. Household ids are
 * compared as given (the number 1 and the string '1' are different households).
 */
export function householdRisk(individual: Float64Array, householdIds: ArrayLike<string | number>): HouseholdRisk {
  const n = individual.length;
  if (n === 0) throw new Error('householdRisk: no records');
  if (householdIds.length !== n) throw new Error(`householdRisk: ${householdIds.length} household ids for ${n} records`);
  const index = new Map<string | number, number>();
  const householdOf = new Int32Array(n);
  const survive: number[] = []; // per household: prod (1 - r_m)
  for (let i = 0; i < n; i++) {
    const r = individual[i]!;
    if (!(r >= 0 && r <= 1)) throw new Error(`householdRisk: individual risk ${r} of record ${i} is not in [0, 1]`);
    const id = householdIds[i];
    if (id === null || id === undefined || (typeof id === 'number' && Number.isNaN(id))) {
      throw new Error(`householdRisk: record ${i} has no household id`);
    }
    let h = index.get(id);
    if (h === undefined) {
      h = survive.length;
      index.set(id, h);
      survive.push(1);
    }
    survive[h]! *= 1 - r;
    householdOf[i] = h;
  }
  const risk = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = 1 - survive[householdOf[i]!]!;
    risk[i] = r;
    sum += r;
  }
  return { risk, households: survive.length, globalRisk: sum / n, expectedReidentifications: sum };
}
