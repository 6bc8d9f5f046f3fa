-- Lots moved by a transfer are stored at the destination with the receipt date of the lot they came from; transfer_id is
-- set while the units are in transit (they age and count at the destination, as in the ledger, but cannot ship yet) and
-- cleared when the transfer arrives.
ALTER TABLE liquidation.inventory_lots ADD transfer_id uniqueidentifier NULL;
CREATE INDEX ix_inventory_lots_transfer ON liquidation.inventory_lots (transfer_id);

-- Transfers whose arrival was seen: an arrival consumed before its request leaves the moved lots on the shelf at once.
CREATE TABLE liquidation.arrived_transfers (
    transfer_id  uniqueidentifier  NOT NULL PRIMARY KEY,
    arrived_at   datetime2         NOT NULL
);
