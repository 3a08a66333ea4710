CREATE OR REPLACE TEMPORARY VIEW sample AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('data/extract.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

CREATE OR REPLACE TEMPORARY VIEW population AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_parquet('out/people/state=*/*.parquet', hive_partitioning = true);

SELECT class_size, count(*) AS classes
FROM (SELECT count(*) AS class_size FROM sample GROUP BY zip, sex, birth_date) AS c
GROUP BY class_size
ORDER BY class_size;

SELECT class_size, count(*) AS classes
FROM (SELECT count(*) AS class_size FROM population GROUP BY zip, sex, birth_date) AS c
GROUP BY class_size
ORDER BY class_size;

SELECT s.class_size AS class_size, COALESCE(p.population_size, 0) AS population_size, count(*) AS classes
FROM (SELECT CAST(zip AS STRING) AS q0, CAST(sex AS STRING) AS q1, CAST(birth_date AS STRING) AS q2, count(*) AS class_size FROM sample GROUP BY CAST(zip AS STRING), CAST(sex AS STRING), CAST(birth_date AS STRING)) AS s
LEFT JOIN (SELECT CAST(zip AS STRING) AS q0, CAST(sex AS STRING) AS q1, CAST(birth_date AS STRING) AS q2, count(*) AS population_size FROM population GROUP BY CAST(zip AS STRING), CAST(sex AS STRING), CAST(birth_date AS STRING)) AS p
ON s.q0 IS NOT DISTINCT FROM p.q0 AND s.q1 IS NOT DISTINCT FROM p.q1 AND s.q2 IS NOT DISTINCT FROM p.q2
GROUP BY s.class_size, COALESCE(p.population_size, 0)
ORDER BY class_size, population_size;
