-- Variant for --alternate: Allocation's outbox without the retention purge's index on sent rows, to price what marking
-- a row sent costs in index upkeep (the update of sent_at is never HOT while an index predicate names it).
DROP INDEX IF EXISTS allocation.ix_outbox_sent;
