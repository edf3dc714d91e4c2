-- An Idempotency-Key is an opaque string: "abc" and "ABC" are two keys. The column compared them
-- under the table's case-insensitive collation, so a second ticket sent with a key differing only in
-- case was taken for a retry of the first.
ALTER TABLE ticket MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
