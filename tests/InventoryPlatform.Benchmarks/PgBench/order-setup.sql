-- The order-shaped pgbench anchor (issue 26): tables shaped like Allocation's balance, journal and outbox, in a schema
-- of their own. scripts/bench.sh allocation-orders runs this, then order.sql, against the platform's own PostgreSQL.
DROP SCHEMA IF EXISTS pgbench_orders CASCADE;
CREATE SCHEMA pgbench_orders;
CREATE TABLE pgbench_orders.stock_balances (
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    on_hand             integer      NOT NULL,
    reserved            integer      NOT NULL,
    version             bigint       NOT NULL,
    updated_at          timestamptz  NOT NULL,
    PRIMARY KEY (seller_id, fnsku, fulfillment_center)
);
CREATE TABLE pgbench_orders.stock_movements (
    id                  uuid         NOT NULL PRIMARY KEY,
    seller_id           varchar(64)  NOT NULL,
    fnsku               varchar(10)  NOT NULL,
    fulfillment_center  varchar(10)  NOT NULL,
    bucket              varchar(20)  NOT NULL,
    quantity            integer      NOT NULL,
    reason              varchar(40)  NOT NULL,
    source_id           varchar(100) NOT NULL,
    occurred_at         timestamptz  NOT NULL
);
CREATE TABLE pgbench_orders.outbox (
    id              uuid          NOT NULL PRIMARY KEY,
    message_type    varchar(300)  NOT NULL,
    body            text          NOT NULL,
    correlation_id  uuid          NOT NULL,
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz   NULL,
    attempts        integer       NOT NULL DEFAULT 0
);
CREATE INDEX ix_outbox_unsent ON pgbench_orders.outbox (created_at) WHERE sent_at IS NULL;
INSERT INTO pgbench_orders.stock_balances
SELECT 'pgbench', 'B' || lpad(i::text, 9, '0'), 'SEA1', 1000000000, 0, 1, now() FROM generate_series(1, 1000) AS i;
