-- Stock moved between FCs: it leaves the source's on hand when requested, is in transit at the destination until
-- received there, then on hand at the destination.
CREATE TABLE allocation.transfers (
    id                      uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id               nvarchar(64)  NOT NULL,
    fnsku                   nvarchar(10)  NOT NULL,
    from_fulfillment_center nvarchar(10)  NOT NULL,
    to_fulfillment_center   nvarchar(10)  NOT NULL,
    quantity                int          NOT NULL,
    status                  nvarchar(20)  NOT NULL,
    origin                  nvarchar(20)  NOT NULL,
    correlation_id          uniqueidentifier NOT NULL,
    requested_at            datetime2    NOT NULL,
    received_at             datetime2    NULL,
    CONSTRAINT ck_transfers_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_transfers_seller ON allocation.transfers (seller_id, id);
