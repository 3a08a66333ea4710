CREATE OR REPLACE TEMPORARY VIEW sample AS SELECT row_number() OVER () - 1 AS row_ix, * FROM read_csv('data/extract.csv', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"');

SELECT class_size, count(*) AS classes
FROM (SELECT count(*) AS class_size FROM sample GROUP BY zip, sex, birth_date) AS c
GROUP BY class_size
ORDER BY class_size;
