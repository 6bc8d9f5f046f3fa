-- Periods and prices (issue 24, point 3). The period a seller's sales are forecast in, per marketplace ('daily' when no
-- row), and each FNSKU's dated list prices: the seller's own (PUT /prices/{fnsku}) and approved markdowns (source
-- 'markdown'), which the models see as a relative-price covariate.
CREATE TABLE forecasting.marketplace_settings (
    seller_id    nvarchar(64)  NOT NULL,
    marketplace  nvarchar(10)  NOT NULL,
    period       nvarchar(10)  NOT NULL,
    updated_at   datetime2     NOT NULL,
    CONSTRAINT pk_marketplace_settings PRIMARY KEY (seller_id, marketplace)
);

CREATE TABLE forecasting.prices (
    seller_id     nvarchar(64)   NOT NULL,
    fnsku         nvarchar(10)   NOT NULL,
    effective_on  date           NOT NULL,
    price         decimal(19,4)  NOT NULL,
    currency      nvarchar(3)    NOT NULL,
    source        nvarchar(20)   NOT NULL,
    updated_at    datetime2      NOT NULL,
    CONSTRAINT pk_prices PRIMARY KEY (seller_id, fnsku, effective_on)
);
