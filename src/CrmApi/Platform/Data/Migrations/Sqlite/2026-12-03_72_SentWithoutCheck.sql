-- Every send accounted for (issue 20): a Sent Items copy whose email never went through the legal-basis send check is
-- recorded once per email and contact that needed a basis, however often the message is processed (retries, duplicate
-- notifications, a reprocess, the copy in a second mailbox). The key is the Internet Message-ID, which every copy
-- shares and which exists even when the pane never stamped a tracking id. Ids only: the contact's audit line says why.
CREATE TABLE unchecked_sends (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    internet_message_id TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    tracking_id TEXT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (account_id, internet_message_id, contact_id)
);

-- Per mailbox and hour, the sends found without a check (one per email): the mailbox's health and the overview read it.
ALTER TABLE mail_flow_hours ADD COLUMN sent_without_check INTEGER NOT NULL DEFAULT 0;

-- "Did the send check see this email?" is asked of the audit by tracking id for every outgoing copy.
CREATE INDEX ix_communication_audit_tracking ON communication_audit (account_id, tracking_id);
