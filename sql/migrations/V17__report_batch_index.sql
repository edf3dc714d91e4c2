-- Supplier reports read each order's key batch; with (order_id, batch_id) MariaDB answers from the
-- index alone instead of reading every key row. Measured by benchmarks/console at 1 M tickets:
-- one supplier's weekly report 5.3 s -> 3.7 s (docs/benchmarks.md, "Staff console").
CREATE INDEX ix_key_order_batch ON card_key (order_id, batch_id);
