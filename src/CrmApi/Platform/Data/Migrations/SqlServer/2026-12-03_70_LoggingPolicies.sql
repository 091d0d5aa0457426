-- Logging by policy (issue 20): what is logged without the pane, account-wide and, where the admin allows it, per user.

-- outgoing: pane (only what the rep chooses in the pane) | knownContacts | anyExternal;
-- incoming: none | replies (to logged threads) | knownContacts; associations: none | mostRecentOpen | allOpen
-- (the matched contacts' open deals and tickets). A row made before this keeps today's behaviour.
IF COL_LENGTH('dbo.logging_settings', 'outgoing') IS NULL
    ALTER TABLE dbo.logging_settings ADD
        outgoing NVARCHAR(32) NOT NULL CONSTRAINT df_logging_settings_outgoing DEFAULT 'pane',
        incoming NVARCHAR(32) NOT NULL CONSTRAINT df_logging_settings_incoming DEFAULT 'replies',
        associations NVARCHAR(32) NOT NULL CONSTRAINT df_logging_settings_associations DEFAULT 'mostRecentOpen',
        users_may_override BIT NOT NULL CONSTRAINT df_logging_settings_users_may_override DEFAULT 0;

-- A user's own choice, used only while the account allows it; null keeps the account's.
IF OBJECT_ID('dbo.user_logging_policies') IS NULL
BEGIN
    CREATE TABLE dbo.user_logging_policies (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_user_logging_policies_accounts REFERENCES dbo.accounts (id),
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_user_logging_policies_users REFERENCES dbo.users (id),
        outgoing NVARCHAR(32) NULL,
        incoming NVARCHAR(32) NULL,
        updated_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_user_logging_policies PRIMARY KEY (account_id, user_id)
    );
END;

-- Who registered the intent: the pane (the rep's choice) or the launch event (the default, with the record the
-- message was started from), and that record.
IF COL_LENGTH('dbo.log_intents', 'origin') IS NULL
    ALTER TABLE dbo.log_intents ADD
        origin NVARCHAR(16) NOT NULL CONSTRAINT df_log_intents_origin DEFAULT 'pane',
        started_from UNIQUEIDENTIFIER NULL;

-- "Email" on a record or a timeline: what the new message starts with, until its launch event or its pane claims it.
IF OBJECT_ID('dbo.compose_starts') IS NULL
BEGIN
    CREATE TABLE dbo.compose_starts (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_compose_starts_accounts REFERENCES dbo.accounts (id),
        id UNIQUEIDENTIFIER NOT NULL,
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_compose_starts_users REFERENCES dbo.users (id),
        recipients_key NVARCHAR(450) NOT NULL,
        started_from UNIQUEIDENTIFIER NULL,
        record_ids NVARCHAR(MAX) NOT NULL,
        compose_type NVARCHAR(16) NULL,
        created_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_compose_starts PRIMARY KEY (account_id, id)
    );
    CREATE INDEX ix_compose_starts_user ON dbo.compose_starts (account_id, user_id, recipients_key, created_at);
    CREATE INDEX ix_compose_starts_created ON dbo.compose_starts (created_at);
END;
