-- What can be returned: every shipped order line (per order, FNSKU and FC), from OrderShipped.
CREATE TABLE returns.shipped_lines (
    order_id            uuid          NOT NULL,
    fnsku               varchar(10)   NOT NULL,
    fulfillment_center  varchar(10)   NOT NULL,
    seller_id           varchar(64)   NOT NULL,
    marketplace         varchar(10)   NOT NULL,
    quantity            integer       NOT NULL,
    unit_price          numeric(19,4) NOT NULL,
    currency            char(3)       NOT NULL,
    shipped_at          timestamptz   NOT NULL,
    CONSTRAINT pk_shipped_lines PRIMARY KEY (order_id, fnsku, fulfillment_center)
);
CREATE INDEX ix_shipped_lines_seller_fnsku ON returns.shipped_lines (seller_id, fnsku, shipped_at);
CREATE INDEX ix_shipped_lines_seller_time ON returns.shipped_lines (seller_id, shipped_at);

-- A return: authorized against a shipped order line, or opened by the dock for units that arrived without one.
CREATE TABLE returns.return_authorizations (
    id                  uuid          NOT NULL PRIMARY KEY,
    seller_id           varchar(64)   NOT NULL,
    unexpected          boolean       NOT NULL,
    order_id            uuid          NULL,
    fnsku               varchar(10)   NOT NULL,
    marketplace         varchar(10)   NULL,
    reason              varchar(30)   NULL,
    authorized_quantity integer       NOT NULL,
    received_units      integer       NOT NULL DEFAULT 0,
    graded_units        integer       NOT NULL DEFAULT 0,
    window_closes_at    timestamptz   NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE INDEX ix_return_authorizations_seller ON returns.return_authorizations (seller_id, id);
CREATE INDEX ix_return_authorizations_order ON returns.return_authorizations (order_id, fnsku);

-- Each physical unit received back, once (a repeated scan of its id is recognised).
CREATE TABLE returns.returned_units (
    unit_id              varchar(64)  NOT NULL PRIMARY KEY,
    seller_id            varchar(64)  NOT NULL,
    return_id            uuid         NOT NULL,
    fnsku                varchar(10)  NOT NULL,
    fulfillment_center   varchar(10)  NOT NULL,
    beyond_authorization boolean      NOT NULL,
    received_at          timestamptz  NOT NULL,
    inspection_id        uuid         NULL,
    grade                varchar(30)  NULL,
    CONSTRAINT fk_returned_units_return FOREIGN KEY (return_id) REFERENCES returns.return_authorizations (id)
);
CREATE INDEX ix_returned_units_return ON returns.returned_units (return_id);
CREATE INDEX ix_returned_units_seller_time ON returns.returned_units (seller_id, received_at);

CREATE TABLE returns.inspections (
    id                  uuid          NOT NULL PRIMARY KEY,
    seller_id           varchar(64)   NOT NULL,
    return_id           uuid          NOT NULL,
    grade               varchar(30)   NOT NULL,
    opened_packaging    boolean       NOT NULL,
    category            varchar(50)   NULL,
    note                varchar(1000) NULL,
    inspector           varchar(100)  NOT NULL,
    units               integer       NOT NULL,
    disposition         varchar(30)   NOT NULL,
    responsibility      varchar(20)   NOT NULL,
    decision_rule       varchar(300)  NOT NULL,
    inspected_at        timestamptz   NOT NULL,
    CONSTRAINT fk_inspections_return FOREIGN KEY (return_id) REFERENCES returns.return_authorizations (id)
);
CREATE INDEX ix_inspections_return ON returns.inspections (return_id, id);
CREATE INDEX ix_inspections_seller_time ON returns.inspections (seller_id, inspected_at);

-- What the network owes sellers for units a carrier or an FC damaged.
CREATE TABLE returns.reimbursements (
    id                  uuid          NOT NULL PRIMARY KEY,
    seller_id           varchar(64)   NOT NULL,
    return_id           uuid          NOT NULL,
    inspection_id       uuid          NOT NULL,
    fnsku               varchar(10)   NOT NULL,
    grade               varchar(30)   NOT NULL,
    units               integer       NOT NULL,
    unit_price          numeric(19,4) NOT NULL,
    amount              numeric(19,4) NOT NULL,
    currency            char(3)       NOT NULL,
    created_at          timestamptz   NOT NULL
);
CREATE INDEX ix_reimbursements_seller ON returns.reimbursements (seller_id, id);

CREATE TABLE returns.grading_rules (
    seller_id                   varchar(64)   NOT NULL PRIMARY KEY,
    restock_opened_like_new     boolean       NOT NULL,
    opened_like_new_categories  varchar(2600) NOT NULL,
    opened_not_restocked        varchar(30)   NOT NULL,
    damaged                     varchar(30)   NOT NULL,
    defective                   varchar(30)   NOT NULL,
    updated_at                  timestamptz   NOT NULL
);

-- Whether an FNSKU's return rate is above the threshold, so HighReturnRateDetected is published once per crossing.
CREATE TABLE returns.return_rate_alerts (
    seller_id           varchar(64)   NOT NULL,
    fnsku               varchar(10)   NOT NULL,
    above_threshold     boolean       NOT NULL,
    return_rate         numeric(9,6)  NULL,
    changed_at          timestamptz   NOT NULL,
    checked_at          timestamptz   NOT NULL,
    CONSTRAINT pk_return_rate_alerts PRIMARY KEY (seller_id, fnsku)
);
CREATE INDEX ix_return_rate_alerts_raised ON returns.return_rate_alerts (above_threshold, checked_at);
