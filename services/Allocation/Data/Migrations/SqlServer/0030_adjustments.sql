-- Adjustments FC operators' counts made to the ledger: the count, what the ledger held, the signed difference and why.
-- Each has its journal row in stock_movements (source "adjustment:<id>").
CREATE TABLE allocation.adjustments (
    id                  uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)  NOT NULL,
    fnsku               nvarchar(10)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    bin                 nvarchar(32)  NULL,
    counted_units       int           NOT NULL,
    previous_on_hand    int           NOT NULL,
    quantity            int           NOT NULL,
    reason              nvarchar(30)  NOT NULL,
    counted_by          nvarchar(64)  NOT NULL,
    correlation_id      uniqueidentifier NOT NULL,
    occurred_at         datetime2     NOT NULL,
    CONSTRAINT ck_adjustments_quantity CHECK (quantity <> 0)
);
CREATE INDEX ix_adjustments_seller ON allocation.adjustments (seller_id, id);
