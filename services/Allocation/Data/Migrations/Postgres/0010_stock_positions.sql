-- Issue 22: the positions the ledger was missing. pending_removal is the part of on hand a removal order holds; what is
-- reserved for orders and held for removal together never exceed on hand.
ALTER TABLE allocation.stock_balances
    ADD COLUMN pending_removal integer NOT NULL DEFAULT 0,
    DROP CONSTRAINT ck_stock_balances_reserved,
    ADD CONSTRAINT ck_stock_balances_held CHECK (pending_removal >= 0 AND reserved + pending_removal <= on_hand);

-- What the ledger counted for each inbound shipment, so that its events post inbound correctly in any order and once:
-- a line's outstanding inbound is expected - received while the shipment is shipped and not yet closed or cancelled.
CREATE TABLE allocation.inbound_shipments (
    shipment_id         uuid         NOT NULL PRIMARY KEY,
    seller_id           varchar(64)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    shipped             boolean      NOT NULL,
    closed              boolean      NOT NULL,
    updated_at          timestamptz  NOT NULL
);

CREATE TABLE allocation.inbound_shipment_lines (
    shipment_id  uuid         NOT NULL,
    fnsku        varchar(10)  NOT NULL,
    expected     integer      NOT NULL,
    received     integer      NOT NULL,
    CONSTRAINT pk_inbound_shipment_lines PRIMARY KEY (shipment_id, fnsku),
    CONSTRAINT ck_inbound_shipment_lines CHECK (expected >= 0 AND received >= 0)
);

-- The units each removal order holds at each FC (pending removal) until it completes or is cancelled (closed).
CREATE TABLE allocation.removal_holds (
    removal_order_id    uuid         NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    held                integer      NOT NULL,
    closed              boolean      NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT pk_removal_holds PRIMARY KEY (removal_order_id, fulfillment_center),
    CONSTRAINT ck_removal_holds_held CHECK (held >= 0)
);

-- Backordered lines, found by FNSKU when stock arrives.
CREATE INDEX ix_order_lines_backordered ON allocation.order_lines (fnsku, order_id) WHERE backordered > 0;
