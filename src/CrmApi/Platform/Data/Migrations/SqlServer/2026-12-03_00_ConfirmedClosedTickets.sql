-- The ticket rule of the send check counts open tickets only, unless the rep said the email concerns a closed one:
-- the pane registers that with the log intent (a JSON array of ticket ids), so Outlook's on-send handler, which knows
-- only the item's tracking id, gets the same answer as the pane.

IF COL_LENGTH('dbo.log_intents', 'confirmed_closed_tickets') IS NULL
    ALTER TABLE dbo.log_intents ADD confirmed_closed_tickets NVARCHAR(MAX) NULL;
