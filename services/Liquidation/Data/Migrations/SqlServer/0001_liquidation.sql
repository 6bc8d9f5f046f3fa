-- What Liquidation knows of each item (from ItemRegistered): size, weight, storage type and list price.
CREATE TABLE liquidation.items (
    seller_id       nvarchar(64)    NOT NULL,
    fnsku           nvarchar(10)    NOT NULL,
    storage_type    nvarchar(20)    NOT NULL,
    length_cm       decimal(19,4)  NOT NULL,
    width_cm        decimal(19,4)  NOT NULL,
    height_cm       decimal(19,4)  NOT NULL,
    weight_kg       decimal(19,4)  NOT NULL,
    list_price      decimal(19,4)  NOT NULL,
    currency        nvarchar(3)     NOT NULL,
    updated_at      datetime2    NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (seller_id, fnsku)
);

-- Units of one FNSKU at one FC that arrived together; ages start at received_at. Stock leaving takes the oldest first.
CREATE TABLE liquidation.inventory_lots (
    id                  uniqueidentifier          NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)   NOT NULL,
    fnsku               nvarchar(10)   NOT NULL,
    fulfillment_center  nvarchar(10)   NOT NULL,
    stock_kind          nvarchar(20)   NOT NULL,
    received_at         datetime2   NOT NULL,
    quantity_received   int       NOT NULL,
    quantity_remaining  int       NOT NULL,
    source              nvarchar(80)   NOT NULL,
    CONSTRAINT ck_inventory_lots_remaining CHECK (quantity_remaining >= 0 AND quantity_remaining <= quantity_received)
);
CREATE INDEX ix_inventory_lots_fifo ON liquidation.inventory_lots (seller_id, fnsku, fulfillment_center, stock_kind, received_at);

-- Units shipped per FNSKU and day: recent sales when no forecast exists, average selling price, last sale.
CREATE TABLE liquidation.sales_days (
    seller_id   nvarchar(64)    NOT NULL,
    fnsku       nvarchar(10)    NOT NULL,
    sale_date   date           NOT NULL,
    units       int        NOT NULL,
    revenue     decimal(19,4)  NOT NULL,
    last_sale_at datetime2   NOT NULL,
    CONSTRAINT pk_sales_days PRIMARY KEY (seller_id, fnsku, sale_date)
);

-- The newest DemandForecastUpdated per FNSKU.
CREATE TABLE liquidation.forecasts (
    seller_id        nvarchar(64)       NOT NULL,
    fnsku            nvarchar(10)       NOT NULL,
    forecast_from    date              NOT NULL,
    horizon_days     int           NOT NULL,
    total_units_p50  float  NOT NULL,
    model            nvarchar(60)       NOT NULL,
    occurred_at      datetime2       NOT NULL,
    CONSTRAINT pk_forecasts PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE liquidation.policies (
    seller_id             nvarchar(64)    NOT NULL PRIMARY KEY,
    mode                  nvarchar(20)    NOT NULL,
    max_markdown_percent  decimal(19,4)  NOT NULL,
    min_age_days          int        NOT NULL,
    updated_at            datetime2    NOT NULL
);

-- One current recommendation per (seller, FNSKU, stock kind) while undecided; decided ones stay as history.
CREATE TABLE liquidation.recommendations (
    id                 uniqueidentifier           NOT NULL PRIMARY KEY,
    seller_id          nvarchar(64)    NOT NULL,
    fnsku              nvarchar(10)    NOT NULL,
    stock_kind         nvarchar(20)    NOT NULL,
    action             nvarchar(20)    NOT NULL,
    status             nvarchar(20)    NOT NULL,
    quantity           int        NOT NULL,
    markdown_percent   decimal(19,4)  NULL,
    current_price      decimal(19,4)  NOT NULL,
    recommended_price  decimal(19,4)  NULL,
    currency           nvarchar(3)     NOT NULL,
    oldest_age_days    int        NULL,
    expected_value     decimal(19,4)  NOT NULL,
    keep_value         decimal(19,4)  NOT NULL,
    options            nvarchar(max)           NOT NULL,
    rationale          nvarchar(max)           NOT NULL,
    created_at         datetime2    NOT NULL,
    updated_at         datetime2    NOT NULL,
    decided_at         datetime2    NULL,
    decided_by         nvarchar(20)    NULL,
    decision_note      nvarchar(500)   NULL,
    order_id           uniqueidentifier           NULL
);
CREATE INDEX ix_recommendations_seller ON liquidation.recommendations (seller_id, id);
CREATE INDEX ix_recommendations_current ON liquidation.recommendations (seller_id, fnsku, stock_kind, status);

-- Liquidation, removal and disposal orders: Pending -> InProgress -> Completed, or Cancelled before completion.
CREATE TABLE liquidation.removal_orders (
    id                  uniqueidentifier           NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)    NOT NULL,
    recommendation_id   uniqueidentifier           NULL,
    fnsku               nvarchar(10)    NOT NULL,
    kind                nvarchar(20)    NOT NULL,
    status              nvarchar(20)    NOT NULL,
    from_unfulfillable  bit        NOT NULL,
    quantity            int        NOT NULL,
    expected_recovery   decimal(19,4)  NOT NULL,
    expected_fees       decimal(19,4)  NOT NULL,
    currency            nvarchar(3)     NOT NULL,
    correlation_id      uniqueidentifier           NOT NULL,
    created_at          datetime2    NOT NULL,
    updated_at          datetime2    NOT NULL,
    completed_at        datetime2    NULL,
    cancel_reason       nvarchar(500)   NULL,
    CONSTRAINT ck_removal_orders_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_removal_orders_seller ON liquidation.removal_orders (seller_id, id);
CREATE UNIQUE INDEX ux_removal_orders_recommendation ON liquidation.removal_orders (recommendation_id) WHERE recommendation_id IS NOT NULL;

CREATE TABLE liquidation.removal_order_lines (
    order_id            uniqueidentifier          NOT NULL,
    fulfillment_center  nvarchar(10)   NOT NULL,
    quantity            int       NOT NULL,
    CONSTRAINT pk_removal_order_lines PRIMARY KEY (order_id, fulfillment_center),
    CONSTRAINT fk_removal_order_lines_order FOREIGN KEY (order_id) REFERENCES liquidation.removal_orders (id),
    CONSTRAINT ck_removal_order_lines_quantity CHECK (quantity > 0)
);

-- Leases of scheduled jobs: the replica whose update moves lease_until forward runs the job; the others skip it.
CREATE TABLE liquidation.job_leases (
    name         nvarchar(60)   NOT NULL PRIMARY KEY,
    holder       nvarchar(200)  NULL,
    lease_until  datetime2   NOT NULL
);
INSERT INTO liquidation.job_leases (name, holder, lease_until) VALUES ('recommendation-refresh', NULL, '2000-01-01T00:00:00');
