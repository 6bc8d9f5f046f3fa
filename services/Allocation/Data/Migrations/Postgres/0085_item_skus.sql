-- Issue 25 (stock by seller SKU): Allocation learns each FNSKU's seller SKU from Receiving's ItemRegistered, so that
-- GET /stock?sellerSku= can answer without asking Receiving. A seller SKU keeps its FNSKU, so a later event only repeats it.
CREATE TABLE allocation.item_skus (
    seller_id      varchar(64)  NOT NULL,
    fnsku          varchar(10)  NOT NULL,
    seller_sku     varchar(64)  NOT NULL,
    registered_at  timestamptz  NOT NULL,
    CONSTRAINT pk_item_skus PRIMARY KEY (seller_id, fnsku)
);
CREATE INDEX ix_item_skus_sku ON allocation.item_skus (seller_id, seller_sku);
