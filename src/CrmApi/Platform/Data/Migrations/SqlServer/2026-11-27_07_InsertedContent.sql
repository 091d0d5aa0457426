-- What the rep inserted from the content library ("Template: Pricing", "Quote: 200 seats"): registered with the log
-- intent, kept on the logged email (kind and name as they were, JSON), shown on the timeline.

IF COL_LENGTH('dbo.log_intents', 'inserted') IS NULL
    ALTER TABLE dbo.log_intents ADD inserted NVARCHAR(MAX) NULL;

IF COL_LENGTH('dbo.emails', 'inserted') IS NULL
    ALTER TABLE dbo.emails ADD inserted NVARCHAR(MAX) NULL;
