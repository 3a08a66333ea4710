// What the browser test checks in each built notebook: the key figures that must appear, the control it
// moves and the figure that must change when it does.
export interface ControlMove {
  /** The Inputs label of the control. */
  readonly label: string;
  /** A range (slider) set to a number, or a select set to an option's text. */
  readonly kind: 'range' | 'select';
  readonly value: string;
}

export interface NotebookCheck {
  readonly file: string;
  readonly title: string;
  /** `data-figure` names of the key figures that must appear with a value. */
  readonly figures: readonly string[];
  /** Text that must appear on the page (a published figure, a heading). */
  readonly texts: readonly string[];
  readonly move: ControlMove;
  /** The key figure whose value must change after the move. */
  readonly changes: string;
  /** Figures the page computes itself that must equal the count the core states in a sentence (the nth match). */
  readonly agree?: readonly { readonly figure: string; readonly sentence: RegExp; readonly nth: number }[];
}

export const NOTEBOOK_CHECKS: readonly NotebookCheck[] = [
  {
    file: '1-demographics.html',
    title: 'Simple demographics identify people',
    figures: ['unique-zip-sex-dob', 'unique-county', 'unique-zip-month', 'at-most-k'],
    texts: ['Sweeney 87%, Golle 63.3%', 'Golle 4.2%', 'What a data holder should take from this'],
    move: { label: 'group size at most k', kind: 'range', value: '5' },
    changes: 'at-most-k',
  },
  {
    file: '2-ssn-medicare.html',
    title: 'Matching SSNs against Medicare',
    figures: ['reidentified', 'wrongly-named', 'not-in-medicare'],
    texts: ['What a data holder should take from this', 'HMAC, key kept by CMS'],
    move: { label: 'world and list seed', kind: 'select', value: '2' },
    changes: 'reidentified',
  },
  {
    file: '3-hashing.html',
    title: 'Hashing is not anonymisation',
    figures: ['inverted', 'reidentified', 'speed', 'whole-space', 'hmac-inverted'],
    texts: ['Why the keyed HMAC differs', 'HMAC-SHA-256 under the holder', 'What a data holder should take from this'],
    move: { label: 'SSN areas enumerated', kind: 'select', value: '1 area (999)' },
    changes: 'inverted',
  },
  {
    file: '5-four-visits.html',
    title: 'Four visits are enough',
    figures: ['reidentified', 'singled-out-1'],
    texts: ['De Montjoye', 'date shift', 'What a data holder should take from this'],
    move: { label: 'points the adversary knows', kind: 'range', value: '1' },
    changes: 'reidentified',
  },
  {
    file: '6-choosing-a-safeguard.html',
    title: 'Choosing a safeguard',
    figures: ['risk-none', 'risk-k', 'lost-k', 'lost-dp'],
    texts: ['The risk-utility frontier', 'Safe Harbor', 'What a data holder should take from this'],
    move: { label: 'k (k-anonymity)', kind: 'range', value: '30' },
    changes: 'risk-k',
  },
  {
    file: '7-synthetic-data.html',
    title: 'Is my synthetic data private?',
    figures: ['so-rate-real', 'so-rate-dp', 'so-risk-dp', 'inference-risk-dp'],
    texts: ['singling out', 'linkability', 'What a data holder should take from this'],
    move: { label: 'ε of the DP synthesizer', kind: 'select', value: '10' },
    changes: 'so-rate-dp',
  },
  {
    file: '4-k-anonymity.html',
    title: 'k-anonymity and its limits',
    figures: ['released', 'homogeneous', 'certain-yes', 'background', 'guess-right', 'residual', 'residual-background', 'l-diverse'],
    texts: ['The homogeneity attack', 'l-diversity, and its own limit', 'What a data holder should take from this'],
    move: { label: 'k', kind: 'range', value: '10' },
    changes: 'released',
    // The page's arquero counts against the core's inference attack (src/scenarios/inference.ts).
    agree: [
      { figure: 'homogeneous', sentence: /([\d,]+) people sit in classes where everyone shares the value/g, nth: 0 },
      { figure: 'background', sentence: /([\d,]+) people sit in classes where everyone shares the value/g, nth: 1 },
    ],
  },
];
