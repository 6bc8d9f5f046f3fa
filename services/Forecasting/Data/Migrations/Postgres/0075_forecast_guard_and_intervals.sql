-- Why a forecast was capped (null when it was not), the tracked P10/P90 that interval coverage and pinball loss are
-- measured on, and those two measures beside MAPE/WAPE/bias.
ALTER TABLE forecasting.forecast_models ADD COLUMN guard varchar(400) NULL;
ALTER TABLE forecasting.forecast_track ADD COLUMN p10 float NULL;
ALTER TABLE forecasting.forecast_track ADD COLUMN p90 float NULL;
ALTER TABLE forecasting.accuracy ADD COLUMN coverage float NULL;
ALTER TABLE forecasting.accuracy ADD COLUMN pinball float NULL;
