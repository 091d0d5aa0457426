-- The admin console's overview (issue 19) answers "is mail flowing?" for every mailbox of an account on each request:
-- counting logged emails (millions) or inbox rows per request would not do. Each event adds one to its hour's row
-- instead, where it happens: a notification taken in by the webhook, an email logged by the rules, a message the
-- worker finished (with its lag, notification received -> message processed, in fixed buckets, so a p95 is read from
-- the buckets). utc_hour counts hours since 1970-01-01 UTC. The rows go with their mailbox and age out after a while.
CREATE TABLE mail_flow_hours (
    account_id TEXT NOT NULL,
    mailbox_id TEXT NOT NULL,
    utc_hour INTEGER NOT NULL,
    notifications INTEGER NOT NULL,
    emails_logged INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    lag_1s INTEGER NOT NULL,
    lag_5s INTEGER NOT NULL,
    lag_15s INTEGER NOT NULL,
    lag_1m INTEGER NOT NULL,
    lag_5m INTEGER NOT NULL,
    lag_15m INTEGER NOT NULL,
    lag_1h INTEGER NOT NULL,
    lag_4h INTEGER NOT NULL,
    lag_more INTEGER NOT NULL,
    PRIMARY KEY (account_id, mailbox_id, utc_hour)
);

-- Housekeeping trims by hour across accounts.
CREATE INDEX ix_mail_flow_hours_hour ON mail_flow_hours (utc_hour);

-- The overview counts an account's backlog and dead letters from the index alone, never reading the week of done rows.
CREATE INDEX ix_notification_inbox_account_status ON notification_inbox (account_id, status, mailbox_id);

-- The overview reads an account's subscriptions without reading every account's.
CREATE INDEX ix_graph_subscriptions_account ON graph_subscriptions (account_id, mailbox_id);
