-- The CRM core: accounts (one per Microsoft 365 tenant), users, object types, records, contact email addresses,
-- associations between records, and the email tables that the logging pipeline writes to.
-- Keys are Guid v7 made in C# (upper-case text here, as Microsoft.Data.Sqlite binds them); times are UTC text in one fixed width, so text order is time order.
-- Every table carries account_id and every index starts with it: no query can reach across accounts by accident.

CREATE TABLE accounts (
    id TEXT NOT NULL PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_accounts_tenant_id ON accounts (tenant_id);

CREATE TABLE users (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    object_id TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    display_name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_users_account_object ON users (account_id, object_id);

CREATE TABLE object_types (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    plural_label TEXT NOT NULL,
    is_builtin INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_object_types_account_name ON object_types (account_id, name);

CREATE TABLE records (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    object_type_id TEXT NOT NULL REFERENCES object_types (id),
    name TEXT NOT NULL,
    owner_user_id TEXT NULL REFERENCES users (id),
    domain TEXT NULL,
    stage TEXT NULL,
    status TEXT NULL,
    properties TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_records_account_type_name ON records (account_id, object_type_id, name, id);
CREATE INDEX ix_records_account_domain ON records (account_id, domain);

CREATE TABLE contact_emails (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    record_id TEXT NOT NULL REFERENCES records (id),
    address TEXT NOT NULL,
    address_normalized TEXT NOT NULL,
    is_primary INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_contact_emails_record_address ON contact_emails (record_id, address_normalized);
CREATE INDEX ix_contact_emails_account_address ON contact_emails (account_id, address_normalized, record_id);

-- An association is stored in both directions (same id, same label) so "the associations of X" is one index seek.
CREATE TABLE associations (
    id TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    from_record_id TEXT NOT NULL REFERENCES records (id),
    to_record_id TEXT NOT NULL REFERENCES records (id),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, from_record_id, to_record_id, label)
);
CREATE INDEX ix_associations_account_id ON associations (account_id, id);

-- One email per account, keyed by its Internet Message-ID, however many mailboxes saw it.
CREATE TABLE emails (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
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
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_emails_account_message_id ON emails (account_id, internet_message_id);
CREATE INDEX ix_emails_account_conversation ON emails (account_id, conversation_id);

CREATE TABLE email_participants (
    email_id TEXT NOT NULL REFERENCES emails (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    address TEXT NOT NULL,
    address_normalized TEXT NOT NULL,
    display_name TEXT NULL,
    PRIMARY KEY (email_id, role, position)
);
CREATE INDEX ix_email_participants_account_address ON email_participants (account_id, address_normalized);

-- sent_at is copied here so a timeline page is one range scan of this index, at page 1 or page 1,000.
CREATE TABLE email_associations (
    email_id TEXT NOT NULL REFERENCES emails (id),
    record_id TEXT NOT NULL REFERENCES records (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    sent_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (email_id, record_id)
);
CREATE INDEX ix_email_associations_timeline ON email_associations (account_id, record_id, sent_at DESC, email_id DESC);
