-- Inbound (on a shipped ASN) and in transit (on a transfer to the FC) kept apart, per FC and on the recommendation, so
-- a seller sees which part of the pipeline the recommendation already counts.
ALTER TABLE forecasting.stock ADD COLUMN in_transit integer NOT NULL DEFAULT 0;
ALTER TABLE forecasting.recommendations ADD COLUMN in_transit integer NOT NULL DEFAULT 0;
