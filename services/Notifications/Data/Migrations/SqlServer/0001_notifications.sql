-- Partners' webhook subscriptions and the deliveries made to them. A subscription signs with its secret, and during a
-- rotation's overlap also with the previous one. A delivery is one event for one subscription: pending until a receiver
-- answered 2xx (or it was retried for 24 h); sequence orders the deliveries of one (subscription, ordering key).
CREATE TABLE $schema$.subscriptions (
    id                      uniqueidentifier  NOT NULL PRIMARY KEY,
    seller_id               nvarchar(64)      NOT NULL,
    url                     nvarchar(2000)    NOT NULL,
    event_types             nvarchar(1000)    NOT NULL,
    fnsku                   nvarchar(10)      NULL,
    fulfillment_center      nvarchar(10)      NULL,
    secret                  nvarchar(100)     NOT NULL,
    previous_secret         nvarchar(100)     NULL,
    previous_secret_until   datetime2         NULL,
    status                  nvarchar(20)      NOT NULL,
    disabled_reason         nvarchar(500)     NULL,
    created_at              datetime2         NOT NULL,
    updated_at              datetime2         NOT NULL
);
CREATE INDEX ix_subscriptions_seller ON $schema$.subscriptions (seller_id, created_at);

CREATE TABLE $schema$.deliveries (
    id                 uniqueidentifier  NOT NULL PRIMARY KEY,
    sequence           bigint            IDENTITY(1, 1) NOT NULL,
    subscription_id    uniqueidentifier  NOT NULL,
    seller_id          nvarchar(64)      NOT NULL,
    event_id           uniqueidentifier  NOT NULL,
    event_type         nvarchar(60)      NOT NULL,
    ordering_key       nvarchar(100)     NOT NULL,
    coalesce_key       nvarchar(100)     NULL,
    payload            nvarchar(max)     NOT NULL,
    status             nvarchar(20)      NOT NULL,
    attempts           int               NOT NULL,
    created_at         datetime2         NOT NULL,
    window_start       datetime2         NOT NULL,
    next_attempt_at    datetime2         NOT NULL,
    claimed_until      datetime2         NULL,
    last_attempt_at    datetime2         NULL,
    delivered_at       datetime2         NULL,
    last_status_code   int               NULL,
    last_latency_ms    int               NULL,
    last_error         nvarchar(500)     NULL,
    CONSTRAINT fk_deliveries_subscription FOREIGN KEY (subscription_id) REFERENCES $schema$.subscriptions (id) ON DELETE CASCADE,
    CONSTRAINT ux_deliveries_event UNIQUE (subscription_id, event_id, event_type)
);
CREATE INDEX ix_deliveries_due ON $schema$.deliveries (next_attempt_at) WHERE status = 'Pending';
CREATE INDEX ix_deliveries_key ON $schema$.deliveries (subscription_id, ordering_key, sequence) WHERE status = 'Pending';
CREATE INDEX ix_deliveries_log ON $schema$.deliveries (subscription_id, sequence);
