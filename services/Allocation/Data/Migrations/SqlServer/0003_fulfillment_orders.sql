-- Fulfillment orders from partners, their lines, and where each line's units were reserved. A line's
-- units are either allocated to FCs (order_allocations) or backordered; an allocation is shipped once.
CREATE TABLE allocation.orders (
    id                uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id         nvarchar(64)  NOT NULL,
    partner_order_id  nvarchar(64)  NULL,
    marketplace       nvarchar(2)   NOT NULL,
    ship_to_region    nvarchar(40)  NOT NULL,
    status            nvarchar(20)  NOT NULL,
    cancel_reason     nvarchar(200) NULL,
    correlation_id    uniqueidentifier NOT NULL,
    created_at        datetime2    NOT NULL,
    updated_at        datetime2    NOT NULL
);
CREATE UNIQUE INDEX ux_orders_partner_order ON allocation.orders (seller_id, partner_order_id) WHERE partner_order_id IS NOT NULL;
CREATE INDEX ix_orders_seller ON allocation.orders (seller_id, id);

CREATE TABLE allocation.order_lines (
    order_id         uniqueidentifier   NOT NULL,
    line_number      int            NOT NULL,
    fnsku            nvarchar(10)    NOT NULL,
    quantity         int            NOT NULL,
    unit_price       decimal(19,4)  NOT NULL,
    currency         nvarchar(3)     NOT NULL,
    backordered      int            NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (order_id, line_number),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0 AND backordered >= 0 AND backordered <= quantity)
);

CREATE TABLE allocation.order_allocations (
    order_id            uniqueidentifier NOT NULL,
    line_number         int          NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    quantity            int          NOT NULL,
    shipped_at          datetime2    NULL,
    CONSTRAINT pk_order_allocations PRIMARY KEY (order_id, line_number, fulfillment_center),
    CONSTRAINT ck_order_allocations_quantity CHECK (quantity > 0)
);
