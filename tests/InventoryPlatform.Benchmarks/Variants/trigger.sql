-- Variant for --alternate: the balance stamp as migration 0080 made it (a trigger on every update, the stamp indexed).
CREATE OR REPLACE FUNCTION allocation.stamp_stock_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER tr_stock_balances_change BEFORE UPDATE ON allocation.stock_balances
    FOR EACH ROW EXECUTE FUNCTION allocation.stamp_stock_change();
CREATE INDEX IF NOT EXISTS ix_stock_balances_change ON allocation.stock_balances (seller_id, change_seq);
