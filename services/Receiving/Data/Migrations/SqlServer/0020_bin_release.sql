-- When a put-away unit left its bin (shipped, transferred out, removed, adjusted away); its volume no longer counts in the bin.
ALTER TABLE receiving.units ADD bin_released_at datetime2 NULL;
CREATE INDEX ix_units_binned ON receiving.units (seller_id, fnsku, fulfillment_center, bin_id);
