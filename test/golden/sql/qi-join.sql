CREATE OR REPLACE TEMPORARY VIEW beneficiaries AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_parquet('world/beneficiaries.parquet');

CREATE OR REPLACE TEMPORARY VIEW voter_roll AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('voters.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

CREATE OR REPLACE TEMPORARY TABLE qi_left AS
SELECT row_number() OVER (ORDER BY row_ix) - 1 AS row_ix, CAST(person_id AS STRING) AS person, upper(trim(CAST(mailing_zip AS STRING))) AS k0, upper(trim(CAST(CASE WHEN CAST(bene_sex_ident_cd AS STRING) = '1' THEN 'M' WHEN CAST(bene_sex_ident_cd AS STRING) = '2' THEN 'F' ELSE NULL END AS STRING))) AS k1, upper(trim(CAST(CASE WHEN length(CAST(bene_birth_dt AS STRING)) = 8 THEN concat(substr(CAST(bene_birth_dt AS STRING), 1, 4), '-', substr(CAST(bene_birth_dt AS STRING), 5, 2), '-', substr(CAST(bene_birth_dt AS STRING), 7, 2)) ELSE CAST(bene_birth_dt AS STRING) END AS STRING))) AS k2
FROM beneficiaries
WHERE CAST(year AS BIGINT) = (SELECT min(CAST(year AS BIGINT)) FROM beneficiaries);

CREATE OR REPLACE TEMPORARY TABLE qi_right AS
SELECT row_number() OVER (ORDER BY row_ix) - 1 AS row_ix, CAST(truth_person_id AS STRING) AS person, upper(trim(CAST(zip AS STRING))) AS k0, upper(trim(CAST(sex AS STRING))) AS k1, upper(trim(CAST(birth_date AS STRING))) AS k2
FROM voter_roll;

CREATE OR REPLACE TEMPORARY TABLE qi_joined AS
WITH left_counts AS (SELECT k0, k1, k2, count(*) AS n_left FROM qi_left AS l WHERE (l.k0 IS NOT NULL) AND (l.k1 IS NOT NULL) AND (l.k2 IS NOT NULL) GROUP BY k0, k1, k2),
right_counts AS (SELECT k0, k1, k2, count(*) AS n_right, min(row_ix) AS right_row FROM qi_right AS r WHERE (r.k0 IS NOT NULL) AND (r.k1 IS NOT NULL) AND (r.k2 IS NOT NULL) GROUP BY k0, k1, k2)
SELECT l.row_ix AS left_row, l.person AS left_person, lc.n_left AS n_left, rc.n_right AS n_right, rc.right_row AS right_row
FROM qi_left AS l
JOIN left_counts AS lc ON (l.k0 = lc.k0) AND (l.k1 = lc.k1) AND (l.k2 = lc.k2)
LEFT JOIN right_counts AS rc ON (l.k0 = rc.k0) AND (l.k1 = rc.k1) AND (l.k2 = rc.k2);

SELECT
  (SELECT count(*) FROM qi_left) AS left_records,
  (SELECT count(*) FROM qi_right) AS right_records,
  (SELECT count(*) FROM qi_joined) AS left_with_key,
  (SELECT count(*) FROM qi_joined WHERE n_right IS NOT NULL) AS matched_any,
  (SELECT count(*) FROM qi_joined AS j WHERE j.n_right = 1 AND j.n_left = 1) AS linked,
  (SELECT count(*) FROM qi_joined AS j JOIN qi_right AS r ON r.row_ix = j.right_row WHERE j.n_right = 1 AND j.n_left = 1 AND j.left_person = r.person) AS correct,
  (SELECT sum(a.n * b.n) FROM (SELECT person, count(*) AS n FROM qi_left GROUP BY person) AS a JOIN (SELECT person, count(*) AS n FROM qi_right GROUP BY person) AS b ON a.person = b.person) AS true_pairs,
  (SELECT count(*) FROM qi_left AS l WHERE l.person IN (SELECT person FROM qi_right)) AS linkable;

SELECT j.left_row AS left_row, j.right_row AS right_row, CASE WHEN j.left_person = r.person THEN 1 ELSE 0 END AS correct
FROM qi_joined AS j JOIN qi_right AS r ON r.row_ix = j.right_row
WHERE j.n_right = 1 AND j.n_left = 1
ORDER BY left_row;
