-- The first real tenant (issue 18): a mailbox is named in Graph by its user's object id or UPN, which may differ from
-- its SMTP address; connecting answers at once and the first sync is a job with its progress; a connection that did
-- not finish (the process stopped half-way) is told apart from a finished one so that a retry can replace it.
ALTER TABLE mailboxes ADD COLUMN graph_user_id TEXT NULL;
ALTER TABLE mailboxes ADD COLUMN connect_state TEXT NOT NULL DEFAULT 'connected';

-- A long job (a first sync, a history import) runs a few delta pages at a time: where it stands and what it queued.
ALTER TABLE mailbox_jobs ADD COLUMN resume_link TEXT NULL;
ALTER TABLE mailbox_jobs ADD COLUMN since TEXT NULL;
ALTER TABLE mailbox_jobs ADD COLUMN items_queued INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_mailbox_jobs_mailbox_kind ON mailbox_jobs (mailbox_id, kind, created_at);
