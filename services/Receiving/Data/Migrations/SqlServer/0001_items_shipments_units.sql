CREATE TABLE receiving.items (
    fnsku           nvarchar(10)  NOT NULL PRIMARY KEY,
    seller_id       nvarchar(64)  NOT NULL,
    seller_sku      nvarchar(64)  NOT NULL,
    title           nvarchar(200) NOT NULL,
    storage_type    nvarchar(20)  NOT NULL,
    length_cm       decimal(10,2) NOT NULL,
    width_cm        decimal(10,2) NOT NULL,
    height_cm       decimal(10,2) NOT NULL,
    weight_kg       decimal(10,3) NOT NULL,
    list_price      decimal(19,4) NOT NULL,
    currency        nchar(3)      NOT NULL,
    created_at      datetime2     NOT NULL,
    updated_at      datetime2     NOT NULL,
    CONSTRAINT uq_items_seller_sku UNIQUE (seller_id, seller_sku)
);

CREATE TABLE receiving.shipments (
    id                  uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)     NOT NULL,
    fulfillment_center  nvarchar(10)     NOT NULL,
    status              nvarchar(20)     NOT NULL,
    created_at          datetime2        NOT NULL,
    updated_at          datetime2        NOT NULL
);
CREATE INDEX ix_shipments_seller ON receiving.shipments (seller_id, id);

CREATE TABLE receiving.shipment_lines (
    shipment_id         uniqueidentifier NOT NULL,
    fnsku               nvarchar(10)     NOT NULL,
    expected_units      int              NOT NULL,
    case_pack           int              NULL,
    received_sellable   int              NOT NULL DEFAULT 0,
    received_damaged    int              NOT NULL DEFAULT 0,
    CONSTRAINT pk_shipment_lines PRIMARY KEY (shipment_id, fnsku),
    CONSTRAINT fk_shipment_lines_shipment FOREIGN KEY (shipment_id) REFERENCES receiving.shipments (id)
);

CREATE TABLE receiving.units (
    unit_id             nvarchar(64)     NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)     NOT NULL,
    shipment_id         uniqueidentifier NOT NULL,
    fnsku               nvarchar(10)     NOT NULL,
    fulfillment_center  nvarchar(10)     NOT NULL,
    condition           nvarchar(20)     NOT NULL,
    scanned_at          datetime2        NOT NULL
);
CREATE INDEX ix_units_shipment ON receiving.units (shipment_id);
