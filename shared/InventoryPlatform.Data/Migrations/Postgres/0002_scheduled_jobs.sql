-- One row per scheduled job of the service (InventoryPlatform.Hosting.Jobs): a replica runs a due job only after one
-- conditional UPDATE has moved its next_run_at forward, so with any number of replicas each due run happens once.
CREATE TABLE $schema$.scheduled_jobs (
    name            varchar(100)  NOT NULL PRIMARY KEY,
    next_run_at     timestamptz   NOT NULL,
    claimed_by      varchar(200)  NULL,
    claimed_at      timestamptz   NULL
);
