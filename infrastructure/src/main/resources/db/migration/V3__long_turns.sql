-- Turns hold whole answers, however long (parley.llm.max-answer-chars bounds what a model adds).
-- varchar(n) to text is binary-compatible in Postgres: no table rewrite.
alter table turns alter column text type text;
