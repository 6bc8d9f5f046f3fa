-- Fulfillment orders from partners, their lines, and where each line's units were reserved. A line's
-- units are either allocated to FCs (order_allocations) or backordered; an allocation is shipped once.
CREATE TABLE allocation.orders (
    id                uuid         NOT NULL PRIMARY KEY,
    seller_id         varchar(64)  NOT NULL,
    partner_order_id  varchar(64)  NULL,
    marketplace       varchar(2)   NOT NULL,
    ship_to_region    varchar(40)  NOT NULL,
    status            varchar(20)  NOT NULL,
    cancel_reason     varchar(200) NULL,
    correlation_id    uuid         NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
CREATE UNIQUE INDEX ux_orders_partner_order ON allocation.orders (seller_id, partner_order_id) WHERE partner_order_id IS NOT NULL;
CREATE INDEX ix_orders_seller ON allocation.orders (seller_id, id);

CREATE TABLE allocation.order_lines (
    order_id         uuid           NOT NULL,
    line_number      integer        NOT NULL,
    fnsku            varchar(10)    NOT NULL,
    quantity         integer        NOT NULL,
    unit_price       numeric(19,4)  NOT NULL,
    currency         varchar(3)     NOT NULL,
    backordered      integer        NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (order_id, line_number),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0 AND backordered >= 0 AND backordered <= quantity)
);

CREATE TABLE allocation.order_allocations (
    order_id            uuid         NOT NULL,
    line_number         integer      NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    quantity            integer      NOT NULL,
    shipped_at          timestamptz  NULL,
    CONSTRAINT pk_order_allocations PRIMARY KEY (order_id, line_number, fulfillment_center),
    CONSTRAINT ck_order_allocations_quantity CHECK (quantity > 0)
);
