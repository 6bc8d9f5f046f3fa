-- When a shipment left the seller, was closed at the dock, or was cancelled.
ALTER TABLE receiving.shipments ADD
    shipped_at    datetime2 NULL,
    closed_at     datetime2 NULL,
    cancelled_at  datetime2 NULL;
