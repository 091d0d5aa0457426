-- The admin console (issue 19): who signed in and when, and the indexes its audit filters read.

-- When the user was last seen and the app roles their token carried then (a comma-separated list, e.g.
-- "Crm.Admin,Crm.User"): written by the current-user path at most once every few minutes per user, never per request.
IF COL_LENGTH('dbo.users', 'last_seen_at') IS NULL
    ALTER TABLE dbo.users ADD last_seen_at DATETIMEOFFSET NULL, last_roles NVARCHAR(256) NULL;

-- The legal-basis audit across the account, newest first, whole or filtered by event or acting user (the contact
-- filter has ix_communication_audit_contact already). account_id first: every query is one account's.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_communication_audit_account_time' AND object_id = OBJECT_ID('dbo.communication_audit'))
    CREATE INDEX ix_communication_audit_account_time ON dbo.communication_audit (account_id, occurred_at, id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_communication_audit_event' AND object_id = OBJECT_ID('dbo.communication_audit'))
    CREATE INDEX ix_communication_audit_event ON dbo.communication_audit (account_id, event, occurred_at, id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_communication_audit_actor' AND object_id = OBJECT_ID('dbo.communication_audit'))
    CREATE INDEX ix_communication_audit_actor ON dbo.communication_audit (account_id, actor_user_id, occurred_at, id);

-- The account audit filtered by action or by actor.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_account_audit_action' AND object_id = OBJECT_ID('dbo.account_audit'))
    CREATE INDEX ix_account_audit_action ON dbo.account_audit (account_id, action, occurred_at, id);
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_account_audit_actor' AND object_id = OBJECT_ID('dbo.account_audit'))
    CREATE INDEX ix_account_audit_actor ON dbo.account_audit (account_id, actor_user_id, occurred_at, id);
