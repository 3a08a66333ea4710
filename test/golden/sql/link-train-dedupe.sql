CREATE OR REPLACE TEMPORARY VIEW u_records AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('u-records.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM (
  SELECT CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
    CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
    CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
    CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
  FROM (SELECT x.* FROM u_records AS s JOIN records_l AS x ON x.row_ix = CAST(s.sample_row AS BIGINT) WHERE s.side = 'l') AS l
  CROSS JOIN (SELECT x.* FROM u_records AS s JOIN records_l AS x ON x.row_ix = CAST(s.sample_row AS BIGINT) WHERE s.side = 'l') AS r
  WHERE l.row_ix < r.row_ix
) AS p GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;

SELECT gamma_first_name, gamma_last_name, gamma_street, gamma_zip, count(*) AS pairs FROM (
  SELECT CASE WHEN l.first_name IS NULL OR r.first_name IS NULL THEN -1 WHEN l.first_name = r.first_name THEN 2 WHEN jaro_winkler_similarity(l.first_name, r.first_name) >= CAST('0.88' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_first_name,
    CASE WHEN l.last_name IS NULL OR r.last_name IS NULL THEN -1 WHEN l.last_name = r.last_name THEN 2 WHEN jaro_winkler_similarity(l.last_name, r.last_name) >= CAST('0.9' AS DOUBLE) THEN 1 ELSE 0 END AS gamma_last_name,
    CASE WHEN l.street IS NULL OR r.street IS NULL THEN -1 WHEN l.street = r.street THEN 2 WHEN levenshtein(l.street, r.street) <= 2 THEN 1 ELSE 0 END AS gamma_street,
    CASE WHEN l.zip IS NULL OR r.zip IS NULL THEN -1 WHEN l.zip = r.zip THEN 1 ELSE 0 END AS gamma_zip
  FROM records_l AS l JOIN records_l AS r ON l.zip = r.zip
  WHERE l.row_ix < r.row_ix
) AS p GROUP BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip ORDER BY gamma_first_name, gamma_last_name, gamma_street, gamma_zip;
