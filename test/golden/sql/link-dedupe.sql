CREATE OR REPLACE TEMPORARY VIEW input_l AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_parquet('people.parquet');

CREATE OR REPLACE TEMPORARY VIEW records_l AS SELECT row_ix, CAST(last_name AS STRING) AS last_name, CAST(zip AS STRING) AS zip, CAST(first_name AS STRING) AS first_name, CAST(street AS STRING) AS street FROM input_l;

CREATE OR REPLACE TEMPORARY TABLE scored_candidates AS
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 0 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_l AS r ON (l.last_name = r.last_name) AND (l.zip = r.zip)
WHERE l.row_ix < r.row_ix
UNION ALL
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 1 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_l AS r ON (l.first_name = r.first_name) AND (l.zip = r.zip)
WHERE (l.row_ix < r.row_ix) AND (NOT COALESCE((l.last_name = r.last_name) AND (l.zip = r.zip), FALSE))
UNION ALL
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 2 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_l AS r ON l.street = r.street
WHERE (l.row_ix < r.row_ix) AND (NOT COALESCE(((l.last_name = r.last_name) AND (l.zip = r.zip)) OR ((l.first_name = r.first_name) AND (l.zip = r.zip)), FALSE));

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM scored_candidates GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;
