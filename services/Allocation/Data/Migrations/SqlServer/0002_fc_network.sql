-- The FC network: marketplaces' fulfillment centers, the regions orders ship to, how many hours a parcel
-- takes from each FC to each region, and whether (and at what cost in hours) an order may be filled from
-- another marketplace's pool. Seeded with a default network; operations edit it through the API.
CREATE TABLE allocation.regions (
    code         nvarchar(40) NOT NULL PRIMARY KEY,
    marketplace  nvarchar(2)  NOT NULL
);

CREATE TABLE allocation.fulfillment_centers (
    code                    nvarchar(10) NOT NULL PRIMARY KEY,
    marketplace             nvarchar(2)  NOT NULL,
    region                  nvarchar(40) NOT NULL,
    storage_capacity_units  int         NOT NULL,
    CONSTRAINT ck_fulfillment_centers_capacity CHECK (storage_capacity_units >= 0)
);

CREATE TABLE allocation.transit_times (
    region              nvarchar(40) NOT NULL,
    fulfillment_center  nvarchar(10) NOT NULL,
    transit_hours       int         NOT NULL,
    CONSTRAINT pk_transit_times PRIMARY KEY (region, fulfillment_center),
    CONSTRAINT ck_transit_times_hours CHECK (transit_hours > 0)
);

CREATE TABLE allocation.network_settings (
    id                          int     NOT NULL PRIMARY KEY,
    cross_border_allowed        bit     NOT NULL,
    cross_border_penalty_hours  int     NOT NULL
);

INSERT INTO allocation.regions (code, marketplace) VALUES
    ('US-West', 'US'),
    ('US-Southwest', 'US'),
    ('US-Central', 'US'),
    ('US-Midwest', 'US'),
    ('US-Southeast', 'US'),
    ('US-Northeast', 'US'),
    ('UK', 'UK'),
    ('DE', 'DE'),
    ('JP', 'JP');

INSERT INTO allocation.fulfillment_centers (code, marketplace, region, storage_capacity_units) VALUES
    ('SEA1', 'US', 'US-West', 1500000),
    ('PHX3', 'US', 'US-Southwest', 1200000),
    ('DFW2', 'US', 'US-Central', 1400000),
    ('ORD4', 'US', 'US-Midwest', 1300000),
    ('ATL6', 'US', 'US-Southeast', 1300000),
    ('EWR9', 'US', 'US-Northeast', 1600000),
    ('LTN1', 'UK', 'UK', 900000),
    ('MAN2', 'UK', 'UK', 700000),
    ('FRA3', 'DE', 'DE', 900000),
    ('MUC1', 'DE', 'DE', 600000),
    ('NRT1', 'JP', 'JP', 800000),
    ('KIX2', 'JP', 'JP', 600000);

INSERT INTO allocation.transit_times (region, fulfillment_center, transit_hours) VALUES
    ('US-West', 'SEA1', 24),
    ('US-West', 'PHX3', 48),
    ('US-West', 'DFW2', 72),
    ('US-West', 'ORD4', 72),
    ('US-West', 'ATL6', 96),
    ('US-West', 'EWR9', 96),
    ('US-Southwest', 'SEA1', 48),
    ('US-Southwest', 'PHX3', 24),
    ('US-Southwest', 'DFW2', 48),
    ('US-Southwest', 'ORD4', 72),
    ('US-Southwest', 'ATL6', 72),
    ('US-Southwest', 'EWR9', 96),
    ('US-Central', 'SEA1', 72),
    ('US-Central', 'PHX3', 48),
    ('US-Central', 'DFW2', 24),
    ('US-Central', 'ORD4', 48),
    ('US-Central', 'ATL6', 48),
    ('US-Central', 'EWR9', 72),
    ('US-Midwest', 'SEA1', 72),
    ('US-Midwest', 'PHX3', 72),
    ('US-Midwest', 'DFW2', 48),
    ('US-Midwest', 'ORD4', 24),
    ('US-Midwest', 'ATL6', 48),
    ('US-Midwest', 'EWR9', 48),
    ('US-Southeast', 'SEA1', 96),
    ('US-Southeast', 'PHX3', 72),
    ('US-Southeast', 'DFW2', 48),
    ('US-Southeast', 'ORD4', 48),
    ('US-Southeast', 'ATL6', 24),
    ('US-Southeast', 'EWR9', 48),
    ('US-Northeast', 'SEA1', 96),
    ('US-Northeast', 'PHX3', 96),
    ('US-Northeast', 'DFW2', 72),
    ('US-Northeast', 'ORD4', 48),
    ('US-Northeast', 'ATL6', 48),
    ('US-Northeast', 'EWR9', 24),
    ('UK', 'LTN1', 24),
    ('UK', 'MAN2', 36),
    ('UK', 'FRA3', 72),
    ('UK', 'MUC1', 96),
    ('DE', 'FRA3', 24),
    ('DE', 'MUC1', 36),
    ('DE', 'LTN1', 72),
    ('DE', 'MAN2', 96),
    ('JP', 'NRT1', 24),
    ('JP', 'KIX2', 36);

INSERT INTO allocation.network_settings (id, cross_border_allowed, cross_border_penalty_hours) VALUES (1, 1, 24);
