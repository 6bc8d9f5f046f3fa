-- Stock moved between FCs: it leaves the source's on hand when requested, is in transit at the destination until
-- received there, then on hand at the destination.
CREATE TABLE allocation.transfers (
    id                      uuid         NOT NULL PRIMARY KEY,
    seller_id               varchar(64)  NOT NULL,
    fnsku                   varchar(10)  NOT NULL,
    from_fulfillment_center varchar(10)  NOT NULL,
    to_fulfillment_center   varchar(10)  NOT NULL,
    quantity                integer      NOT NULL,
    status                  varchar(20)  NOT NULL,
    origin                  varchar(20)  NOT NULL,
    correlation_id          uuid         NOT NULL,
    requested_at            timestamptz  NOT NULL,
    received_at             timestamptz  NULL,
    CONSTRAINT ck_transfers_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_transfers_seller ON allocation.transfers (seller_id, id);
