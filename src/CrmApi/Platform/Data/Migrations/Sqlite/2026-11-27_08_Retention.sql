-- Data retention (GDPR storage limitation): an account may keep the bodies of logged emails for a number of days;
-- older bodies (and their previews) are purged, the email stays on the timeline with its subject and participants.

ALTER TABLE privacy_settings ADD COLUMN body_retention_days INTEGER NULL;
ALTER TABLE emails ADD COLUMN body_purged_at TEXT NULL;

-- The purge's range: an account's emails by the time they were sent, those whose body is still kept only (so a purge
-- reads what it purges, not every body purged before).
CREATE INDEX ix_emails_account_sent_kept ON emails (account_id, sent_at) WHERE body_purged_at IS NULL;
