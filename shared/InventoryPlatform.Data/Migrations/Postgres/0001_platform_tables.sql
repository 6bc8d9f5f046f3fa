-- Tables every service has in its own schema: the transactional outbox, the consumer inbox,
-- and the responses remembered for Idempotency-Key headers.
CREATE TABLE $schema$.outbox (
    id              uuid          NOT NULL PRIMARY KEY,
    message_type    varchar(300)  NOT NULL,
    body            text          NOT NULL,
    correlation_id  uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz   NULL,
    attempts        integer       NOT NULL DEFAULT 0
);
CREATE INDEX ix_outbox_unsent ON $schema$.outbox (created_at) WHERE sent_at IS NULL;

CREATE TABLE $schema$.inbox (
    message_id      uuid          NOT NULL,
    consumer        varchar(200)  NOT NULL,
    received_at     timestamptz   NOT NULL,
    CONSTRAINT pk_inbox PRIMARY KEY (message_id, consumer)
);

CREATE TABLE $schema$.idempotency_keys (
    seller_id       varchar(64)   NOT NULL,
    idempotency_key varchar(200)  NOT NULL,
    request_path    varchar(400)  NOT NULL,
    status_code     integer       NOT NULL,
    response_body   text          NOT NULL,
    created_at      timestamptz   NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (seller_id, idempotency_key)
);
