-- Logging by policy (issue 20): what is logged without the pane, account-wide and, where the admin allows it, per user.

-- outgoing: pane (only what the rep chooses in the pane) | knownContacts | anyExternal;
-- incoming: none | replies (to logged threads) | knownContacts; associations: none | mostRecentOpen | allOpen
-- (the matched contacts' open deals and tickets). A row made before this keeps today's behaviour.
ALTER TABLE logging_settings ADD COLUMN outgoing TEXT NOT NULL DEFAULT 'pane';
ALTER TABLE logging_settings ADD COLUMN incoming TEXT NOT NULL DEFAULT 'replies';
ALTER TABLE logging_settings ADD COLUMN associations TEXT NOT NULL DEFAULT 'mostRecentOpen';
ALTER TABLE logging_settings ADD COLUMN users_may_override INTEGER NOT NULL DEFAULT 0;

-- A user's own choice, used only while the account allows it; null keeps the account's.
CREATE TABLE user_logging_policies (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    outgoing TEXT NULL,
    incoming TEXT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (account_id, user_id)
);

-- Who registered the intent: the pane (the rep's choice) or the launch event (the default, with the record the
-- message was started from), and that record.
ALTER TABLE log_intents ADD COLUMN origin TEXT NOT NULL DEFAULT 'pane';
ALTER TABLE log_intents ADD COLUMN started_from TEXT NULL;

-- "Email" on a record or a timeline: what the new message starts with, until its launch event or its pane claims it.
CREATE TABLE compose_starts (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    recipients_key TEXT NOT NULL,
    started_from TEXT NULL,
    record_ids TEXT NOT NULL,
    compose_type TEXT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX ix_compose_starts_user ON compose_starts (account_id, user_id, recipients_key, created_at);
CREATE INDEX ix_compose_starts_created ON compose_starts (created_at);
