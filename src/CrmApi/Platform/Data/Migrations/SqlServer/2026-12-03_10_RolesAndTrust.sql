-- Roles and trust inside a tenant (issue 17): the account audit of admin actions, guests allowed or not, who connected
-- a mailbox and whose it is, and never-log purges kept restorable for 30 days.

-- Append-only, like communication_audit: no statement of the application updates or deletes it, and the database
-- refuses to. actor is the user's name as it was at the time (a later rename does not rewrite history).
IF OBJECT_ID('dbo.account_audit') IS NULL
BEGIN
    CREATE TABLE dbo.account_audit (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_account_audit PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_account_audit_accounts REFERENCES dbo.accounts (id),
        occurred_at DATETIMEOFFSET NOT NULL,
        actor_user_id UNIQUEIDENTIFIER NULL,
        actor NVARCHAR(320) NOT NULL,
        action NVARCHAR(64) NOT NULL,
        target NVARCHAR(512) NULL,
        before_json NVARCHAR(MAX) NULL,
        after_json NVARCHAR(MAX) NULL,
        count INT NULL
    );
    CREATE INDEX ix_account_audit_account_time ON dbo.account_audit (account_id, occurred_at, id);
END;

IF OBJECT_ID('dbo.tr_account_audit_append_only') IS NULL
    EXEC('CREATE TRIGGER dbo.tr_account_audit_append_only ON dbo.account_audit
          INSTEAD OF UPDATE, DELETE
          AS
          THROW 51000, ''account_audit is append-only'', 1;');

-- B2B guests (acct = 1 in their token) are refused unless an admin allows them.
IF COL_LENGTH('dbo.accounts', 'allow_guests') IS NULL
    ALTER TABLE dbo.accounts ADD allow_guests BIT NOT NULL CONSTRAINT df_accounts_allow_guests DEFAULT 0;

-- Who connected the mailbox, and whose it is: the Entra object id Graph gave for it (never a name claim).
IF COL_LENGTH('dbo.mailboxes', 'connected_by_user_id') IS NULL
    ALTER TABLE dbo.mailboxes ADD connected_by_user_id UNIQUEIDENTIFIER NULL, owner_object_id NVARCHAR(64) NULL;

-- A never-log purge: the emails it removed wait in the purged_* tables (the same columns as the live ones, so a
-- restore is one INSERT ... SELECT each) until restored or until restorable_until, when the sweep deletes them.
-- never_log_id has no foreign key: the entry may be removed while its purge can still be restored.
IF OBJECT_ID('dbo.never_log_purges') IS NULL
BEGIN
    CREATE TABLE dbo.never_log_purges (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_never_log_purges PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_never_log_purges_accounts REFERENCES dbo.accounts (id),
        never_log_id UNIQUEIDENTIFIER NOT NULL,
        user_id UNIQUEIDENTIFIER NULL,
        value NVARCHAR(320) NOT NULL,
        email_count INT NOT NULL,
        purged_at DATETIMEOFFSET NOT NULL,
        restorable_until DATETIMEOFFSET NOT NULL,
        restored_at DATETIMEOFFSET NULL
    );
    CREATE INDEX ix_never_log_purges_entry ON dbo.never_log_purges (account_id, never_log_id);
    CREATE INDEX ix_never_log_purges_expiry ON dbo.never_log_purges (restorable_until);
END;

IF OBJECT_ID('dbo.purged_emails') IS NULL
BEGIN
    CREATE TABLE dbo.purged_emails (
        purge_id UNIQUEIDENTIFIER NOT NULL,
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_purged_emails PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL,
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
        created_at DATETIMEOFFSET NOT NULL,
        sender_address NVARCHAR(320) NULL,
        sender_name NVARCHAR(256) NULL,
        attachments NVARCHAR(MAX) NULL,
        inserted NVARCHAR(MAX) NULL,
        body_purged_at DATETIMEOFFSET NULL
    );
    CREATE INDEX ix_purged_emails_purge ON dbo.purged_emails (account_id, purge_id);
END;

IF OBJECT_ID('dbo.purged_email_participants') IS NULL
BEGIN
    CREATE TABLE dbo.purged_email_participants (
        purge_id UNIQUEIDENTIFIER NOT NULL,
        email_id UNIQUEIDENTIFIER NOT NULL,
        account_id UNIQUEIDENTIFIER NOT NULL,
        role NVARCHAR(8) NOT NULL,
        position INT NOT NULL,
        address NVARCHAR(320) NOT NULL,
        address_normalized NVARCHAR(320) NOT NULL,
        display_name NVARCHAR(256) NULL,
        CONSTRAINT pk_purged_email_participants PRIMARY KEY (email_id, role, position)
    );
    CREATE INDEX ix_purged_email_participants_address ON dbo.purged_email_participants (account_id, address_normalized);
END;

IF OBJECT_ID('dbo.purged_email_associations') IS NULL
    CREATE TABLE dbo.purged_email_associations (
        purge_id UNIQUEIDENTIFIER NOT NULL,
        email_id UNIQUEIDENTIFIER NOT NULL,
        record_id UNIQUEIDENTIFIER NOT NULL,
        account_id UNIQUEIDENTIFIER NOT NULL,
        sent_at DATETIMEOFFSET NOT NULL,
        created_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_purged_email_associations PRIMARY KEY (email_id, record_id)
    );

IF OBJECT_ID('dbo.purged_email_sightings') IS NULL
    CREATE TABLE dbo.purged_email_sightings (
        purge_id UNIQUEIDENTIFIER NOT NULL,
        email_id UNIQUEIDENTIFIER NOT NULL,
        mailbox_id UNIQUEIDENTIFIER NOT NULL,
        account_id UNIQUEIDENTIFIER NOT NULL,
        folder NVARCHAR(32) NOT NULL,
        graph_message_id NVARCHAR(256) NOT NULL,
        conversation_id NVARCHAR(450) NULL,
        seen_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_purged_email_sightings PRIMARY KEY (email_id, mailbox_id)
    );
