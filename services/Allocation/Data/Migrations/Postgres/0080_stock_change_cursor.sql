-- Issue 25 (incremental sync): every balance row carries the id of the transaction that last wrote it, so that
-- GET /stock?changedSince= can hand out changes by a cursor that never misses a row committed out of order
-- (the argument is in StockChanges.cs). A trigger stamps it, so no write path can forget to.
ALTER TABLE allocation.stock_balances ADD COLUMN change_seq xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX ix_stock_balances_change ON allocation.stock_balances (seller_id, change_seq);

CREATE FUNCTION allocation.stamp_stock_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := pg_current_xact_id();
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_stock_balances_change BEFORE UPDATE ON allocation.stock_balances
    FOR EACH ROW EXECUTE FUNCTION allocation.stamp_stock_change();

-- The journal export reads a seller's movements by time.
CREATE INDEX ix_stock_movements_seller_time ON allocation.stock_movements (seller_id, occurred_at);
