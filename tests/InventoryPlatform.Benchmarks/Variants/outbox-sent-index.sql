-- Variant for --alternate: Allocation's outbox as migrated (the retention purge's index on sent rows in place).
CREATE INDEX IF NOT EXISTS ix_outbox_sent ON allocation.outbox (sent_at) WHERE sent_at IS NOT NULL;
