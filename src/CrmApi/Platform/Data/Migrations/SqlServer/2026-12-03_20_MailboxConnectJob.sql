-- The first real tenant (issue 18): a mailbox is named in Graph by its user's object id or UPN, which may differ from
-- its SMTP address; connecting answers at once and the first sync is a job with its progress; a connection that did
-- not finish (the process stopped half-way) is told apart from a finished one so that a retry can replace it.
IF COL_LENGTH('dbo.mailboxes', 'graph_user_id') IS NULL
    ALTER TABLE dbo.mailboxes ADD graph_user_id NVARCHAR(320) NULL,
        connect_state NVARCHAR(16) NOT NULL CONSTRAINT df_mailboxes_connect_state DEFAULT 'connected';

-- A long job (a first sync, a history import) runs a few delta pages at a time: where it stands and what it queued.
IF COL_LENGTH('dbo.mailbox_jobs', 'resume_link') IS NULL
    ALTER TABLE dbo.mailbox_jobs ADD resume_link NVARCHAR(MAX) NULL, since DATETIMEOFFSET NULL,
        items_queued INT NOT NULL CONSTRAINT df_mailbox_jobs_items_queued DEFAULT 0;

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_mailbox_jobs_mailbox_kind')
    CREATE INDEX ix_mailbox_jobs_mailbox_kind ON dbo.mailbox_jobs (mailbox_id, kind, created_at);
