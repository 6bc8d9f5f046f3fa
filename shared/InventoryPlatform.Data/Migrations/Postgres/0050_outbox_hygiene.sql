-- Outbox and inbox hygiene. A row that failed Messaging:Outbox:MaxAttempts publishes is parked (parked_at, with the
-- last error) so that it never holds back the rows behind it; an admin re-drives it. traceparent is the W3C trace
-- context active when the row was written, which the dispatcher continues around the publish. The indexes serve the
-- retention job's bounded deletes of sent outbox rows, inbox rows and idempotency keys past their windows.
ALTER TABLE $schema$.outbox ADD COLUMN parked_at timestamptz NULL;
ALTER TABLE $schema$.outbox ADD COLUMN last_error varchar(2000) NULL;
ALTER TABLE $schema$.outbox ADD COLUMN traceparent varchar(55) NULL;

DROP INDEX $schema$.ix_outbox_unsent;
CREATE INDEX ix_outbox_unsent ON $schema$.outbox (created_at) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX ix_outbox_parked ON $schema$.outbox (created_at) WHERE parked_at IS NOT NULL;
CREATE INDEX ix_outbox_sent ON $schema$.outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX ix_inbox_received ON $schema$.inbox (received_at);
CREATE INDEX ix_idempotency_keys_created ON $schema$.idempotency_keys (created_at);
