-- The admin console (issue 19): who signed in and when, and the indexes its audit filters read.

-- When the user was last seen and the app roles their token carried then (a comma-separated list, e.g.
-- "Crm.Admin,Crm.User"): written by the current-user path at most once every few minutes per user, never per request.
ALTER TABLE users ADD COLUMN last_seen_at TEXT NULL;
ALTER TABLE users ADD COLUMN last_roles TEXT NULL;

-- The legal-basis audit across the account, newest first, whole or filtered by event or acting user (the contact
-- filter has ix_communication_audit_contact already). account_id first: every query is one account's.
CREATE INDEX ix_communication_audit_account_time ON communication_audit (account_id, occurred_at, id);
CREATE INDEX ix_communication_audit_event ON communication_audit (account_id, event, occurred_at, id);
CREATE INDEX ix_communication_audit_actor ON communication_audit (account_id, actor_user_id, occurred_at, id);

-- The account audit filtered by action or by actor.
CREATE INDEX ix_account_audit_action ON account_audit (account_id, action, occurred_at, id);
CREATE INDEX ix_account_audit_actor ON account_audit (account_id, actor_user_id, occurred_at, id);
