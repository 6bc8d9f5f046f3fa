-- Tables every service has in its own schema: the transactional outbox, the consumer inbox,
-- and the responses remembered for Idempotency-Key headers.
CREATE TABLE $schema$.outbox (
    id              uniqueidentifier NOT NULL PRIMARY KEY NONCLUSTERED,
    message_type    nvarchar(300)    NOT NULL,
    body            nvarchar(max)    NOT NULL,
    correlation_id  uniqueidentifier NOT NULL,
    created_at      datetime2        NOT NULL,
    sent_at         datetime2        NULL,
    attempts        int              NOT NULL DEFAULT 0
);
CREATE CLUSTERED INDEX ix_outbox_created ON $schema$.outbox (created_at);
CREATE INDEX ix_outbox_unsent ON $schema$.outbox (created_at) WHERE sent_at IS NULL;

CREATE TABLE $schema$.inbox (
    message_id      uniqueidentifier NOT NULL,
    consumer        nvarchar(200)    NOT NULL,
    received_at     datetime2        NOT NULL,
    CONSTRAINT pk_inbox PRIMARY KEY (message_id, consumer)
);

CREATE TABLE $schema$.idempotency_keys (
    seller_id       nvarchar(64)     NOT NULL,
    idempotency_key nvarchar(200)    NOT NULL,
    request_path    nvarchar(400)    NOT NULL,
    status_code     int              NOT NULL,
    response_body   nvarchar(max)    NOT NULL,
    created_at      datetime2        NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (seller_id, idempotency_key)
);
