-- The SHA-256 of the request body a key was first used with: the same key with another body is refused (422).
ALTER TABLE $schema$.idempotency_keys ADD COLUMN request_hash varchar(64) NULL;
