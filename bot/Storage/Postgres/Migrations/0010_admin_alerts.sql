-- Alerts for admins (bot/Alerts/Postgres): deleted after 90 days.
CREATE TABLE admin_alerts (
    id      text        PRIMARY KEY,
    at      timestamptz NOT NULL,
    kind    text        NOT NULL,
    message text        NOT NULL,
    until   timestamptz NULL
);
CREATE INDEX admin_alerts_at ON admin_alerts (at);
