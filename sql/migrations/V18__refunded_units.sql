-- Units of an order refunded because they were never delivered and no stock could fill them.
-- Without a record of them a unit still looked undelivered, so a second "not received" claim was
-- refunded again, or delivered from stock once stock arrived (the buyer got the refund and a key).
CREATE TABLE order_refunded_unit (
  order_id    BIGINT   NOT NULL,
  unit_index  INT      NOT NULL,
  PRIMARY KEY (order_id, unit_index),
  CONSTRAINT fk_refunded_unit_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
  CONSTRAINT ck_refunded_unit_index CHECK (unit_index >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
