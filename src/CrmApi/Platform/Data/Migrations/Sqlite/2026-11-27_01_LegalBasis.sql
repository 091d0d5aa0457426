-- Legal basis to communicate (GDPR): the account's privacy settings and internal domains, subscription types beyond
-- the built-in "one-to-one", each contact's subscriptions and global opt-out, one-time legal bases, the append-only
-- audit trail, and the suppression list of erased addresses (hashes only).

CREATE TABLE privacy_settings (
    account_id TEXT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    privacy_enabled INTEGER NOT NULL,
    unknown_recipients TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by_user_id TEXT NULL
);

CREATE TABLE internal_domains (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    domain TEXT NOT NULL,
    PRIMARY KEY (account_id, domain)
);

CREATE TABLE subscription_types (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_subscription_types_account_name ON subscription_types (account_id, name);

CREATE TABLE contact_subscriptions (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    contact_id TEXT NOT NULL REFERENCES records (id),
    subscription_type TEXT NOT NULL,
    status TEXT NOT NULL,
    legal_basis TEXT NULL,
    explanation TEXT NULL,
    updated_at TEXT NOT NULL,
    updated_by_user_id TEXT NULL,
    PRIMARY KEY (account_id, contact_id, subscription_type)
);

CREATE TABLE contact_opt_outs (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    contact_id TEXT NOT NULL REFERENCES records (id),
    opted_out_at TEXT NOT NULL,
    by_user_id TEXT NULL,
    PRIMARY KEY (account_id, contact_id)
);

-- A basis for one email to one contact: reserved for a tracking id when given, consumed by the send that carries it.
CREATE TABLE one_time_bases (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    contact_id TEXT NOT NULL REFERENCES records (id),
    legal_basis TEXT NOT NULL,
    explanation TEXT NOT NULL,
    transactional INTEGER NOT NULL,
    tracking_id TEXT NULL,
    granted_by_user_id TEXT NULL,
    granted_at TEXT NOT NULL,
    consumed_at TEXT NULL,
    consumed_by_tracking_id TEXT NULL
);
CREATE INDEX ix_one_time_bases_account_contact ON one_time_bases (account_id, contact_id, granted_at);

-- Append-only: no statement of the application updates or deletes it, and the database refuses to.
-- contact_id has no foreign key on purpose: the trail outlives the contact (deletion, erasure).
CREATE TABLE communication_audit (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    contact_id TEXT NOT NULL,
    event TEXT NOT NULL,
    subscription_type TEXT NULL,
    legal_basis TEXT NULL,
    explanation TEXT NULL,
    reason TEXT NULL,
    tracking_id TEXT NULL,
    actor_user_id TEXT NULL,
    occurred_at TEXT NOT NULL
);
CREATE INDEX ix_communication_audit_contact ON communication_audit (account_id, contact_id, occurred_at, id);

CREATE TRIGGER tr_communication_audit_no_update BEFORE UPDATE ON communication_audit
BEGIN
    SELECT RAISE(ABORT, 'communication_audit is append-only');
END;

CREATE TRIGGER tr_communication_audit_no_delete BEFORE DELETE ON communication_audit
BEGIN
    SELECT RAISE(ABORT, 'communication_audit is append-only');
END;

-- Erased addresses, as SHA-256 of "account id:normalised address": logging never re-creates them, and the hash is
-- not the address.
CREATE TABLE erased_addresses (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    address_hash TEXT NOT NULL,
    erased_at TEXT NOT NULL,
    PRIMARY KEY (account_id, address_hash)
);
