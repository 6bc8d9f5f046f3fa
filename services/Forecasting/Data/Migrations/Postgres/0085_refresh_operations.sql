-- Forecast refreshes as operations (issue 24): a POST answers 202 with one of these rows, and whichever replica claims it
-- runs it in the background. claimed_by/heartbeat_at are its lease: a queued row, or a running row whose heartbeat went
-- stale (its worker died), is claimed again. At most one queued or running row per seller (checked under the seller's
-- refresh_schedule row lock).
CREATE TABLE forecasting.refresh_operations (
    id              uuid           NOT NULL,
    seller_id       varchar(64)    NOT NULL,
    status          varchar(20)    NOT NULL,
    trigger_source  varchar(20)    NOT NULL,
    phase           varchar(20)    NULL,
    series_total    integer        NOT NULL,
    series_done     integer        NOT NULL,
    forecast        integer        NOT NULL,
    skipped         integer        NOT NULL,
    guarded         integer        NOT NULL,
    errors          text           NOT NULL,
    correlation_id  uuid           NOT NULL,
    requested_at    timestamptz    NOT NULL,
    started_at      timestamptz    NULL,
    finished_at     timestamptz    NULL,
    claimed_by      varchar(200)   NULL,
    heartbeat_at    timestamptz    NULL,
    attempts        integer        NOT NULL,
    CONSTRAINT pk_refresh_operations PRIMARY KEY (id)
);
CREATE INDEX ix_refresh_operations_seller ON forecasting.refresh_operations (seller_id, status);
CREATE INDEX ix_refresh_operations_status ON forecasting.refresh_operations (status, requested_at);
