-- Storage bins per FC (pick-face distance, capacity by volume) and where each received unit was put away.
CREATE TABLE receiving.bins (
    fulfillment_center       varchar(10)    NOT NULL,
    bin_id                   varchar(32)    NOT NULL,
    zone                     varchar(20)    NOT NULL,
    pick_face_distance_m     numeric(10,2)  NOT NULL,
    capacity_cubic_feet      numeric(14,4)  NOT NULL,
    used_cubic_feet          numeric(14,4)  NOT NULL DEFAULT 0,
    updated_at               timestamptz    NOT NULL,
    CONSTRAINT pk_bins PRIMARY KEY (fulfillment_center, bin_id)
);

-- Units shipped per FNSKU, FC and day (from OrderShipped): the sales velocity putaway ranks by.
CREATE TABLE receiving.sales_velocity (
    fnsku                varchar(10)  NOT NULL,
    fulfillment_center   varchar(10)  NOT NULL,
    day                  date         NOT NULL,
    units                integer      NOT NULL,
    CONSTRAINT pk_sales_velocity PRIMARY KEY (fnsku, fulfillment_center, day)
);

ALTER TABLE receiving.units ADD COLUMN bin_id varchar(32) NULL;
