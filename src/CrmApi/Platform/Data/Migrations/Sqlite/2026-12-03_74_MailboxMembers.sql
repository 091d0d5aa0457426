-- Team and shared mailboxes in the pane (issue 20): which users act for a connected team or help-desk mailbox.
-- Exchange keeps its own FullAccess / Send As grants, which Microsoft Graph does not expose; the CRM keeps this list,
-- set by an admin, and hands a member the ids of that mailbox's copies (reply from it, log from it). A personal
-- mailbox has no members: its owner is the user whose address (or Entra object id) it is.
CREATE TABLE mailbox_members (
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (mailbox_id, user_id)
);
CREATE INDEX ix_mailbox_members_user ON mailbox_members (account_id, user_id, mailbox_id);
