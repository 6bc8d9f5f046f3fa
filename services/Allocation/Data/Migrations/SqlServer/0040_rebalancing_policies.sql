-- Each seller's rebalancing policy: Advise (proposals only, the default for a seller without a row) or Automatic (the
-- scheduled rebalancer creates the proposed transfers itself). The row is also what a rebalancing run locks, so two runs
-- for one seller never propose from the same figures.
CREATE TABLE allocation.rebalancing_policies (
    seller_id   nvarchar(64)  NOT NULL PRIMARY KEY,
    mode        nvarchar(20)  NOT NULL,
    updated_at  datetime2      NOT NULL
);
