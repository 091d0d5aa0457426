-- Signed clientStates: the id of the server key that signed a subscription's clientState. NULL marks a subscription
-- made before states were signed; the keeper recreates those (and those of a rotated-out key) under the current key.
ALTER TABLE graph_subscriptions ADD COLUMN client_state_key TEXT NULL;

-- Housekeeping purges by age, each reading only what it deletes: finished inbox rows, old outcomes, expired intents.
CREATE INDEX ix_notification_inbox_finished ON notification_inbox (status, finished_at);
CREATE INDEX ix_message_outcomes_decided ON message_outcomes (decided_at);
CREATE INDEX ix_log_intents_expires ON log_intents (expires_at);
