-- Data retention (GDPR storage limitation): an account may keep the bodies of logged emails for a number of days;
-- older bodies (and their previews) are purged, the email stays on the timeline with its subject and participants.

IF COL_LENGTH('dbo.privacy_settings', 'body_retention_days') IS NULL
    ALTER TABLE dbo.privacy_settings ADD body_retention_days INT NULL;

IF COL_LENGTH('dbo.emails', 'body_purged_at') IS NULL
    ALTER TABLE dbo.emails ADD body_purged_at DATETIMEOFFSET NULL;

-- The purge's range: an account's emails by the time they were sent, those whose body is still kept only (so a purge
-- reads what it purges, not every body purged before).
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_emails_account_sent_kept' AND object_id = OBJECT_ID('dbo.emails'))
    CREATE INDEX ix_emails_account_sent_kept ON dbo.emails (account_id, sent_at) WHERE body_purged_at IS NULL;
