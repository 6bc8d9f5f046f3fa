-- Variant for --alternate: no stamping trigger (the stamp column never changes), the stamp index kept.
DROP TRIGGER IF EXISTS tr_stock_balances_change ON allocation.stock_balances;
CREATE INDEX IF NOT EXISTS ix_stock_balances_change ON allocation.stock_balances (seller_id, change_seq);
