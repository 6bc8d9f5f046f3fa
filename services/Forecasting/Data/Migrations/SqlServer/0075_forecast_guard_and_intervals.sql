-- Why a forecast was capped (null when it was not), the tracked P10/P90 that interval coverage and pinball loss are
-- measured on, and those two measures beside MAPE/WAPE/bias.
ALTER TABLE forecasting.forecast_models ADD guard nvarchar(400) NULL;
ALTER TABLE forecasting.forecast_track ADD p10 float NULL;
ALTER TABLE forecasting.forecast_track ADD p90 float NULL;
ALTER TABLE forecasting.accuracy ADD coverage float NULL;
ALTER TABLE forecasting.accuracy ADD pinball float NULL;
