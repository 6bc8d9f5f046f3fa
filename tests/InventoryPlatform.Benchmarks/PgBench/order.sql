-- One order-shaped transaction (issue 26): lock one of 1,000 balance rows, update it, one journal row, two outbox rows.
-- No colon may appear in a literal (pgbench reads it as a variable): hence chr(58) and json_build_object.
-- Run with synchronous_commit on: pgbench -n -M prepared -c 16 -j 2 -T 20 -f order.sql
\set n random(1, 1000)
BEGIN;
SELECT on_hand, reserved, version FROM pgbench_orders.stock_balances
    WHERE seller_id = 'pgbench' AND fnsku = 'B' || lpad(:n::text, 9, '0') AND fulfillment_center = 'SEA1' FOR UPDATE;
UPDATE pgbench_orders.stock_balances SET reserved = reserved + 1, version = version + 1, updated_at = now()
    WHERE seller_id = 'pgbench' AND fnsku = 'B' || lpad(:n::text, 9, '0') AND fulfillment_center = 'SEA1';
INSERT INTO pgbench_orders.stock_movements VALUES
    (gen_random_uuid(), 'pgbench', 'B' || lpad(:n::text, 9, '0'), 'SEA1', 'Reserved', 1, 'Reserved',
     'order' || chr(58) || gen_random_uuid()::text, now());
INSERT INTO pgbench_orders.outbox (id, message_type, body, correlation_id, created_at) VALUES
    (gen_random_uuid(), 'InventoryPlatform.Contracts.V1.StockChanged',
     json_build_object('sellerId', 'pgbench', 'fnsku', 'B' || lpad(:n::text, 9, '0'), 'fulfillmentCenter', 'SEA1',
        'onHand', 1000, 'reserved', 1, 'inbound', 0, 'inTransit', 0, 'unfulfillable', 0, 'version', 2, 'reason', 'Reserved',
        'pendingRemoval', 0)::text,
     gen_random_uuid(), now());
INSERT INTO pgbench_orders.outbox (id, message_type, body, correlation_id, created_at) VALUES
    (gen_random_uuid(), 'InventoryPlatform.Contracts.V1.OrderAllocated',
     json_build_object('sellerId', 'pgbench', 'marketplace', 'US', 'shipToRegion', 'US-West', 'lines',
        json_build_array(json_build_object('fnsku', 'B' || lpad(:n::text, 9, '0'), 'fulfillmentCenter', 'SEA1', 'quantity', 1)),
        'backordered', json_build_array())::text,
     gen_random_uuid(), now());
COMMIT;
