-- Spoken turns: whether the user interrupted the agent (the text is then what was heard), and the
-- latencies of the turn in milliseconds (null where they do not apply, as for text turns).
alter table turns add column interrupted boolean not null default false;
alter table turns add column stt_latency_ms bigint;
alter table turns add column llm_first_token_ms bigint;
alter table turns add column tts_first_byte_ms bigint;
alter table turns add column user_to_bot_ms bigint;
