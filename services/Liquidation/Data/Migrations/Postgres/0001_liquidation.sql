-- What Liquidation knows of each item (from ItemRegistered): size, weight, storage type and list price.
CREATE TABLE liquidation.items (
    seller_id       varchar(64)    NOT NULL,
    fnsku           varchar(10)    NOT NULL,
    storage_type    varchar(20)    NOT NULL,
    length_cm       numeric(19,4)  NOT NULL,
    width_cm        numeric(19,4)  NOT NULL,
    height_cm       numeric(19,4)  NOT NULL,
    weight_kg       numeric(19,4)  NOT NULL,
    list_price      numeric(19,4)  NOT NULL,
    currency        varchar(3)     NOT NULL,
    updated_at      timestamptz    NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (seller_id, fnsku)
);

-- Units of one FNSKU at one FC that arrived together; ages start at received_at. Stock leaving takes the oldest first.
CREATE TABLE liquidation.inventory_lots (
    id                  uuid          NOT NULL PRIMARY KEY,
    seller_id           varchar(64)   NOT NULL,
    fnsku               varchar(10)   NOT NULL,
    fulfillment_center  varchar(10)   NOT NULL,
    stock_kind          varchar(20)   NOT NULL,
    received_at         timestamptz   NOT NULL,
    quantity_received   integer       NOT NULL,
    quantity_remaining  integer       NOT NULL,
    source              varchar(80)   NOT NULL,
    CONSTRAINT ck_inventory_lots_remaining CHECK (quantity_remaining >= 0 AND quantity_remaining <= quantity_received)
);
CREATE INDEX ix_inventory_lots_fifo ON liquidation.inventory_lots (seller_id, fnsku, fulfillment_center, stock_kind, received_at);

-- Units shipped per FNSKU and day: recent sales when no forecast exists, average selling price, last sale.
CREATE TABLE liquidation.sales_days (
    seller_id   varchar(64)    NOT NULL,
    fnsku       varchar(10)    NOT NULL,
    sale_date   date           NOT NULL,
    units       integer        NOT NULL,
    revenue     numeric(19,4)  NOT NULL,
    last_sale_at timestamptz   NOT NULL,
    CONSTRAINT pk_sales_days PRIMARY KEY (seller_id, fnsku, sale_date)
);

-- The newest DemandForecastUpdated per FNSKU.
CREATE TABLE liquidation.forecasts (
    seller_id        varchar(64)       NOT NULL,
    fnsku            varchar(10)       NOT NULL,
    forecast_from    date              NOT NULL,
    horizon_days     integer           NOT NULL,
    total_units_p50  double precision  NOT NULL,
    model            varchar(60)       NOT NULL,
    occurred_at      timestamptz       NOT NULL,
    CONSTRAINT pk_forecasts PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE liquidation.policies (
    seller_id             varchar(64)    NOT NULL PRIMARY KEY,
    mode                  varchar(20)    NOT NULL,
    max_markdown_percent  numeric(19,4)  NOT NULL,
    min_age_days          integer        NOT NULL,
    updated_at            timestamptz    NOT NULL
);

-- One current recommendation per (seller, FNSKU, stock kind) while undecided; decided ones stay as history.
CREATE TABLE liquidation.recommendations (
    id                 uuid           NOT NULL PRIMARY KEY,
    seller_id          varchar(64)    NOT NULL,
    fnsku              varchar(10)    NOT NULL,
    stock_kind         varchar(20)    NOT NULL,
    action             varchar(20)    NOT NULL,
    status             varchar(20)    NOT NULL,
    quantity           integer        NOT NULL,
    markdown_percent   numeric(19,4)  NULL,
    current_price      numeric(19,4)  NOT NULL,
    recommended_price  numeric(19,4)  NULL,
    currency           varchar(3)     NOT NULL,
    oldest_age_days    integer        NULL,
    expected_value     numeric(19,4)  NOT NULL,
    keep_value         numeric(19,4)  NOT NULL,
    options            text           NOT NULL,
    rationale          text           NOT NULL,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    decided_at         timestamptz    NULL,
    decided_by         varchar(20)    NULL,
    decision_note      varchar(500)   NULL,
    order_id           uuid           NULL
);
CREATE INDEX ix_recommendations_seller ON liquidation.recommendations (seller_id, id);
CREATE INDEX ix_recommendations_current ON liquidation.recommendations (seller_id, fnsku, stock_kind, status);

-- Liquidation, removal and disposal orders: Pending -> InProgress -> Completed, or Cancelled before completion.
CREATE TABLE liquidation.removal_orders (
    id                  uuid           NOT NULL PRIMARY KEY,
    seller_id           varchar(64)    NOT NULL,
    recommendation_id   uuid           NULL,
    fnsku               varchar(10)    NOT NULL,
    kind                varchar(20)    NOT NULL,
    status              varchar(20)    NOT NULL,
    from_unfulfillable  boolean        NOT NULL,
    quantity            integer        NOT NULL,
    expected_recovery   numeric(19,4)  NOT NULL,
    expected_fees       numeric(19,4)  NOT NULL,
    currency            varchar(3)     NOT NULL,
    correlation_id      uuid           NOT NULL,
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL,
    completed_at        timestamptz    NULL,
    cancel_reason       varchar(500)   NULL,
    CONSTRAINT ck_removal_orders_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_removal_orders_seller ON liquidation.removal_orders (seller_id, id);
CREATE UNIQUE INDEX ux_removal_orders_recommendation ON liquidation.removal_orders (recommendation_id) WHERE recommendation_id IS NOT NULL;

CREATE TABLE liquidation.removal_order_lines (
    order_id            uuid          NOT NULL,
    fulfillment_center  varchar(10)   NOT NULL,
    quantity            integer       NOT NULL,
    CONSTRAINT pk_removal_order_lines PRIMARY KEY (order_id, fulfillment_center),
    CONSTRAINT fk_removal_order_lines_order FOREIGN KEY (order_id) REFERENCES liquidation.removal_orders (id),
    CONSTRAINT ck_removal_order_lines_quantity CHECK (quantity > 0)
);

-- Leases of scheduled jobs: the replica whose update moves lease_until forward runs the job; the others skip it.
CREATE TABLE liquidation.job_leases (
    name         varchar(60)   NOT NULL PRIMARY KEY,
    holder       varchar(200)  NULL,
    lease_until  timestamptz   NOT NULL
);
INSERT INTO liquidation.job_leases (name, holder, lease_until) VALUES ('recommendation-refresh', NULL, '2000-01-01T00:00:00Z');
