-- Legal basis to communicate (GDPR): the account's privacy settings and internal domains, subscription types beyond
-- the built-in "one-to-one", each contact's subscriptions and global opt-out, one-time legal bases, the append-only
-- audit trail, and the suppression list of erased addresses (hashes only).

IF OBJECT_ID('dbo.privacy_settings') IS NULL
BEGIN
    CREATE TABLE dbo.privacy_settings (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_privacy_settings PRIMARY KEY
            CONSTRAINT fk_privacy_settings_accounts REFERENCES dbo.accounts (id),
        privacy_enabled BIT NOT NULL,
        unknown_recipients NVARCHAR(16) NOT NULL,
        updated_at DATETIMEOFFSET NOT NULL,
        updated_by_user_id UNIQUEIDENTIFIER NULL
    );
END;

IF OBJECT_ID('dbo.internal_domains') IS NULL
BEGIN
    CREATE TABLE dbo.internal_domains (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_internal_domains_accounts REFERENCES dbo.accounts (id),
        domain NVARCHAR(253) NOT NULL,
        CONSTRAINT pk_internal_domains PRIMARY KEY (account_id, domain)
    );
END;

IF OBJECT_ID('dbo.subscription_types') IS NULL
BEGIN
    CREATE TABLE dbo.subscription_types (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_subscription_types PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_subscription_types_accounts REFERENCES dbo.accounts (id),
        name NVARCHAR(64) NOT NULL,
        label NVARCHAR(128) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_subscription_types_account_name ON dbo.subscription_types (account_id, name);
END;

IF OBJECT_ID('dbo.contact_subscriptions') IS NULL
BEGIN
    CREATE TABLE dbo.contact_subscriptions (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_subscriptions_accounts REFERENCES dbo.accounts (id),
        contact_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_subscriptions_records REFERENCES dbo.records (id),
        subscription_type NVARCHAR(64) NOT NULL,
        status NVARCHAR(16) NOT NULL,
        legal_basis NVARCHAR(32) NULL,
        explanation NVARCHAR(2000) NULL,
        updated_at DATETIMEOFFSET NOT NULL,
        updated_by_user_id UNIQUEIDENTIFIER NULL,
        CONSTRAINT pk_contact_subscriptions PRIMARY KEY (account_id, contact_id, subscription_type)
    );
END;

IF OBJECT_ID('dbo.contact_opt_outs') IS NULL
BEGIN
    CREATE TABLE dbo.contact_opt_outs (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_opt_outs_accounts REFERENCES dbo.accounts (id),
        contact_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_opt_outs_records REFERENCES dbo.records (id),
        opted_out_at DATETIMEOFFSET NOT NULL,
        by_user_id UNIQUEIDENTIFIER NULL,
        CONSTRAINT pk_contact_opt_outs PRIMARY KEY (account_id, contact_id)
    );
END;

-- A basis for one email to one contact: reserved for a tracking id when given, consumed by the send that carries it.
IF OBJECT_ID('dbo.one_time_bases') IS NULL
BEGIN
    CREATE TABLE dbo.one_time_bases (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_one_time_bases PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_one_time_bases_accounts REFERENCES dbo.accounts (id),
        contact_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_one_time_bases_records REFERENCES dbo.records (id),
        legal_basis NVARCHAR(32) NOT NULL,
        explanation NVARCHAR(2000) NOT NULL,
        transactional BIT NOT NULL,
        tracking_id NVARCHAR(128) NULL,
        granted_by_user_id UNIQUEIDENTIFIER NULL,
        granted_at DATETIMEOFFSET NOT NULL,
        consumed_at DATETIMEOFFSET NULL,
        consumed_by_tracking_id NVARCHAR(128) NULL
    );
    CREATE INDEX ix_one_time_bases_account_contact ON dbo.one_time_bases (account_id, contact_id, granted_at);
END;

-- Append-only: no statement of the application updates or deletes it, and the database refuses to.
-- contact_id has no foreign key on purpose: the trail outlives the contact (deletion, erasure).
IF OBJECT_ID('dbo.communication_audit') IS NULL
BEGIN
    CREATE TABLE dbo.communication_audit (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_communication_audit PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_communication_audit_accounts REFERENCES dbo.accounts (id),
        contact_id UNIQUEIDENTIFIER NOT NULL,
        event NVARCHAR(32) NOT NULL,
        subscription_type NVARCHAR(64) NULL,
        legal_basis NVARCHAR(32) NULL,
        explanation NVARCHAR(2000) NULL,
        reason NVARCHAR(64) NULL,
        tracking_id NVARCHAR(128) NULL,
        actor_user_id UNIQUEIDENTIFIER NULL,
        occurred_at DATETIMEOFFSET NOT NULL
    );
    CREATE INDEX ix_communication_audit_contact ON dbo.communication_audit (account_id, contact_id, occurred_at, id);
END;

IF OBJECT_ID('dbo.tr_communication_audit_append_only') IS NULL
    EXEC('CREATE TRIGGER dbo.tr_communication_audit_append_only ON dbo.communication_audit
          INSTEAD OF UPDATE, DELETE
          AS
          THROW 51000, ''communication_audit is append-only'', 1;');

-- Erased addresses, as SHA-256 of "account id:normalised address": logging never re-creates them, and the hash is
-- not the address.
IF OBJECT_ID('dbo.erased_addresses') IS NULL
BEGIN
    CREATE TABLE dbo.erased_addresses (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_erased_addresses_accounts REFERENCES dbo.accounts (id),
        address_hash NVARCHAR(64) NOT NULL,
        erased_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_erased_addresses PRIMARY KEY (account_id, address_hash)
    );
END;
