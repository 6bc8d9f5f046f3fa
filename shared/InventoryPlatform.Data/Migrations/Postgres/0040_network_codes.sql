-- This service's copy of the FC network's reference data (Allocation's FulfillmentNetworkChanged snapshots): the codes a
-- request may name. Seeded with the default network of Allocation's 0002_fc_network.sql, so a service validates correctly
-- before the first snapshot arrives; version 0 is that seed, and a snapshot replaces the rows only when it is newer.
CREATE TABLE $schema$.network_codes (
    kind         varchar(20)  NOT NULL,
    code         varchar(40)  NOT NULL,
    marketplace  varchar(2)   NOT NULL,
    region       varchar(40)  NOT NULL,
    CONSTRAINT pk_network_codes PRIMARY KEY (kind, code)
);

CREATE TABLE $schema$.network_version (
    id       integer  NOT NULL PRIMARY KEY,
    version  bigint   NOT NULL
);

INSERT INTO $schema$.network_version (id, version) VALUES (1, 0);

INSERT INTO $schema$.network_codes (kind, code, marketplace, region) VALUES
    ('Marketplace', 'US', 'US', ''),
    ('Marketplace', 'UK', 'UK', ''),
    ('Marketplace', 'DE', 'DE', ''),
    ('Marketplace', 'JP', 'JP', ''),
    ('Region', 'US-West', 'US', ''),
    ('Region', 'US-Southwest', 'US', ''),
    ('Region', 'US-Central', 'US', ''),
    ('Region', 'US-Midwest', 'US', ''),
    ('Region', 'US-Southeast', 'US', ''),
    ('Region', 'US-Northeast', 'US', ''),
    ('Region', 'UK', 'UK', ''),
    ('Region', 'DE', 'DE', ''),
    ('Region', 'JP', 'JP', ''),
    ('FulfillmentCenter', 'SEA1', 'US', 'US-West'),
    ('FulfillmentCenter', 'PHX3', 'US', 'US-Southwest'),
    ('FulfillmentCenter', 'DFW2', 'US', 'US-Central'),
    ('FulfillmentCenter', 'ORD4', 'US', 'US-Midwest'),
    ('FulfillmentCenter', 'ATL6', 'US', 'US-Southeast'),
    ('FulfillmentCenter', 'EWR9', 'US', 'US-Northeast'),
    ('FulfillmentCenter', 'LTN1', 'UK', 'UK'),
    ('FulfillmentCenter', 'MAN2', 'UK', 'UK'),
    ('FulfillmentCenter', 'FRA3', 'DE', 'DE'),
    ('FulfillmentCenter', 'MUC1', 'DE', 'DE'),
    ('FulfillmentCenter', 'NRT1', 'JP', 'JP'),
    ('FulfillmentCenter', 'KIX2', 'JP', 'JP');
