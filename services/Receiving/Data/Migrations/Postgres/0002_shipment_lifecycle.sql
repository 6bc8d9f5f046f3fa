-- When a shipment left the seller, was closed at the dock, or was cancelled.
ALTER TABLE receiving.shipments
    ADD COLUMN shipped_at    timestamptz NULL,
    ADD COLUMN closed_at     timestamptz NULL,
    ADD COLUMN cancelled_at  timestamptz NULL;
