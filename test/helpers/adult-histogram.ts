// ARX's adult data set as its TestRiskMetrics sees it: the class-size histogram on all nine columns.
// Derived (not copied) from arx-deidentifier/arx data/adult.csv (commit aacd487fb): 30,162 records,
// ';'-separated, header sex;age;race;marital-status;education;native-country;workclass;occupation;
// salary-class. ARX's test makes every column with a data/adult_hierarchy_<name>.csv a quasi-identifier,
// which is all nine. The file holds no '?' or empty values, so no missing-value rule is involved: each
// distinct row is one class. Counted with a one-off script: rows grouped by their full text, then
// classes counted by size. Checks: 30,162 records, 19,502 classes, 15,512 of size 1 (ARX's f = 1
// value 0.5142895033485844 = 15512 / 30162).
import type { SizeHistogram } from '../../attacks/risk/uniqueness/index.ts';

/** [class size, number of classes of that size]. */
export const ADULT_NINE_QI_HISTOGRAM: readonly (readonly [number, number])[] = [
  [1, 15512], [2, 2098], [3, 754], [4, 375], [5, 189], [6, 155], [7, 97], [8, 73], [9, 39], [10, 37],
  [11, 29], [12, 18], [13, 23], [14, 14], [15, 15], [16, 9], [17, 11], [18, 10], [19, 10], [20, 5],
  [21, 3], [22, 4], [23, 3], [24, 2], [25, 1], [26, 3], [27, 5], [29, 1], [30, 2], [32, 1], [34, 1],
  [35, 1], [36, 1], [45, 1],
];

export function adultHistogram(): SizeHistogram {
  return {
    sizes: Int32Array.from(ADULT_NINE_QI_HISTOGRAM, (p) => p[0]),
    sizeCounts: Float64Array.from(ADULT_NINE_QI_HISTOGRAM, (p) => p[1]),
  };
}
