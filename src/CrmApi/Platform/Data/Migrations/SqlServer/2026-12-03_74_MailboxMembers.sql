-- Team and shared mailboxes in the pane (issue 20): which users act for a connected team or help-desk mailbox.
-- Exchange keeps its own FullAccess / Send As grants, which Microsoft Graph does not expose; the CRM keeps this list,
-- set by an admin, and hands a member the ids of that mailbox's copies (reply from it, log from it). A personal
-- mailbox has no members: its owner is the user whose address (or Entra object id) it is.
IF OBJECT_ID('dbo.mailbox_members') IS NULL
BEGIN
    CREATE TABLE dbo.mailbox_members (
        mailbox_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailbox_members_mailboxes REFERENCES dbo.mailboxes (id),
        user_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailbox_members_users REFERENCES dbo.users (id),
        account_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_mailbox_members_accounts REFERENCES dbo.accounts (id),
        added_at DATETIMEOFFSET NOT NULL,
        CONSTRAINT pk_mailbox_members PRIMARY KEY (mailbox_id, user_id)
    );
    CREATE INDEX ix_mailbox_members_user ON dbo.mailbox_members (account_id, user_id, mailbox_id);
END;
