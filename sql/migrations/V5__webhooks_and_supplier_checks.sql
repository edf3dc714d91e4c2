-- Shop webhooks (an outbox of their own, retried until the shop acknowledges), paused products,
-- the record of supplier key checks, and the simulated supplier's answer rules.

-- One webhook to the shop, written in the transaction of the change it announces. The relay claims
-- due rows with FOR UPDATE SKIP LOCKED (moving next_attempt_at forward as a lease), sends them
-- outside any transaction and records the outcome; undelivered rows are retried with a growing
-- pause until the shop answers 2xx.
CREATE TABLE webhook_delivery (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id         CHAR(36)     NOT NULL,
  type             VARCHAR(64)  NOT NULL,
  aggregate_id     VARCHAR(64)  NOT NULL,
  payload          MEDIUMTEXT   NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(3)  NOT NULL,
  delivered_at     DATETIME(3)  NULL,
  last_status      INT          NULL,
  last_error       VARCHAR(500) NULL,
  created_at       DATETIME(3)  NOT NULL,
  CONSTRAINT uq_webhook_event_id UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_webhook_due ON webhook_delivery (delivered_at, next_attempt_at);
CREATE INDEX ix_webhook_aggregate ON webhook_delivery (aggregate_id, created_at);

-- A product whose sales the shop was asked to pause; the row is removed when sales resume.
CREATE TABLE product_pause (
  product_id  BIGINT       NOT NULL PRIMARY KEY,
  reason      VARCHAR(500) NOT NULL,
  paused_by   VARCHAR(100) NOT NULL,
  paused_at   DATETIME(3)  NOT NULL,
  CONSTRAINT fk_pause_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every check of a key with its supplier: what was asked (never the code), what came back.
CREATE TABLE supplier_check (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  card_key_id    BIGINT       NOT NULL,
  supplier_code  VARCHAR(64)  NOT NULL,
  outcome        VARCHAR(16)  NOT NULL,
  detail         VARCHAR(500) NOT NULL,
  took_ms        INT          NOT NULL,
  requested_by   VARCHAR(100) NOT NULL,
  checked_at     DATETIME(3)  NOT NULL,
  CONSTRAINT fk_check_key FOREIGN KEY (card_key_id) REFERENCES card_key (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_check_key ON supplier_check (card_key_id, checked_at);
CREATE INDEX ix_check_supplier ON supplier_check (supplier_code, checked_at);

-- The simulated supplier's answers (local runs and tests only), shared by all app instances.
-- scope: FINGERPRINT | SKU | DEFAULT (match_value '' for DEFAULT).
CREATE TABLE simulated_supplier_rule (
  scope        VARCHAR(16)  NOT NULL,
  match_value  VARCHAR(64)  NOT NULL,
  answer       VARCHAR(16)  NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (scope, match_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
