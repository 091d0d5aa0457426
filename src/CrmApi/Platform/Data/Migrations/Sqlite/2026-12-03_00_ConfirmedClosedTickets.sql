-- The ticket rule of the send check counts open tickets only, unless the rep said the email concerns a closed one:
-- the pane registers that with the log intent (a JSON array of ticket ids), so Outlook's on-send handler, which knows
-- only the item's tracking id, gets the same answer as the pane.

ALTER TABLE log_intents ADD COLUMN confirmed_closed_tickets TEXT NULL;
