-- Each seller Limits knows: its performance score and whether it stores more than its limits allow.
-- The row is locked while a reservation is decided, so two shipments never both take the last capacity.
CREATE TABLE limits.sellers (
    seller_id          nvarchar(64)  NOT NULL PRIMARY KEY,
    performance_score  int      NULL,
    score_computed_at  datetime2  NULL,
    over_limit         bit      NOT NULL,
    created_at         datetime2  NOT NULL
);

-- The capacity limit of each seller per storage type, in cubic feet.
CREATE TABLE limits.storage_limits (
    seller_id         nvarchar(64)    NOT NULL,
    storage_type      nvarchar(20)    NOT NULL,
    limit_cubic_feet  decimal(19,4)  NOT NULL,
    updated_at        datetime2    NOT NULL,
    CONSTRAINT pk_storage_limits PRIMARY KEY (seller_id, storage_type)
);

-- Registered items (from ItemRegistered): the storage type and volume of one unit; an item here has an active listing.
CREATE TABLE limits.items (
    seller_id        nvarchar(64)    NOT NULL,
    fnsku            nvarchar(10)    NOT NULL,
    storage_type     nvarchar(20)    NOT NULL,
    unit_cubic_feet  decimal(19,8)  NOT NULL,
    registered_at    datetime2    NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (seller_id, fnsku)
);

-- The latest ledger balance per (seller, FNSKU, FC) from StockChanged; the version keeps the newest when events cross.
CREATE TABLE limits.stock (
    seller_id           nvarchar(64)  NOT NULL,
    fnsku               nvarchar(10)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    on_hand             int      NOT NULL,
    available           int      NOT NULL,
    unfulfillable       int      NOT NULL,
    version             bigint       NOT NULL,
    updated_at          datetime2  NOT NULL,
    CONSTRAINT pk_stock PRIMARY KEY (seller_id, fnsku, fulfillment_center)
);

-- Daily snapshot of each (seller, FNSKU) over all FCs: the balance at the end of the day, for the KPI time series.
CREATE TABLE limits.stock_days (
    seller_id  nvarchar(64)  NOT NULL,
    fnsku      nvarchar(10)  NOT NULL,
    day        date         NOT NULL,
    on_hand    int      NOT NULL,
    available  int      NOT NULL,
    CONSTRAINT pk_stock_days PRIMARY KEY (seller_id, fnsku, day)
);

-- Capacity held for inbound shipments: open until the shipment is closed or cancelled.
CREATE TABLE limits.reservations (
    shipment_id         uniqueidentifier         NOT NULL PRIMARY KEY,
    reservation_id      uniqueidentifier         NOT NULL,
    seller_id           nvarchar(64)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    status              nvarchar(10)  NOT NULL,
    created_at          datetime2  NOT NULL,
    ended_at            datetime2  NULL
);
CREATE INDEX ix_reservations_seller_status ON limits.reservations (seller_id, status);

-- What each reservation holds per storage type, and how much of it has been received (then counted as stock instead).
CREATE TABLE limits.reservation_volumes (
    shipment_id          uniqueidentifier           NOT NULL,
    storage_type         nvarchar(20)    NOT NULL,
    reserved_cubic_feet  decimal(19,4)  NOT NULL,
    received_cubic_feet  decimal(19,4)  NOT NULL,
    CONSTRAINT pk_reservation_volumes PRIMARY KEY (shipment_id, storage_type)
);

-- Sales and service facts for the KPIs, one row per event.
CREATE TABLE limits.order_shipments (
    event_id            uniqueidentifier         NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)  NOT NULL,
    order_id            uniqueidentifier         NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    day                 date         NOT NULL,
    units               int      NOT NULL,
    hours_to_ship       float        NOT NULL
);
CREATE INDEX ix_order_shipments_seller_day ON limits.order_shipments (seller_id, day);

-- Units shipped per (seller, FNSKU, day): sales volume for limits and the sell-through of the KPIs.
CREATE TABLE limits.shipped_units (
    seller_id  nvarchar(64)  NOT NULL,
    fnsku      nvarchar(10)  NOT NULL,
    day        date         NOT NULL,
    units      int      NOT NULL,
    CONSTRAINT pk_shipped_units PRIMARY KEY (seller_id, fnsku, day)
);

CREATE TABLE limits.order_cancellations (
    seller_id  nvarchar(64)  NOT NULL,
    order_id   uniqueidentifier         NOT NULL,
    day        date         NOT NULL,
    CONSTRAINT pk_order_cancellations PRIMARY KEY (seller_id, order_id)
);

CREATE TABLE limits.defective_returns (
    event_id   uniqueidentifier         NOT NULL PRIMARY KEY,
    seller_id  nvarchar(64)  NOT NULL,
    return_id  uniqueidentifier         NOT NULL,
    fnsku      nvarchar(10)  NOT NULL,
    quantity   int      NOT NULL,
    day        date         NOT NULL
);
CREATE INDEX ix_defective_returns_seller_day ON limits.defective_returns (seller_id, day);

CREATE TABLE limits.inbound_closed (
    shipment_id         uniqueidentifier         NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    day                 date         NOT NULL,
    expected_units      int      NOT NULL,
    received_units      int      NOT NULL
);
CREATE INDEX ix_inbound_closed_seller_day ON limits.inbound_closed (seller_id, day);

-- The latest forecast per (seller, FNSKU): the demand that stock beyond it is excess against.
CREATE TABLE limits.forecasts (
    seller_id        nvarchar(64)  NOT NULL,
    fnsku            nvarchar(10)  NOT NULL,
    horizon_days     int      NOT NULL,
    total_units_p50  float        NOT NULL,
    forecast_at      datetime2  NOT NULL,
    CONSTRAINT pk_forecasts PRIMARY KEY (seller_id, fnsku)
);

-- The score of each seller per day, with its components, written by every recompute (the last of the day stays).
CREATE TABLE limits.score_history (
    seller_id          nvarchar(64)  NOT NULL,
    day                date         NOT NULL,
    performance_score  int      NOT NULL,
    excess_share       float        NOT NULL,
    sell_through_rate  float        NOT NULL,
    stranded_share     float        NOT NULL,
    in_stock_rate      float        NOT NULL,
    computed_at        datetime2  NOT NULL,
    CONSTRAINT pk_score_history PRIMARY KEY (seller_id, day)
);

-- Storage used beyond a limit, per day, with the fee charged for it.
CREATE TABLE limits.overages (
    seller_id           nvarchar(64)    NOT NULL,
    storage_type        nvarchar(20)    NOT NULL,
    day                 date           NOT NULL,
    limit_cubic_feet    decimal(19,4)  NOT NULL,
    used_cubic_feet     decimal(19,4)  NOT NULL,
    overage_cubic_feet  decimal(19,4)  NOT NULL,
    fee_amount          decimal(19,4)  NOT NULL,
    currency            nvarchar(3)     NOT NULL,
    recorded_at         datetime2    NOT NULL,
    CONSTRAINT pk_overages PRIMARY KEY (seller_id, storage_type, day)
);

-- When each scheduled job is next due; a replica runs a job only if it moves next_run_at forward first (a lease row).
CREATE TABLE limits.schedules (
    name         nvarchar(100)  NOT NULL PRIMARY KEY,
    next_run_at  datetime2   NOT NULL,
    claimed_by   nvarchar(200)  NULL
);

INSERT INTO limits.schedules (name, next_run_at, claimed_by) VALUES ('recompute', '2000-01-01T00:00:00', NULL);
