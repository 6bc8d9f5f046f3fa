-- Partner API keys issued through the admin endpoint. Only the SHA-256 of a key is stored.
CREATE TABLE gateway.api_keys (
    id                  varchar(32)   NOT NULL PRIMARY KEY,
    key_hash            varchar(64)   NOT NULL,
    seller_id           varchar(64)   NOT NULL,
    scopes              varchar(400)  NOT NULL,
    permits_per_second  integer       NOT NULL,
    burst               integer       NOT NULL,
    created_at          timestamptz   NOT NULL,
    revoked_at          timestamptz   NULL,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
