-- The dashboard's daily tallies (bot/Operations/Postgres): added to by every instance, never set.
CREATE TABLE daily_counts (
    id     text   PRIMARY KEY,
    day    text   NOT NULL,
    county text   NOT NULL,
    kind   text   NOT NULL,
    topic  text   NOT NULL,
    count  bigint NOT NULL
);
CREATE INDEX daily_counts_day ON daily_counts (day);
