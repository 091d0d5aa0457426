-- The W3C traceparent of the webhook request that queued a notification: the worker's span continues that trace, so
-- one trace runs from Graph's POST through the Graph read to the stored email (OpenTelemetry, issue 19). NULL when
-- nothing traced the intake (telemetry off) or for a catch-up's finds.
ALTER TABLE notification_inbox ADD COLUMN trace_parent TEXT NULL;
