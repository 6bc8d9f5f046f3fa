-- Adjustments FC operators' counts made to the ledger: the count, what the ledger held, the signed difference and why.
-- Each has its journal row in stock_movements (source "adjustment:<id>").
CREATE TABLE allocation.adjustments (
    id                  uuid         NOT NULL PRIMARY KEY,
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    bin                 varchar(32)  NULL,
    counted_units       integer      NOT NULL,
    previous_on_hand    integer      NOT NULL,
    quantity            integer      NOT NULL,
    reason              varchar(30)  NOT NULL,
    counted_by          varchar(64)  NOT NULL,
    correlation_id      uuid         NOT NULL,
    occurred_at         timestamptz  NOT NULL,
    CONSTRAINT ck_adjustments_quantity CHECK (quantity <> 0)
);
CREATE INDEX ix_adjustments_seller ON allocation.adjustments (seller_id, id);
