-- Every send accounted for (issue 20): a Sent Items copy whose email never went through the legal-basis send check is
-- recorded once per email and contact that needed a basis, however often the message is processed (retries, duplicate
-- notifications, a reprocess, the copy in a second mailbox). The key is the Internet Message-ID, which every copy
-- shares and which exists even when the pane never stamped a tracking id. Ids only: the contact's audit line says why.
IF OBJECT_ID('dbo.unchecked_sends', 'U') IS NULL
BEGIN
    CREATE TABLE dbo.unchecked_sends (
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_unchecked_sends_accounts REFERENCES dbo.accounts (id),
        internet_message_id NVARCHAR(450) NOT NULL,
        contact_id UNIQUEIDENTIFIER NOT NULL,
        tracking_id NVARCHAR(128) NULL,
        found_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_unchecked_sends PRIMARY KEY (account_id, internet_message_id, contact_id)
    );
END;

-- Per mailbox and hour, the sends found without a check (one per email): the mailbox's health and the overview read it.
IF COL_LENGTH('dbo.mail_flow_hours', 'sent_without_check') IS NULL
    ALTER TABLE dbo.mail_flow_hours ADD sent_without_check BIGINT NOT NULL CONSTRAINT df_mail_flow_hours_sent_without_check DEFAULT 0;

-- "Did the send check see this email?" is asked of the audit by tracking id for every outgoing copy.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_communication_audit_tracking' AND object_id = OBJECT_ID('dbo.communication_audit'))
    CREATE INDEX ix_communication_audit_tracking ON dbo.communication_audit (account_id, tracking_id);
