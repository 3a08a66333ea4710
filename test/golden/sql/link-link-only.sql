CREATE OR REPLACE TEMPORARY VIEW input_l AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('voters.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

CREATE OR REPLACE TEMPORARY VIEW input_r AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('extract.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

CREATE OR REPLACE TEMPORARY VIEW records_l AS SELECT row_ix, CAST(last_name AS STRING) AS last_name, CAST(zip AS STRING) AS zip, CAST(first_name AS STRING) AS first_name, CAST(street AS STRING) AS street FROM input_l;

CREATE OR REPLACE TEMPORARY VIEW records_r AS SELECT row_ix, CAST(last_name AS STRING) AS last_name, CAST(zip AS STRING) AS zip, CAST(first_name AS STRING) AS first_name, CAST(street AS STRING) AS street FROM input_r;

CREATE OR REPLACE TEMPORARY TABLE scored_candidates AS
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 0 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_r AS r ON (l.last_name = r.last_name) AND (l.zip = r.zip)
UNION ALL
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 1 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_r AS r ON (l.first_name = r.first_name) AND (l.zip = r.zip)
WHERE NOT COALESCE((l.last_name = r.last_name) AND (l.zip = r.zip), FALSE)
UNION ALL
SELECT l.row_ix AS left_row, r.row_ix AS right_row, 2 AS blocking_rule,
  CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
  CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
  CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
  CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
FROM records_l AS l JOIN records_r AS r ON l.street = r.street
WHERE NOT COALESCE(((l.last_name = r.last_name) AND (l.zip = r.zip)) OR ((l.first_name = r.first_name) AND (l.zip = r.zip)), FALSE);

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM scored_candidates GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;

SELECT p.left_row AS left_row, p.right_row AS right_row, w.match_weight AS match_weight, w.match_probability AS match_probability, p.gamma_first_name AS gamma_first_name, p.gamma_last_name AS gamma_last_name, p.gamma_street AS gamma_street, p.gamma_zip AS gamma_zip
FROM scored_candidates AS p JOIN (VALUES (2, 2, 2, 1, CAST('15.386815136355665' AS DOUBLE), CAST('0.9999766602086241' AS DOUBLE)), (0, 0, 0, 0, CAST('-27.165341704187576' AS DOUBLE), CAST('6.643811494763913e-9' AS DOUBLE)), (-1, 1, 2, 0, CAST('-4.807210645339559' AS DOUBLE), CAST('0.03448608831197495' AS DOUBLE))) AS w(gamma_first_name, gamma_last_name, gamma_street, gamma_zip, match_weight, match_probability)
ON (p.gamma_first_name = w.gamma_first_name) AND (p.gamma_last_name = w.gamma_last_name) AND (p.gamma_street = w.gamma_street) AND (p.gamma_zip = w.gamma_zip)
WHERE w.match_probability >= CAST('0.5' AS DOUBLE)
ORDER BY left_row, right_row;

SELECT count(*) AS links
FROM scored_candidates AS p JOIN (VALUES (2, 2, 2, 1, CAST('15.386815136355665' AS DOUBLE), CAST('0.9999766602086241' AS DOUBLE)), (0, 0, 0, 0, CAST('-27.165341704187576' AS DOUBLE), CAST('6.643811494763913e-9' AS DOUBLE)), (-1, 1, 2, 0, CAST('-4.807210645339559' AS DOUBLE), CAST('0.03448608831197495' AS DOUBLE))) AS w(gamma_first_name, gamma_last_name, gamma_street, gamma_zip, match_weight, match_probability)
ON (p.gamma_first_name = w.gamma_first_name) AND (p.gamma_last_name = w.gamma_last_name) AND (p.gamma_street = w.gamma_street) AND (p.gamma_zip = w.gamma_zip)
WHERE w.match_probability >= CAST('0.5' AS DOUBLE);

SELECT p.left_row AS left_row, p.right_row AS right_row
FROM scored_candidates AS p JOIN (VALUES (2, 2, 2, 1, CAST('15.386815136355665' AS DOUBLE), CAST('0.9999766602086241' AS DOUBLE)), (0, 0, 0, 0, CAST('-27.165341704187576' AS DOUBLE), CAST('6.643811494763913e-9' AS DOUBLE)), (-1, 1, 2, 0, CAST('-4.807210645339559' AS DOUBLE), CAST('0.03448608831197495' AS DOUBLE))) AS w(gamma_first_name, gamma_last_name, gamma_street, gamma_zip, match_weight, match_probability)
ON (p.gamma_first_name = w.gamma_first_name) AND (p.gamma_last_name = w.gamma_last_name) AND (p.gamma_street = w.gamma_street) AND (p.gamma_zip = w.gamma_zip)
WHERE w.match_probability >= CAST('0.5' AS DOUBLE)
ORDER BY left_row, right_row;
