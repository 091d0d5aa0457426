-- Roles and trust inside a tenant (issue 17): the account audit of admin actions, guests allowed or not, who connected
-- a mailbox and whose it is, and never-log purges kept restorable for 30 days.

-- Append-only, like communication_audit: no statement of the application updates or deletes it, and the database
-- refuses to. actor is the user's name as it was at the time (a later rename does not rewrite history).
CREATE TABLE account_audit (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    occurred_at TEXT NOT NULL,
    actor_user_id TEXT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NULL,
    before_json TEXT NULL,
    after_json TEXT NULL,
    count INTEGER NULL
);
CREATE INDEX ix_account_audit_account_time ON account_audit (account_id, occurred_at, id);

CREATE TRIGGER tr_account_audit_no_update BEFORE UPDATE ON account_audit
BEGIN
    SELECT RAISE(ABORT, 'account_audit is append-only');
END;

CREATE TRIGGER tr_account_audit_no_delete BEFORE DELETE ON account_audit
BEGIN
    SELECT RAISE(ABORT, 'account_audit is append-only');
END;

-- B2B guests (acct = 1 in their token) are refused unless an admin allows them.
ALTER TABLE accounts ADD COLUMN allow_guests INTEGER NOT NULL DEFAULT 0;

-- Who connected the mailbox, and whose it is: the Entra object id Graph gave for it (never a name claim).
ALTER TABLE mailboxes ADD COLUMN connected_by_user_id TEXT NULL;
ALTER TABLE mailboxes ADD COLUMN owner_object_id TEXT NULL;

-- A never-log purge: the emails it removed wait in the purged_* tables (the same columns as the live ones, so a
-- restore is one INSERT ... SELECT each) until restored or until restorable_until, when the sweep deletes them.
-- never_log_id has no foreign key: the entry may be removed while its purge can still be restored.
CREATE TABLE never_log_purges (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    never_log_id TEXT NOT NULL,
    user_id TEXT NULL,
    value TEXT NOT NULL,
    email_count INTEGER NOT NULL,
    purged_at TEXT NOT NULL,
    restorable_until TEXT NOT NULL,
    restored_at TEXT NULL
);
CREATE INDEX ix_never_log_purges_entry ON never_log_purges (account_id, never_log_id);
CREATE INDEX ix_never_log_purges_expiry ON never_log_purges (restorable_until);

CREATE TABLE purged_emails (
    purge_id TEXT NOT NULL,
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL,
    internet_message_id TEXT NOT NULL,
    conversation_id TEXT NULL,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    subject TEXT NOT NULL,
    from_address TEXT NOT NULL,
    from_name TEXT NULL,
    sent_at TEXT NOT NULL,
    body_html TEXT NOT NULL,
    preview TEXT NOT NULL,
    logged_because TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sender_address TEXT NULL,
    sender_name TEXT NULL,
    attachments TEXT NULL,
    inserted TEXT NULL,
    body_purged_at TEXT NULL
);
CREATE INDEX ix_purged_emails_purge ON purged_emails (account_id, purge_id);

CREATE TABLE purged_email_participants (
    purge_id TEXT NOT NULL,
    email_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    address TEXT NOT NULL,
    address_normalized TEXT NOT NULL,
    display_name TEXT NULL,
    PRIMARY KEY (email_id, role, position)
);
CREATE INDEX ix_purged_email_participants_address ON purged_email_participants (account_id, address_normalized);

CREATE TABLE purged_email_associations (
    purge_id TEXT NOT NULL,
    email_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (email_id, record_id)
);

CREATE TABLE purged_email_sightings (
    purge_id TEXT NOT NULL,
    email_id TEXT NOT NULL,
    mailbox_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    folder TEXT NOT NULL,
    graph_message_id TEXT NOT NULL,
    conversation_id TEXT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (email_id, mailbox_id)
);
