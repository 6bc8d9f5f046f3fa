-- Forecast refreshes as operations (issue 24): a POST answers 202 with one of these rows, and whichever replica claims it
-- runs it in the background. claimed_by/heartbeat_at are its lease: a queued row, or a running row whose heartbeat went
-- stale (its worker died), is claimed again. At most one queued or running row per seller (checked under the seller's
-- refresh_schedule row lock).
CREATE TABLE forecasting.refresh_operations (
    id              uniqueidentifier  NOT NULL,
    seller_id       nvarchar(64)      NOT NULL,
    status          nvarchar(20)      NOT NULL,
    trigger_source  nvarchar(20)      NOT NULL,
    phase           nvarchar(20)      NULL,
    series_total    int               NOT NULL,
    series_done     int               NOT NULL,
    forecast        int               NOT NULL,
    skipped         int               NOT NULL,
    guarded         int               NOT NULL,
    errors          nvarchar(max)     NOT NULL,
    correlation_id  uniqueidentifier  NOT NULL,
    requested_at    datetime2         NOT NULL,
    started_at      datetime2         NULL,
    finished_at     datetime2         NULL,
    claimed_by      nvarchar(200)     NULL,
    heartbeat_at    datetime2         NULL,
    attempts        int               NOT NULL,
    CONSTRAINT pk_refresh_operations PRIMARY KEY (id)
);
CREATE INDEX ix_refresh_operations_seller ON forecasting.refresh_operations (seller_id, status);
CREATE INDEX ix_refresh_operations_status ON forecasting.refresh_operations (status, requested_at);
