-- Issue 25 (incremental sync): a rowversion changes on every write of a balance row; with MIN_ACTIVE_ROWVERSION()
-- GET /stock?changedSince= hands out changes by a cursor that never misses a row committed out of order
-- (the argument is in StockChanges.cs).
ALTER TABLE allocation.stock_balances ADD change_seq rowversion NOT NULL;
CREATE INDEX ix_stock_balances_change ON allocation.stock_balances (seller_id, change_seq);

-- The journal export reads a seller's movements by time.
CREATE INDEX ix_stock_movements_seller_time ON allocation.stock_movements (seller_id, occurred_at);
