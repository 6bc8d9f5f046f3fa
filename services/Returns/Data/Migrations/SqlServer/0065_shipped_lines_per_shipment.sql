-- An order may ship an FNSKU from the same FC more than once (a backorder filled and shipped after the first shipment):
-- each shipment is a line of its own, told apart by its ship time, so the later units stay returnable and counted as sold.
ALTER TABLE returns.shipped_lines DROP CONSTRAINT pk_shipped_lines;
ALTER TABLE returns.shipped_lines
    ADD CONSTRAINT pk_shipped_lines PRIMARY KEY (order_id, fnsku, fulfillment_center, shipped_at);
