-- The FNSKUs Forecasting knows for a seller (from shipped orders, imports or stock changes), the marketplace whose
-- holidays apply to it, and whether its restock alert is armed (re-armed once stock is back above the reorder point).
CREATE TABLE forecasting.items (
    seller_id       nvarchar(64)  NOT NULL,
    fnsku           nvarchar(10)  NOT NULL,
    marketplace     nvarchar(10)  NOT NULL,
    alert_armed     bit          NOT NULL,
    created_at      datetime2     NOT NULL,
    CONSTRAINT pk_items PRIMARY KEY (seller_id, fnsku)
);

-- Units sold per day and ship-to region.
CREATE TABLE forecasting.daily_sales (
    seller_id   nvarchar(64)  NOT NULL,
    fnsku       nvarchar(10)  NOT NULL,
    region      nvarchar(40)  NOT NULL,
    sales_date  date         NOT NULL,
    units       int          NOT NULL,
    CONSTRAINT pk_daily_sales PRIMARY KEY (seller_id, fnsku, region, sales_date)
);

-- The latest balance per FC from Allocation's StockChanged (newest version wins).
CREATE TABLE forecasting.stock (
    seller_id           nvarchar(64)  NOT NULL,
    fnsku               nvarchar(10)  NOT NULL,
    fulfillment_center  nvarchar(10)  NOT NULL,
    available           int          NOT NULL,
    inbound             int          NOT NULL,
    version             bigint       NOT NULL,
    CONSTRAINT pk_stock PRIMARY KEY (seller_id, fnsku, fulfillment_center)
);

CREATE TABLE forecasting.holidays (
    seller_id     nvarchar(64)   NOT NULL,
    marketplace   nvarchar(10)   NOT NULL,
    holiday_date  date          NOT NULL,
    name          nvarchar(100)  NOT NULL,
    CONSTRAINT pk_holidays PRIMARY KEY (seller_id, marketplace, holiday_date)
);

CREATE TABLE forecasting.promotions (
    id                uniqueidentifier          NOT NULL,
    seller_id         nvarchar(64)   NOT NULL,
    fnsku             nvarchar(10)   NOT NULL,
    starts_on         date          NOT NULL,
    ends_on           date          NOT NULL,
    discount_percent  decimal(5,2)  NOT NULL,
    featured          bit           NOT NULL,
    created_at        datetime2      NOT NULL,
    CONSTRAINT pk_promotions PRIMARY KEY (id)
);
CREATE INDEX ix_promotions_seller ON forecasting.promotions (seller_id, fnsku);

CREATE TABLE forecasting.replenishment_settings (
    seller_id               nvarchar(64)   NOT NULL,
    fnsku                   nvarchar(10)   NOT NULL,
    lead_time_days          int           NOT NULL,
    review_period_days      int           NOT NULL,
    minimum_order_quantity  int           NOT NULL,
    case_pack               int           NOT NULL,
    service_level           decimal(5,4)  NOT NULL,
    updated_at              datetime2      NOT NULL,
    CONSTRAINT pk_replenishment_settings PRIMARY KEY (seller_id, fnsku)
);

-- The latest forecast per (FNSKU, region), one row per day, and the model that made it with every candidate's backtest.
CREATE TABLE forecasting.forecast_days (
    seller_id      nvarchar(64)  NOT NULL,
    fnsku          nvarchar(10)  NOT NULL,
    region         nvarchar(40)  NOT NULL,
    forecast_date  date         NOT NULL,
    p10            float        NOT NULL,
    p50            float        NOT NULL,
    p90            float        NOT NULL,
    CONSTRAINT pk_forecast_days PRIMARY KEY (seller_id, fnsku, region, forecast_date)
);

CREATE TABLE forecasting.forecast_models (
    seller_id   nvarchar(64)  NOT NULL,
    fnsku       nvarchar(10)  NOT NULL,
    region      nvarchar(40)  NOT NULL,
    model       nvarchar(40)  NOT NULL,
    candidates  nvarchar(max)         NOT NULL,
    made_at     datetime2     NOT NULL,
    CONSTRAINT pk_forecast_models PRIMARY KEY (seller_id, fnsku, region)
);

-- The FNSKU-total P50 of each day as last forecast before that day came: compared with actual sales for accuracy.
CREATE TABLE forecasting.forecast_track (
    seller_id      nvarchar(64)  NOT NULL,
    fnsku          nvarchar(10)  NOT NULL,
    forecast_date  date         NOT NULL,
    p50            float        NOT NULL,
    CONSTRAINT pk_forecast_track PRIMARY KEY (seller_id, fnsku, forecast_date)
);

CREATE TABLE forecasting.accuracy (
    seller_id    nvarchar(64)  NOT NULL,
    fnsku        nvarchar(10)  NOT NULL,
    mape         float        NULL,
    wape         float        NULL,
    bias         float        NULL,
    days         int          NOT NULL,
    measured_at  datetime2     NOT NULL,
    CONSTRAINT pk_accuracy PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE forecasting.recommendations (
    seller_id           nvarchar(64)  NOT NULL,
    fnsku               nvarchar(10)  NOT NULL,
    available           int          NOT NULL,
    inbound             int          NOT NULL,
    lead_time_demand    float        NOT NULL,
    safety_stock        int          NOT NULL,
    reorder_point       int          NOT NULL,
    order_up_to_level   int          NOT NULL,
    recommended_units   int          NOT NULL,
    days_of_supply      float        NULL,
    urgency             nvarchar(20)  NOT NULL,
    ship_by             date         NOT NULL,
    evaluated_at        datetime2     NOT NULL,
    CONSTRAINT pk_recommendations PRIMARY KEY (seller_id, fnsku)
);

CREATE TABLE forecasting.alerts (
    id                 uniqueidentifier         NOT NULL,
    seller_id          nvarchar(64)  NOT NULL,
    fnsku              nvarchar(10)  NOT NULL,
    reorder_point      int          NOT NULL,
    safety_stock       int          NOT NULL,
    inventory_position int          NOT NULL,
    recommended_units  int          NOT NULL,
    days_of_supply     float        NULL,
    urgency            nvarchar(20)  NOT NULL,
    ship_by            date         NOT NULL,
    raised_at          datetime2     NOT NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (id)
);
CREATE INDEX ix_alerts_seller ON forecasting.alerts (seller_id, id);

-- When each seller's forecasts are next due; replicas claim due sellers with skip-locked row locks.
CREATE TABLE forecasting.refresh_schedule (
    seller_id        nvarchar(64)  NOT NULL,
    next_refresh_at  datetime2     NOT NULL,
    last_refresh_at  datetime2     NULL,
    CONSTRAINT pk_refresh_schedule PRIMARY KEY (seller_id)
);
