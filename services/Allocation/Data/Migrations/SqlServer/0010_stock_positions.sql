-- Issue 22: the positions the ledger was missing. pending_removal is the part of on hand a removal order holds; what is
-- reserved for orders and held for removal together never exceed on hand.
ALTER TABLE allocation.stock_balances DROP CONSTRAINT ck_stock_balances_reserved;
ALTER TABLE allocation.stock_balances ADD
    pending_removal int NOT NULL CONSTRAINT df_stock_balances_pending_removal DEFAULT 0,
    CONSTRAINT ck_stock_balances_held CHECK (pending_removal >= 0 AND reserved + pending_removal <= on_hand);

-- What the ledger counted for each inbound shipment, so that its events post inbound correctly in any order and once:
-- a line's outstanding inbound is expected - received while the shipment is shipped and not yet closed or cancelled.
CREATE TABLE allocation.inbound_shipments (
    shipment_id         uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)     NOT NULL,
    fulfillment_center  nvarchar(10)     NOT NULL,
    shipped             bit              NOT NULL,
    closed              bit              NOT NULL,
    updated_at          datetime2        NOT NULL
);

CREATE TABLE allocation.inbound_shipment_lines (
    shipment_id  uniqueidentifier NOT NULL,
    fnsku        nvarchar(10)     NOT NULL,
    expected     int              NOT NULL,
    received     int              NOT NULL,
    CONSTRAINT pk_inbound_shipment_lines PRIMARY KEY (shipment_id, fnsku),
    CONSTRAINT ck_inbound_shipment_lines CHECK (expected >= 0 AND received >= 0)
);

-- The units each removal order holds at each FC (pending removal) until it completes or is cancelled (closed).
CREATE TABLE allocation.removal_holds (
    removal_order_id    uniqueidentifier NOT NULL,
    fulfillment_center  nvarchar(10)     NOT NULL,
    seller_id           nvarchar(64)     NOT NULL,
    fnsku               nvarchar(10)     NOT NULL,
    held                int              NOT NULL,
    closed              bit              NOT NULL,
    updated_at          datetime2        NOT NULL,
    CONSTRAINT pk_removal_holds PRIMARY KEY (removal_order_id, fulfillment_center),
    CONSTRAINT ck_removal_holds_held CHECK (held >= 0)
);

-- Backordered lines, found by FNSKU when stock arrives.
CREATE INDEX ix_order_lines_backordered ON allocation.order_lines (fnsku, order_id) WHERE backordered > 0;
