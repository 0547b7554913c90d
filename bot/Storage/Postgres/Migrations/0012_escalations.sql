-- Hand-offs to a person (bot/Escalation/Postgres): each escalation and each transcript line as one JSON document, with
-- what is searched beside it as columns; the crisis check's reviews, the alerts sent to staff phones and staff's WeCom
-- members (bot/Safety/Postgres, bot/OnCall/Postgres, bot/StaffPhone/Postgres). Ids are 24 hex digits (RecordIds), the
-- LiteDB ObjectIds as text after `records copy`.
CREATE TABLE escalations (
    id                    text        PRIMARY KEY,
    conversation_key      text        NOT NULL,
    channel_id            text        NOT NULL,
    user_id               text        NOT NULL,
    status                text        NOT NULL,
    created_at            timestamptz NOT NULL,
    resolved_at           timestamptz NULL,
    transcript_deleted_at timestamptz NULL,
    doc                   jsonb       NOT NULL
);
-- At most one open escalation per conversation, whichever instance opens it.
CREATE UNIQUE INDEX escalations_one_open ON escalations (conversation_key) WHERE status <> 'Resolved';
CREATE INDEX escalations_status ON escalations (status);
CREATE INDEX escalations_user ON escalations (user_id, channel_id);

-- Transcript lines: only ever inserted (and deleted with the transcript by the retention sweep). `seq` keeps the order
-- of lines written at one instant.
CREATE TABLE escalation_entries (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            text        NOT NULL UNIQUE,
    escalation_id text        NOT NULL,
    at            timestamptz NOT NULL,
    doc           jsonb       NOT NULL
);
CREATE INDEX escalation_entries_escalation ON escalation_entries (escalation_id, at, seq);
CREATE FUNCTION escalation_entries_only_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'transcript lines are never changed (escalation_entries is append-only)';
END $$;
CREATE TRIGGER escalation_entries_no_update BEFORE UPDATE ON escalation_entries
    FOR EACH ROW EXECUTE FUNCTION escalation_entries_only_inserted();

CREATE TABLE crisis_reviews (
    id  text        PRIMARY KEY,
    at  timestamptz NOT NULL,
    doc jsonb       NOT NULL
);
CREATE INDEX crisis_reviews_at ON crisis_reviews (at);

CREATE TABLE escalation_alerts (
    id            text        PRIMARY KEY,
    escalation_id text        NOT NULL,
    ticket_number text        NULL,
    task_id       text        NOT NULL,
    step          integer     NOT NULL,
    acknowledged  boolean     NOT NULL,
    sent_at       timestamptz NOT NULL,
    doc           jsonb       NOT NULL
);
CREATE INDEX escalation_alerts_escalation ON escalation_alerts (escalation_id);
CREATE INDEX escalation_alerts_task ON escalation_alerts (task_id);
CREATE INDEX escalation_alerts_ticket ON escalation_alerts (ticket_number);

CREATE TABLE staff_wecom (
    id            integer PRIMARY KEY,
    wecom_user_id text    NOT NULL,
    doc           jsonb   NOT NULL
);
CREATE INDEX staff_wecom_user ON staff_wecom (wecom_user_id);
