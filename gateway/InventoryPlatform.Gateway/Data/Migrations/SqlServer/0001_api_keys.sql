-- Partner API keys issued through the admin endpoint. Only the SHA-256 of a key is stored.
CREATE TABLE gateway.api_keys (
    id                  nvarchar(32)  NOT NULL PRIMARY KEY,
    key_hash            nvarchar(64)  NOT NULL,
    seller_id           nvarchar(64)  NOT NULL,
    scopes              nvarchar(400) NOT NULL,
    permits_per_second  int           NOT NULL,
    burst               int           NOT NULL,
    created_at          datetime2     NOT NULL,
    revoked_at          datetime2     NULL,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
