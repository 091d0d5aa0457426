-- Logging rules: every mailbox that saw an email (sightings), what was decided for each message and why (outcomes, for
-- the pane's status), never-log lists, the agent who sent an email from a team mailbox, and attachment metadata.

IF OBJECT_ID('dbo.email_sightings') IS NULL
BEGIN
    CREATE TABLE dbo.email_sightings (
        email_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_sightings_emails REFERENCES dbo.emails (id),
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_sightings_mailboxes REFERENCES dbo.mailboxes (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_email_sightings_accounts REFERENCES dbo.accounts (id),
        folder NVARCHAR(32) NOT NULL,
        graph_message_id NVARCHAR(256) NOT NULL,
        conversation_id NVARCHAR(450) NULL,
        seen_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_email_sightings PRIMARY KEY (email_id, mailbox_id)
    );
    CREATE INDEX ix_email_sightings_conversation ON dbo.email_sightings (account_id, mailbox_id, conversation_id);
END;

IF OBJECT_ID('dbo.message_outcomes') IS NULL
BEGIN
    CREATE TABLE dbo.message_outcomes (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_message_outcomes_accounts REFERENCES dbo.accounts (id),
        internet_message_id NVARCHAR(450) NOT NULL,
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_message_outcomes_mailboxes REFERENCES dbo.mailboxes (id),
        tracking_id NVARCHAR(128) NULL,
        outcome NVARCHAR(16) NOT NULL,
        reason NVARCHAR(512) NOT NULL,
        email_id UNIQUEIDENTIFIER NULL,
        decided_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_message_outcomes PRIMARY KEY (account_id, internet_message_id, mailbox_id)
    );
    CREATE INDEX ix_message_outcomes_tracking ON dbo.message_outcomes (account_id, tracking_id);
END;

-- user_id NULL: the account's list; otherwise one rep's personal list.
IF OBJECT_ID('dbo.never_log') IS NULL
BEGIN
    CREATE TABLE dbo.never_log (
        id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_never_log PRIMARY KEY,
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_never_log_accounts REFERENCES dbo.accounts (id),
        user_id UNIQUEIDENTIFIER NULL CONSTRAINT fk_never_log_users REFERENCES dbo.users (id),
        kind NVARCHAR(16) NOT NULL,
        value NVARCHAR(320) NOT NULL,
        created_at DATETIMEOFFSET NOT NULL
    );
    CREATE INDEX ix_never_log_account ON dbo.never_log (account_id, value);
END;

IF COL_LENGTH('dbo.emails', 'sender_address') IS NULL
    ALTER TABLE dbo.emails ADD sender_address NVARCHAR(320) NULL, sender_name NVARCHAR(256) NULL, attachments NVARCHAR(MAX) NULL;
