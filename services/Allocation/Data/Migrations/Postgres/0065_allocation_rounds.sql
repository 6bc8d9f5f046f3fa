-- A line may be allocated at an FC again after its units there shipped (a backorder filled after part of the order
-- shipped): each allocation of a line at an FC is a round, numbered from 0, and a line has one unshipped round per FC.
ALTER TABLE allocation.order_allocations ADD COLUMN allocation_round integer NOT NULL DEFAULT 0;
ALTER TABLE allocation.order_allocations DROP CONSTRAINT pk_order_allocations;
ALTER TABLE allocation.order_allocations
    ADD CONSTRAINT pk_order_allocations PRIMARY KEY (order_id, line_number, fulfillment_center, allocation_round);
CREATE UNIQUE INDEX ux_order_allocations_unshipped
    ON allocation.order_allocations (order_id, line_number, fulfillment_center) WHERE shipped_at IS NULL;
