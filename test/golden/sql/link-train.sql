SELECT count(*) AS pairs FROM (
SELECT 1 AS one
FROM records_l AS l JOIN records_r AS r ON (l.first_name = r.first_name) AND (l.last_name = r.last_name) AND (l.city = r.city)
UNION ALL
SELECT 1 AS one
FROM records_l AS l JOIN records_r AS r ON l.street = r.street
WHERE NOT COALESCE((l.first_name = r.first_name) AND (l.last_name = r.last_name) AND (l.city = r.city), FALSE)
) AS rule_pairs;

CREATE OR REPLACE TEMPORARY VIEW u_pairs AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('u-pairs.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM (
  SELECT CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
    CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
    CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
    CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
  FROM u_pairs AS s JOIN records_l AS l ON l.row_ix = CAST(s.left_row AS BIGINT)
  JOIN records_r AS r ON r.row_ix = CAST(s.right_row AS BIGINT)
) AS p GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM (
  SELECT CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
    CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
    CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
    CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
  FROM records_l AS l JOIN records_r AS r ON (l.last_name = r.last_name) AND (l.zip = r.zip)
) AS p GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;

SELECT count(*) AS records, count(first_name) AS present_0, count(last_name) AS present_1, count(street) AS present_2, count(zip) AS present_3 FROM records_l;
