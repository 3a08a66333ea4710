// The HIPAA identifier kinds as data: which of the 18 Safe Harbor identifiers (45 CFR 164.514(b)(2))
// a kind of column is, and what Safe Harbor and the Limited Data Set (164.514(e)(2)) do with it.
// Browser-safe.

/** What a de-identification does with a column of one kind. */
export type Treatment =
  | 'remove'
  | 'keep'
  /** the first three ZIP digits where the area has more than 20,000 people, else 000 */
  | 'zip3'
  /** the year only */
  | 'year'
  /** the year only, and one category for everyone 90 or older */
  | 'birth-year'
  /** ages over 89 grouped as 90+ */
  | 'age-90';

export interface IdentifierKind {
  /** The Safe Harbor identifier this kind is (1-18), or null for none. */
  readonly hipaa: number | null;
  readonly description: string;
  readonly safeHarbor: Treatment;
  readonly limitedDataSet: Treatment;
}

/** Every kind a column can be. A user's own table maps each of its columns to one of these. */
export const IDENTIFIER_KINDS = {
  name: { hipaa: 1, description: 'names', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'street-address': { hipaa: 2, description: 'street address (postal address other than town, state and ZIP)', safeHarbor: 'remove', limitedDataSet: 'remove' },
  city: { hipaa: 2, description: 'city or town (geography smaller than a state)', safeHarbor: 'remove', limitedDataSet: 'keep' },
  county: { hipaa: 2, description: 'county (geography smaller than a state)', safeHarbor: 'remove', limitedDataSet: 'keep' },
  'other-geography': { hipaa: 2, description: 'other geography smaller than a state (precinct, geocode)', safeHarbor: 'remove', limitedDataSet: 'keep' },
  zip: { hipaa: 2, description: 'ZIP code', safeHarbor: 'zip3', limitedDataSet: 'keep' },
  'birth-date': { hipaa: 3, description: 'birth date', safeHarbor: 'birth-year', limitedDataSet: 'keep' },
  date: { hipaa: 3, description: 'date related to the person (admission, discharge, service, death, ...)', safeHarbor: 'year', limitedDataSet: 'keep' },
  age: { hipaa: 3, description: 'age in years', safeHarbor: 'age-90', limitedDataSet: 'keep' },
  phone: { hipaa: 4, description: 'telephone number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  fax: { hipaa: 5, description: 'fax number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  email: { hipaa: 6, description: 'email address', safeHarbor: 'remove', limitedDataSet: 'remove' },
  ssn: { hipaa: 7, description: 'Social Security number (or a tax id issued in its place)', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'medical-record-number': { hipaa: 8, description: 'medical record number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'health-plan-number': { hipaa: 9, description: 'health plan beneficiary number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'account-number': { hipaa: 10, description: 'account number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'certificate-license-number': { hipaa: 11, description: 'certificate or license number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'vehicle-id': { hipaa: 12, description: 'vehicle identifier or serial number, licence plate', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'device-id': { hipaa: 13, description: 'device identifier or serial number', safeHarbor: 'remove', limitedDataSet: 'remove' },
  url: { hipaa: 14, description: 'web address (URL)', safeHarbor: 'remove', limitedDataSet: 'remove' },
  'ip-address': { hipaa: 15, description: 'IP address', safeHarbor: 'remove', limitedDataSet: 'remove' },
  biometric: { hipaa: 16, description: 'biometric identifier (finger or voice print)', safeHarbor: 'remove', limitedDataSet: 'remove' },
  photo: { hipaa: 17, description: 'full-face photograph or comparable image', safeHarbor: 'remove', limitedDataSet: 'remove' },
  // The Limited Data Set's list of direct identifiers has no "other unique code": a pseudonymous id stays.
  'other-unique-id': { hipaa: 18, description: 'any other unique identifying number, characteristic or code', safeHarbor: 'remove', limitedDataSet: 'keep' },
  truth: { hipaa: null, description: 'ground truth of the synthetic world (never released)', safeHarbor: 'remove', limitedDataSet: 'remove' },
  none: { hipaa: null, description: 'not an identifier', safeHarbor: 'keep', limitedDataSet: 'keep' },
} as const satisfies Record<string, IdentifierKind>;

export type IdentifierKindName = keyof typeof IDENTIFIER_KINDS;

export function isIdentifierKind(name: string): name is IdentifierKindName {
  return Object.hasOwn(IDENTIFIER_KINDS, name);
}
