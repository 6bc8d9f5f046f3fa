-- Partners' webhook subscriptions and the deliveries made to them. A subscription signs with its secret, and during a
-- rotation's overlap also with the previous one. A delivery is one event for one subscription: pending until a receiver
-- answered 2xx (or it was retried for 24 h); sequence orders the deliveries of one (subscription, ordering key).
CREATE TABLE $schema$.subscriptions (
    id                      uuid           NOT NULL PRIMARY KEY,
    seller_id               varchar(64)    NOT NULL,
    url                     varchar(2000)  NOT NULL,
    event_types             varchar(1000)  NOT NULL,
    fnsku                   varchar(10)    NULL,
    fulfillment_center      varchar(10)    NULL,
    secret                  varchar(100)   NOT NULL,
    previous_secret         varchar(100)   NULL,
    previous_secret_until   timestamptz    NULL,
    status                  varchar(20)    NOT NULL,
    disabled_reason         varchar(500)   NULL,
    created_at              timestamptz    NOT NULL,
    updated_at              timestamptz    NOT NULL
);
CREATE INDEX ix_subscriptions_seller ON $schema$.subscriptions (seller_id, created_at);

CREATE TABLE $schema$.deliveries (
    id                 uuid           NOT NULL PRIMARY KEY,
    sequence           bigint         GENERATED ALWAYS AS IDENTITY,
    subscription_id    uuid           NOT NULL,
    seller_id          varchar(64)    NOT NULL,
    event_id           uuid           NOT NULL,
    event_type         varchar(60)    NOT NULL,
    ordering_key       varchar(100)   NOT NULL,
    coalesce_key       varchar(100)   NULL,
    payload            text           NOT NULL,
    status             varchar(20)    NOT NULL,
    attempts           integer        NOT NULL,
    created_at         timestamptz    NOT NULL,
    window_start       timestamptz    NOT NULL,
    next_attempt_at    timestamptz    NOT NULL,
    claimed_until      timestamptz    NULL,
    last_attempt_at    timestamptz    NULL,
    delivered_at       timestamptz    NULL,
    last_status_code   integer        NULL,
    last_latency_ms    integer        NULL,
    last_error         varchar(500)   NULL,
    CONSTRAINT fk_deliveries_subscription FOREIGN KEY (subscription_id) REFERENCES $schema$.subscriptions (id) ON DELETE CASCADE,
    CONSTRAINT ux_deliveries_event UNIQUE (subscription_id, event_id, event_type)
);
CREATE INDEX ix_deliveries_due ON $schema$.deliveries (next_attempt_at) WHERE status = 'Pending';
CREATE INDEX ix_deliveries_key ON $schema$.deliveries (subscription_id, ordering_key, sequence) WHERE status = 'Pending';
CREATE INDEX ix_deliveries_log ON $schema$.deliveries (subscription_id, sequence);
