-- The FNSKUs Forecasting knows for a seller (from shipped orders, imports or stock changes), the marketplace whose
-- holidays apply to it, and whether its restock alert is armed (re-armed once stock is back above the reorder point).
CREATE TABLE forecasting.items (
    seller_id       varchar(64)  NOT NULL,
    fnsku           varchar(10)  NOT NULL,
    marketplace     varchar(10)  NOT NULL,
    alert_armed     boolean      NOT NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (seller_id, fnsku)
);

-- Units sold per day and ship-to region.
CREATE TABLE forecasting.daily_sales (
    seller_id   varchar(64)  NOT NULL,
    fnsku       varchar(10)  NOT NULL,
    region      varchar(40)  NOT NULL,
    sales_date  date         NOT NULL,
    units       integer      NOT NULL,
    CONSTRAINT pk_daily_sales PRIMARY KEY (seller_id, fnsku, region, sales_date)
);

-- The latest balance per FC from Allocation's StockChanged (newest version wins).
CREATE TABLE forecasting.stock (
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    available           integer      NOT NULL,
    inbound             integer      NOT NULL,
    version             bigint       NOT NULL,
    CONSTRAINT pk_stock PRIMARY KEY (seller_id, fnsku, fulfillment_center)
);

CREATE TABLE forecasting.holidays (
    seller_id     varchar(64)   NOT NULL,
    marketplace   varchar(10)   NOT NULL,
    holiday_date  date          NOT NULL,
    name          varchar(100)  NOT NULL,
    CONSTRAINT pk_holidays PRIMARY KEY (seller_id, marketplace, holiday_date)
);

CREATE TABLE forecasting.promotions (
    id                uuid          NOT NULL,
    seller_id         varchar(64)   NOT NULL,
    fnsku             varchar(10)   NOT NULL,
    starts_on         date          NOT NULL,
    ends_on           date          NOT NULL,
    discount_percent  numeric(5,2)  NOT NULL,
    featured          boolean       NOT NULL,
    created_at        timestamptz   NOT NULL,
    CONSTRAINT pk_promotions PRIMARY KEY (id)
);
CREATE INDEX ix_promotions_seller ON forecasting.promotions (seller_id, fnsku);

CREATE TABLE forecasting.replenishment_settings (
    seller_id               varchar(64)   NOT NULL,
    fnsku                   varchar(10)   NOT NULL,
    lead_time_days          integer       NOT NULL,
    review_period_days      integer       NOT NULL,
    minimum_order_quantity  integer       NOT NULL,
    case_pack               integer       NOT NULL,
    service_level           numeric(5,4)  NOT NULL,
    updated_at              timestamptz   NOT NULL,
    CONSTRAINT pk_replenishment_settings PRIMARY KEY (seller_id, fnsku)
);

-- The latest forecast per (FNSKU, region), one row per day, and the model that made it with every candidate's backtest.
CREATE TABLE forecasting.forecast_days (
    seller_id      varchar(64)  NOT NULL,
    fnsku          varchar(10)  NOT NULL,
    region         varchar(40)  NOT NULL,
    forecast_date  date         NOT NULL,
    p10            float        NOT NULL,
    p50            float        NOT NULL,
    p90            float        NOT NULL,
    CONSTRAINT pk_forecast_days PRIMARY KEY (seller_id, fnsku, region, forecast_date)
);

CREATE TABLE forecasting.forecast_models (
    seller_id   varchar(64)  NOT NULL,
    fnsku       varchar(10)  NOT NULL,
    region      varchar(40)  NOT NULL,
    model       varchar(40)  NOT NULL,
    candidates  text         NOT NULL,
    made_at     timestamptz  NOT NULL,
    CONSTRAINT pk_forecast_models PRIMARY KEY (seller_id, fnsku, region)
);

-- The FNSKU-total P50 of each day as last forecast before that day came: compared with actual sales for accuracy.
CREATE TABLE forecasting.forecast_track (
    seller_id      varchar(64)  NOT NULL,
    fnsku          varchar(10)  NOT NULL,
    forecast_date  date         NOT NULL,
    p50            float        NOT NULL,
    CONSTRAINT pk_forecast_track PRIMARY KEY (seller_id, fnsku, forecast_date)
);

CREATE TABLE forecasting.accuracy (
    seller_id    varchar(64)  NOT NULL,
    fnsku        varchar(10)  NOT NULL,
    mape         float        NULL,
    wape         float        NULL,
    bias         float        NULL,
    days         integer      NOT NULL,
    measured_at  timestamptz  NOT NULL,
    CONSTRAINT pk_accuracy PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE forecasting.recommendations (
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    available           integer      NOT NULL,
    inbound             integer      NOT NULL,
    lead_time_demand    float        NOT NULL,
    safety_stock        integer      NOT NULL,
    reorder_point       integer      NOT NULL,
    order_up_to_level   integer      NOT NULL,
    recommended_units   integer      NOT NULL,
    days_of_supply      float        NULL,
    urgency             varchar(20)  NOT NULL,
    ship_by             date         NOT NULL,
    evaluated_at        timestamptz  NOT NULL,
    CONSTRAINT pk_recommendations PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE forecasting.alerts (
    id                 uuid         NOT NULL,
    seller_id          varchar(64)  NOT NULL,
    fnsku              varchar(10)  NOT NULL,
    reorder_point      integer      NOT NULL,
    safety_stock       integer      NOT NULL,
    inventory_position integer      NOT NULL,
    recommended_units  integer      NOT NULL,
    days_of_supply     float        NULL,
    urgency            varchar(20)  NOT NULL,
    ship_by            date         NOT NULL,
    raised_at          timestamptz  NOT NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (id)
);
CREATE INDEX ix_alerts_seller ON forecasting.alerts (seller_id, id);

-- When each seller's forecasts are next due; replicas claim due sellers with skip-locked row locks.
CREATE TABLE forecasting.refresh_schedule (
    seller_id        varchar(64)  NOT NULL,
    next_refresh_at  timestamptz  NOT NULL,
    last_refresh_at  timestamptz  NULL,
    CONSTRAINT pk_refresh_schedule PRIMARY KEY (seller_id)
);
