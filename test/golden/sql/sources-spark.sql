CREATE OR REPLACE TEMPORARY VIEW sample_file USING csv OPTIONS (path 'data/extract.csv', header 'true', sep ',', inferSchema 'false');
CREATE OR REPLACE TEMPORARY VIEW sample AS SELECT row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS row_ix, * FROM sample_file;

CREATE OR REPLACE TEMPORARY VIEW population_file USING parquet OPTIONS (path 'out/people');
CREATE OR REPLACE TEMPORARY VIEW population AS SELECT row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS row_ix, * FROM population_file;
