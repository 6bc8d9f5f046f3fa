-- The stock ledger: one balance row per (seller, FNSKU, FC), and the append-only journal of every
-- movement that made it. The balance is the sum of the journal; a test checks they agree.
CREATE TABLE allocation.stock_balances (
    seller_id           nvarchar(64)  NOT NULL,
    fnsku               nvarchar(10)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    on_hand             int           NOT NULL DEFAULT 0,
    reserved            int           NOT NULL DEFAULT 0,
    inbound             int           NOT NULL DEFAULT 0,
    in_transit          int           NOT NULL DEFAULT 0,
    unfulfillable       int           NOT NULL DEFAULT 0,
    version             bigint        NOT NULL DEFAULT 0,
    updated_at          datetime2     NOT NULL,
    CONSTRAINT pk_stock_balances PRIMARY KEY (seller_id, fnsku, fulfillment_center),
    CONSTRAINT ck_stock_balances_non_negative CHECK (on_hand >= 0 AND reserved >= 0 AND inbound >= 0 AND in_transit >= 0 AND unfulfillable >= 0),
    CONSTRAINT ck_stock_balances_reserved CHECK (reserved <= on_hand)
);

CREATE TABLE allocation.stock_movements (
    id                  uniqueidentifier NOT NULL PRIMARY KEY NONCLUSTERED,
    seller_id           nvarchar(64)     NOT NULL,
    fnsku               nvarchar(10)     NOT NULL,
    fulfillment_center  nvarchar(10)     NOT NULL,
    bucket              nvarchar(20)     NOT NULL,
    quantity            int              NOT NULL,
    reason              nvarchar(40)     NOT NULL,
    source_id           nvarchar(100)    NOT NULL,
    occurred_at         datetime2        NOT NULL
);
CREATE CLUSTERED INDEX ix_stock_movements_balance ON allocation.stock_movements (seller_id, fnsku, fulfillment_center, occurred_at);
