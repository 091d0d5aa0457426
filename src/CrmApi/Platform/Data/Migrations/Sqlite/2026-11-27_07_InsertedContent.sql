-- What the rep inserted from the content library ("Template: Pricing", "Quote: 200 seats"): registered with the log
-- intent, kept on the logged email (kind and name as they were, JSON), shown on the timeline.

ALTER TABLE log_intents ADD COLUMN inserted TEXT NULL;
ALTER TABLE emails ADD COLUMN inserted TEXT NULL;
