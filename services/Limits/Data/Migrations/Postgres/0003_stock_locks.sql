-- One row per (seller, FNSKU) that a stock change locks before it reads the FNSKU's FC rows: two changes of the
-- same FNSKU at different FCs (even the first ones, whose FC rows do not exist yet) then never compute the day's
-- snapshot from each other's unfinished writes.
CREATE TABLE limits.stock_locks (
    seller_id  varchar(64)  NOT NULL,
    fnsku      varchar(10)  NOT NULL,
    CONSTRAINT pk_stock_locks PRIMARY KEY (seller_id, fnsku)
);
