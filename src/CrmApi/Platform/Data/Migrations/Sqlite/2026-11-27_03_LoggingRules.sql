-- Logging rules: every mailbox that saw an email (sightings), what was decided for each message and why (outcomes, for
-- the pane's status), never-log lists, the agent who sent an email from a team mailbox, and attachment metadata.

CREATE TABLE email_sightings (
    email_id TEXT NOT NULL REFERENCES emails (id),
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    folder TEXT NOT NULL,
    graph_message_id TEXT NOT NULL,
    conversation_id TEXT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (email_id, mailbox_id)
);
CREATE INDEX ix_email_sightings_conversation ON email_sightings (account_id, mailbox_id, conversation_id);

CREATE TABLE message_outcomes (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    internet_message_id TEXT NOT NULL,
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    tracking_id TEXT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    email_id TEXT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (account_id, internet_message_id, mailbox_id)
);
CREATE INDEX ix_message_outcomes_tracking ON message_outcomes (account_id, tracking_id);

-- user_id NULL: the account's list; otherwise one rep's personal list.
CREATE TABLE never_log (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    user_id TEXT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_never_log_account ON never_log (account_id, value);

ALTER TABLE emails ADD COLUMN sender_address TEXT NULL;
ALTER TABLE emails ADD COLUMN sender_name TEXT NULL;
ALTER TABLE emails ADD COLUMN attachments TEXT NULL;
