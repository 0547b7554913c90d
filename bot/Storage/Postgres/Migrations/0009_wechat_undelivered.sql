-- WeChat messages no instance could deliver, for staff to follow up (bot/Hosting/WeChat/Postgres); the text sealed.
CREATE TABLE wechat_undelivered (
    id          text        PRIMARY KEY,
    open_id     text        NOT NULL,
    kind        text        NOT NULL,
    sealed_text text        NULL,
    err_code    integer     NOT NULL,
    reason      text        NOT NULL,
    at          timestamptz NOT NULL,
    resolved    boolean     NOT NULL
);
CREATE INDEX wechat_undelivered_at ON wechat_undelivered (at);
