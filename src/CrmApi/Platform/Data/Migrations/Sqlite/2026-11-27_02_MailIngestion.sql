-- Mail ingestion: connected mailboxes, their Graph subscriptions, the durable inbox of change notifications the worker
-- drains, the jobs that keep subscriptions alive (renew, recreate, catch up), delta links per folder, and log intents.

CREATE TABLE mailboxes (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    address TEXT NOT NULL,
    address_normalized TEXT NOT NULL,
    kind TEXT NOT NULL,
    display_name TEXT NULL,
    connected_at TEXT NOT NULL,
    last_notification_at TEXT NULL,
    last_error TEXT NULL
);
CREATE UNIQUE INDEX ux_mailboxes_account_address ON mailboxes (account_id, address_normalized);

-- client_state_hash is SHA-256 of the clientState; the clientState itself is never stored.
CREATE TABLE graph_subscriptions (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    folder TEXT NOT NULL,
    graph_subscription_id TEXT NULL,
    client_state_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    renewed_at TEXT NULL,
    lease_until TEXT NULL
);
CREATE INDEX ix_graph_subscriptions_mailbox ON graph_subscriptions (mailbox_id, folder);
CREATE INDEX ix_graph_subscriptions_graph_id ON graph_subscriptions (graph_subscription_id);
CREATE INDEX ix_graph_subscriptions_expiry ON graph_subscriptions (status, expires_at);

-- One row per (mailbox, message, change): Graph's duplicates and our own catch-ups land on the same row.
CREATE TABLE notification_inbox (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    folder TEXT NOT NULL,
    message_id TEXT NOT NULL,
    change_type TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    not_before TEXT NOT NULL,
    lease_until TEXT NULL,
    finished_at TEXT NULL,
    finished_reason TEXT NULL,
    last_error TEXT NULL
);
CREATE UNIQUE INDEX ux_notification_inbox_message ON notification_inbox (mailbox_id, message_id, change_type);
CREATE INDEX ix_notification_inbox_due ON notification_inbox (status, not_before);
CREATE INDEX ix_notification_inbox_mailbox_status ON notification_inbox (mailbox_id, status);

CREATE TABLE mailbox_jobs (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    folder TEXT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    not_before TEXT NOT NULL,
    lease_until TEXT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT NULL,
    last_error TEXT NULL
);
CREATE INDEX ix_mailbox_jobs_due ON mailbox_jobs (status, not_before);

CREATE TABLE delta_links (
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    folder TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    delta_link TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (mailbox_id, folder)
);

-- What the pane asked for an email it stamped with a tracking id: whether to log it and to which records.
CREATE TABLE log_intents (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    tracking_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    do_log INTEGER NOT NULL,
    record_ids TEXT NOT NULL,
    compose_type TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    email_id TEXT NULL,
    PRIMARY KEY (account_id, tracking_id)
);
