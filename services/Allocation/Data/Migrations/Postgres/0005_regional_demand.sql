-- The latest forecast daily demand per region of each (seller, FNSKU), from Forecasting's DemandForecastUpdated;
-- placement advice and the rebalancer split stock by it.
CREATE TABLE allocation.regional_demand (
    seller_id        varchar(64)  NOT NULL,
    fnsku            varchar(10)  NOT NULL,
    region           varchar(40)  NOT NULL,
    daily_units_p50  float        NOT NULL,
    forecast_at      timestamptz  NOT NULL,
    CONSTRAINT pk_regional_demand PRIMARY KEY (seller_id, fnsku, region)
);

-- One row per (seller, FNSKU) with the time of the forecast held: locked while a newer forecast replaces the regions,
-- so two forecasts of one FNSKU arriving together apply in the order they were made.
CREATE TABLE allocation.demand_forecasts (
    seller_id    varchar(64)  NOT NULL,
    fnsku        varchar(10)  NOT NULL,
    forecast_at  timestamptz  NULL,
    CONSTRAINT pk_demand_forecasts PRIMARY KEY (seller_id, fnsku)
);
