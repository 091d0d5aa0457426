-- Mail ingestion: connected mailboxes, their Graph subscriptions, the durable inbox of change notifications the worker
-- drains, the jobs that keep subscriptions alive (renew, recreate, catch up), delta links per folder, and log intents.

IF OBJECT_ID('dbo.mailboxes') IS NULL
BEGIN
    CREATE TABLE dbo.mailboxes (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_mailboxes PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailboxes_accounts REFERENCES dbo.accounts (id),
        address NVARCHAR(320) NOT NULL,
        address_normalized NVARCHAR(320) NOT NULL,
        kind NVARCHAR(16) NOT NULL,
        display_name NVARCHAR(256) NULL,
        connected_at DATETIMEOFFSET NOT NULL,
        last_notification_at DATETIMEOFFSET NULL,
        last_error NVARCHAR(1000) NULL
    );
    CREATE UNIQUE INDEX ux_mailboxes_account_address ON dbo.mailboxes (account_id, address_normalized);
END;

-- client_state_hash is SHA-256 of the clientState; the clientState itself is never stored.
IF OBJECT_ID('dbo.graph_subscriptions') IS NULL
BEGIN
    CREATE TABLE dbo.graph_subscriptions (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_graph_subscriptions PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_graph_subscriptions_accounts REFERENCES dbo.accounts (id),
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_graph_subscriptions_mailboxes REFERENCES dbo.mailboxes (id),
        folder NVARCHAR(32) NOT NULL,
        graph_subscription_id NVARCHAR(64) NULL,
        client_state_hash NVARCHAR(64) NOT NULL,
        status NVARCHAR(16) NOT NULL,
        expires_at DATETIMEOFFSET NOT NULL,
        created_at DATETIMEOFFSET NOT NULL,
        renewed_at DATETIMEOFFSET NULL,
        lease_until DATETIMEOFFSET NULL
    );
    CREATE INDEX ix_graph_subscriptions_mailbox ON dbo.graph_subscriptions (mailbox_id, folder);
    CREATE INDEX ix_graph_subscriptions_graph_id ON dbo.graph_subscriptions (graph_subscription_id);
    CREATE INDEX ix_graph_subscriptions_expiry ON dbo.graph_subscriptions (status, expires_at);
END;

-- One row per (mailbox, message, change): Graph's duplicates and our own catch-ups land on the same row.
IF OBJECT_ID('dbo.notification_inbox') IS NULL
BEGIN
    CREATE TABLE dbo.notification_inbox (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_notification_inbox PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_notification_inbox_accounts REFERENCES dbo.accounts (id),
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_notification_inbox_mailboxes REFERENCES dbo.mailboxes (id),
        folder NVARCHAR(32) NOT NULL,
        message_id NVARCHAR(256) NOT NULL,
        change_type NVARCHAR(16) NOT NULL,
        received_at DATETIMEOFFSET NOT NULL,
        status NVARCHAR(16) NOT NULL,
        attempts INT NOT NULL,
        not_before DATETIMEOFFSET NOT NULL,
        lease_until DATETIMEOFFSET NULL,
        finished_at DATETIMEOFFSET NULL,
        finished_reason NVARCHAR(256) NULL,
        last_error NVARCHAR(1000) NULL
    );
    CREATE UNIQUE INDEX ux_notification_inbox_message ON dbo.notification_inbox (mailbox_id, message_id, change_type);
    CREATE INDEX ix_notification_inbox_due ON dbo.notification_inbox (status, not_before);
    CREATE INDEX ix_notification_inbox_mailbox_status ON dbo.notification_inbox (mailbox_id, status);
END;

IF OBJECT_ID('dbo.mailbox_jobs') IS NULL
BEGIN
    CREATE TABLE dbo.mailbox_jobs (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_mailbox_jobs PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailbox_jobs_accounts REFERENCES dbo.accounts (id),
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailbox_jobs_mailboxes REFERENCES dbo.mailboxes (id),
        folder NVARCHAR(32) NULL,
        kind NVARCHAR(16) NOT NULL,
        status NVARCHAR(16) NOT NULL,
        attempts INT NOT NULL,
        not_before DATETIMEOFFSET NOT NULL,
        lease_until DATETIMEOFFSET NULL,
        created_at DATETIMEOFFSET NOT NULL,
        finished_at DATETIMEOFFSET NULL,
        last_error NVARCHAR(1000) NULL
    );
    CREATE INDEX ix_mailbox_jobs_due ON dbo.mailbox_jobs (status, not_before);
END;

IF OBJECT_ID('dbo.delta_links') IS NULL
BEGIN
    CREATE TABLE dbo.delta_links (
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_delta_links_mailboxes REFERENCES dbo.mailboxes (id),
        folder NVARCHAR(32) NOT NULL,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_delta_links_accounts REFERENCES dbo.accounts (id),
        delta_link NVARCHAR(2000) NOT NULL,
        updated_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_delta_links PRIMARY KEY (mailbox_id, folder)
    );
END;

-- What the pane asked for an email it stamped with a tracking id: whether to log it and to which records.
IF OBJECT_ID('dbo.log_intents') IS NULL
BEGIN
    CREATE TABLE dbo.log_intents (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_log_intents_accounts REFERENCES dbo.accounts (id),
        tracking_id NVARCHAR(128) NOT NULL,
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_log_intents_users REFERENCES dbo.users (id),
        do_log BIT NOT NULL,
        record_ids NVARCHAR(MAX) NOT NULL,
        compose_type NVARCHAR(16) NULL,
        created_at DATETIMEOFFSET NOT NULL,
        updated_at DATETIMEOFFSET NOT NULL,
        expires_at DATETIMEOFFSET NOT NULL,
        email_id UNIQUEIDENTIFIER NULL,
        CONSTRAINT pk_log_intents PRIMARY KEY (account_id, tracking_id)
    );
END;
