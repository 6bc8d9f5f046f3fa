-- What can be returned: every shipped order line (per order, FNSKU and FC), from OrderShipped.
CREATE TABLE returns.shipped_lines (
    order_id            uniqueidentifier NOT NULL,
    fnsku               nvarchar(10)   NOT NULL,
    fulfillment_center  nvarchar(10)   NOT NULL,
    seller_id           nvarchar(64)   NOT NULL,
    marketplace         nvarchar(10)   NOT NULL,
    quantity            int           NOT NULL,
    unit_price          decimal(19,4) NOT NULL,
    currency            nchar(3)      NOT NULL,
    shipped_at          datetime2     NOT NULL,
    CONSTRAINT pk_shipped_lines PRIMARY KEY (order_id, fnsku, fulfillment_center)
);
CREATE INDEX ix_shipped_lines_seller_fnsku ON returns.shipped_lines (seller_id, fnsku, shipped_at);
CREATE INDEX ix_shipped_lines_seller_time ON returns.shipped_lines (seller_id, shipped_at);

-- A return: authorized against a shipped order line, or opened by the dock for units that arrived without one.
CREATE TABLE returns.return_authorizations (
    id                  uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)   NOT NULL,
    unexpected          bit           NOT NULL,
    order_id            uniqueidentifier NULL,
    fnsku               nvarchar(10)   NOT NULL,
    marketplace         nvarchar(10)   NULL,
    reason              nvarchar(30)   NULL,
    authorized_quantity int           NOT NULL,
    received_units      int           NOT NULL DEFAULT 0,
    graded_units        int           NOT NULL DEFAULT 0,
    window_closes_at    datetime2     NULL,
    created_at          datetime2     NOT NULL,
    updated_at          datetime2     NOT NULL
);
CREATE INDEX ix_return_authorizations_seller ON returns.return_authorizations (seller_id, id);
CREATE INDEX ix_return_authorizations_order ON returns.return_authorizations (order_id, fnsku);

-- Each physical unit received back, once (a repeated scan of its id is recognised).
CREATE TABLE returns.returned_units (
    unit_id              nvarchar(64)  NOT NULL PRIMARY KEY,
    seller_id            nvarchar(64)  NOT NULL,
    return_id            uniqueidentifier NOT NULL,
    fnsku                nvarchar(10)  NOT NULL,
    fulfillment_center   nvarchar(10)  NOT NULL,
    beyond_authorization bit          NOT NULL,
    received_at          datetime2    NOT NULL,
    inspection_id        uniqueidentifier NULL,
    grade                nvarchar(30)  NULL,
    CONSTRAINT fk_returned_units_return FOREIGN KEY (return_id) REFERENCES returns.return_authorizations (id)
);
CREATE INDEX ix_returned_units_return ON returns.returned_units (return_id);
CREATE INDEX ix_returned_units_seller_time ON returns.returned_units (seller_id, received_at);

CREATE TABLE returns.inspections (
    id                  uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)   NOT NULL,
    return_id           uniqueidentifier NOT NULL,
    grade               nvarchar(30)   NOT NULL,
    opened_packaging    bit           NOT NULL,
    category            nvarchar(50)   NULL,
    note                nvarchar(1000) NULL,
    inspector           nvarchar(100)  NOT NULL,
    units               int           NOT NULL,
    disposition         nvarchar(30)   NOT NULL,
    responsibility      nvarchar(20)   NOT NULL,
    decision_rule       nvarchar(300)  NOT NULL,
    inspected_at        datetime2     NOT NULL,
    CONSTRAINT fk_inspections_return FOREIGN KEY (return_id) REFERENCES returns.return_authorizations (id)
);
CREATE INDEX ix_inspections_return ON returns.inspections (return_id, id);
CREATE INDEX ix_inspections_seller_time ON returns.inspections (seller_id, inspected_at);

-- What the network owes sellers for units a carrier or an FC damaged.
CREATE TABLE returns.reimbursements (
    id                  uniqueidentifier NOT NULL PRIMARY KEY,
    seller_id           nvarchar(64)   NOT NULL,
    return_id           uniqueidentifier NOT NULL,
    inspection_id       uniqueidentifier NOT NULL,
    fnsku               nvarchar(10)   NOT NULL,
    grade               nvarchar(30)   NOT NULL,
    units               int           NOT NULL,
    unit_price          decimal(19,4) NOT NULL,
    amount              decimal(19,4) NOT NULL,
    currency            nchar(3)      NOT NULL,
    created_at          datetime2     NOT NULL
);
CREATE INDEX ix_reimbursements_seller ON returns.reimbursements (seller_id, id);

CREATE TABLE returns.grading_rules (
    seller_id                   nvarchar(64)   NOT NULL PRIMARY KEY,
    restock_opened_like_new     bit           NOT NULL,
    opened_like_new_categories  nvarchar(2600) NOT NULL,
    opened_not_restocked        nvarchar(30)   NOT NULL,
    damaged                     nvarchar(30)   NOT NULL,
    defective                   nvarchar(30)   NOT NULL,
    updated_at                  datetime2     NOT NULL
);

-- Whether an FNSKU's return rate is above the threshold, so HighReturnRateDetected is published once per crossing.
CREATE TABLE returns.return_rate_alerts (
    seller_id           nvarchar(64)   NOT NULL,
    fnsku               nvarchar(10)   NOT NULL,
    above_threshold     bit           NOT NULL,
    return_rate         decimal(9,6)  NULL,
    changed_at          datetime2     NOT NULL,
    checked_at          datetime2     NOT NULL,
    CONSTRAINT pk_return_rate_alerts PRIMARY KEY (seller_id, fnsku)
);
CREATE INDEX ix_return_rate_alerts_raised ON returns.return_rate_alerts (above_threshold, checked_at);
