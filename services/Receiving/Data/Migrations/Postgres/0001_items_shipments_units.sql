CREATE TABLE receiving.items (
    fnsku           varchar(10)   NOT NULL PRIMARY KEY,
    seller_id       varchar(64)   NOT NULL,
    seller_sku      varchar(64)   NOT NULL,
    title           varchar(200)  NOT NULL,
    storage_type    varchar(20)   NOT NULL,
    length_cm       numeric(10,2) NOT NULL,
    width_cm        numeric(10,2) NOT NULL,
    height_cm       numeric(10,2) NOT NULL,
    weight_kg       numeric(10,3) NOT NULL,
    list_price      numeric(19,4) NOT NULL,
    currency        char(3)       NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT uq_items_seller_sku UNIQUE (seller_id, seller_sku)
);

CREATE TABLE receiving.shipments (
    id                  uuid         NOT NULL PRIMARY KEY,
    seller_id           varchar(64)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    status              varchar(20)  NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
CREATE INDEX ix_shipments_seller ON receiving.shipments (seller_id, id);

CREATE TABLE receiving.shipment_lines (
    shipment_id         uuid         NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    expected_units      integer      NOT NULL,
    case_pack           integer      NULL,
    received_sellable   integer      NOT NULL DEFAULT 0,
    received_damaged    integer      NOT NULL DEFAULT 0,
    CONSTRAINT pk_shipment_lines PRIMARY KEY (shipment_id, fnsku),
    CONSTRAINT fk_shipment_lines_shipment FOREIGN KEY (shipment_id) REFERENCES receiving.shipments (id)
);

CREATE TABLE receiving.units (
    unit_id             varchar(64)  NOT NULL PRIMARY KEY,
    seller_id           varchar(64)  NOT NULL,
    shipment_id         uuid         NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    condition           varchar(20)  NOT NULL,
    scanned_at          timestamptz  NOT NULL
);
CREATE INDEX ix_units_shipment ON receiving.units (shipment_id);
