-- The CRM core: accounts (one per Microsoft 365 tenant), users, object types, records, contact email addresses,
-- associations between records, and the email tables that the logging pipeline writes to.
-- Keys are Guid v7 made in C#; times are UTC DATETIMEOFFSET set from C#, never GETUTCDATE().
-- Every table carries account_id and every index starts with it: no query can reach across accounts by accident.
-- Deletes are done explicitly by the stores (no ON DELETE CASCADE): associations reference records twice, which
-- SQL Server refuses as multiple cascade paths, and one explicit path keeps both engines alike.

IF OBJECT_ID('dbo.accounts') IS NULL
BEGIN
    CREATE TABLE dbo.accounts (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_accounts PRIMARY KEY,
        tenant_id NVARCHAR(64) NOT NULL,
        name NVARCHAR(256) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_accounts_tenant_id ON dbo.accounts (tenant_id);
END;

IF OBJECT_ID('dbo.users') IS NULL
BEGIN
    CREATE TABLE dbo.users (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_users PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_users_accounts REFERENCES dbo.accounts (id),
        object_id NVARCHAR(64) NOT NULL,
        email NVARCHAR(320) NOT NULL,
        email_normalized NVARCHAR(320) NOT NULL,
        display_name NVARCHAR(256) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_users_account_object ON dbo.users (account_id, object_id);
END;

IF OBJECT_ID('dbo.object_types') IS NULL
BEGIN
    CREATE TABLE dbo.object_types (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_object_types PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_object_types_accounts REFERENCES dbo.accounts (id),
        name NVARCHAR(64) NOT NULL,
        label NVARCHAR(128) NOT NULL,
        plural_label NVARCHAR(128) NOT NULL,
        is_builtin BIT NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_object_types_account_name ON dbo.object_types (account_id, name);
END;

IF OBJECT_ID('dbo.records') IS NULL
BEGIN
    CREATE TABLE dbo.records (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_records PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_records_accounts REFERENCES dbo.accounts (id),
        object_type_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_records_object_types REFERENCES dbo.object_types (id),
        name NVARCHAR(400) NOT NULL,
        owner_user_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_records_users REFERENCES dbo.users (id),
        domain NVARCHAR(253) NULL,
        stage NVARCHAR(64) NULL,
        status NVARCHAR(64) NULL,
        properties NVARCHAR(MAX) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL,
        updated_at DATETIMEOFFSET NOT NULL
    );
    CREATE INDEX ix_records_account_type_name ON dbo.records (account_id, object_type_id, name, id);
    CREATE INDEX ix_records_account_domain ON dbo.records (account_id, domain);
END;

IF OBJECT_ID('dbo.contact_emails') IS NULL
BEGIN
    CREATE TABLE dbo.contact_emails (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_contact_emails PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_emails_accounts REFERENCES dbo.accounts (id),
        record_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_contact_emails_records REFERENCES dbo.records (id),
        address NVARCHAR(320) NOT NULL,
        address_normalized NVARCHAR(320) NOT NULL,
        is_primary BIT NOT NULL
    );
    CREATE UNIQUE INDEX ux_contact_emails_record_address ON dbo.contact_emails (record_id, address_normalized);
    CREATE INDEX ix_contact_emails_account_address ON dbo.contact_emails (account_id, address_normalized, record_id);
END;

-- An association is stored in both directions (same id, same label) so "the associations of X" is one index seek.
IF OBJECT_ID('dbo.associations') IS NULL
BEGIN
    CREATE TABLE dbo.associations (
        id UNIQUEIDENTIFIER NOT NULL,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_associations_accounts REFERENCES dbo.accounts (id),
        from_record_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_associations_from_records REFERENCES dbo.records (id),
        to_record_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_associations_to_records REFERENCES dbo.records (id),
        label NVARCHAR(128) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_associations PRIMARY KEY (account_id, from_record_id, to_record_id, label)
    );
    CREATE INDEX ix_associations_account_id ON dbo.associations (account_id, id);
END;

-- One email per account, keyed by its Internet Message-ID, however many mailboxes saw it.
IF OBJECT_ID('dbo.emails') IS NULL
BEGIN
    CREATE TABLE dbo.emails (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_emails PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_emails_accounts REFERENCES dbo.accounts (id),
        internet_message_id NVARCHAR(450) NOT NULL,
        conversation_id NVARCHAR(450) NULL,
        kind NVARCHAR(16) NOT NULL,
        direction NVARCHAR(16) NOT NULL,
        subject NVARCHAR(1000) NOT NULL,
        from_address NVARCHAR(320) NOT NULL,
        from_name NVARCHAR(256) NULL,
        sent_at DATETIMEOFFSET NOT NULL,
        body_html NVARCHAR(MAX) NOT NULL,
        preview NVARCHAR(512) NOT NULL,
        logged_because NVARCHAR(512) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE UNIQUE INDEX ux_emails_account_message_id ON dbo.emails (account_id, internet_message_id);
    CREATE INDEX ix_emails_account_conversation ON dbo.emails (account_id, conversation_id);
END;

IF OBJECT_ID('dbo.email_participants') IS NULL
BEGIN
    CREATE TABLE dbo.email_participants (
        email_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_participants_emails REFERENCES dbo.emails (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_participants_accounts REFERENCES dbo.accounts (id),
        role NVARCHAR(8) NOT NULL,
        position INT NOT NULL,
        address NVARCHAR(320) NOT NULL,
        address_normalized NVARCHAR(320) NOT NULL,
        display_name NVARCHAR(256) NULL,
        CONSTRAINT pk_email_participants PRIMARY KEY (email_id, role, position)
    );
    CREATE INDEX ix_email_participants_account_address ON dbo.email_participants (account_id, address_normalized);
END;

-- sent_at is copied here so a timeline page is one range scan of this index, at page 1 or page 1,000.
IF OBJECT_ID('dbo.email_associations') IS NULL
BEGIN
    CREATE TABLE dbo.email_associations (
        email_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_associations_emails REFERENCES dbo.emails (id),
        record_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_associations_records REFERENCES dbo.records (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_associations_accounts REFERENCES dbo.accounts (id),
        sent_at DATETIMEOFFSET NOT NULL,
        created_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_email_associations PRIMARY KEY (email_id, record_id)
    );
    CREATE INDEX ix_email_associations_timeline ON dbo.email_associations (account_id, record_id, sent_at DESC, email_id DESC);
END;
