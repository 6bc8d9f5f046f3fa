-- Variant for --alternate: neither the stamping trigger nor the stamp index (the tree before changedSince).
DROP TRIGGER IF EXISTS tr_stock_balances_change ON allocation.stock_balances;
DROP INDEX IF EXISTS allocation.ix_stock_balances_change;
