-- The admin console's overview (issue 19) answers "is mail flowing?" for every mailbox of an account on each request:
-- counting logged emails (millions) or inbox rows per request would not do. Each event adds one to its hour's row
-- instead, where it happens: a notification taken in by the webhook, an email logged by the rules, a message the
-- worker finished (with its lag, notification received -> message processed, in fixed buckets, so a p95 is read from
-- the buckets). utc_hour counts hours since 1970-01-01 UTC. The rows go with their mailbox and age out after a while.
IF OBJECT_ID('dbo.mail_flow_hours', 'U') IS NULL
BEGIN
    CREATE TABLE dbo.mail_flow_hours (
        account_id UNIQUEIDENTIFIER NOT NULL,
        mailbox_id UNIQUEIDENTIFIER NOT NULL,
        utc_hour BIGINT NOT NULL,
        notifications BIGINT NOT NULL,
        emails_logged BIGINT NOT NULL,
        processed BIGINT NOT NULL,
        lag_1s BIGINT NOT NULL,
        lag_5s BIGINT NOT NULL,
        lag_15s BIGINT NOT NULL,
        lag_1m BIGINT NOT NULL,
        lag_5m BIGINT NOT NULL,
        lag_15m BIGINT NOT NULL,
        lag_1h BIGINT NOT NULL,
        lag_4h BIGINT NOT NULL,
        lag_more BIGINT NOT NULL,
        CONSTRAINT pk_mail_flow_hours PRIMARY KEY (account_id, mailbox_id, utc_hour)
    );
    -- Housekeeping trims by hour across accounts.
    CREATE INDEX ix_mail_flow_hours_hour ON dbo.mail_flow_hours (utc_hour);
END;

-- The overview counts an account's backlog and dead letters from the index alone, never reading the week of done rows.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_notification_inbox_account_status' AND object_id = OBJECT_ID('dbo.notification_inbox'))
    CREATE INDEX ix_notification_inbox_account_status ON dbo.notification_inbox (account_id, status, mailbox_id);

-- The overview reads an account's subscriptions without reading every account's.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_graph_subscriptions_account' AND object_id = OBJECT_ID('dbo.graph_subscriptions'))
    CREATE INDEX ix_graph_subscriptions_account ON dbo.graph_subscriptions (account_id, mailbox_id);
