-- Signed clientStates: the id of the server key that signed a subscription's clientState. NULL marks a subscription
-- made before states were signed; the keeper recreates those (and those of a rotated-out key) under the current key.
IF COL_LENGTH('dbo.graph_subscriptions', 'client_state_key') IS NULL
    ALTER TABLE dbo.graph_subscriptions ADD client_state_key NVARCHAR(16) NULL;

-- Housekeeping purges by age, each reading only what it deletes: finished inbox rows, old outcomes, expired intents.
IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_notification_inbox_finished' AND object_id = OBJECT_ID('dbo.notification_inbox'))
    CREATE INDEX ix_notification_inbox_finished ON dbo.notification_inbox (status, finished_at);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_message_outcomes_decided' AND object_id = OBJECT_ID('dbo.message_outcomes'))
    CREATE INDEX ix_message_outcomes_decided ON dbo.message_outcomes (decided_at);

IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_log_intents_expires' AND object_id = OBJECT_ID('dbo.log_intents'))
    CREATE INDEX ix_log_intents_expires ON dbo.log_intents (expires_at);
