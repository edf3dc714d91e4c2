-- Keydesk core schema: catalog, orders and card keys, categories, tickets, staff, buyer sessions,
-- rate limits, shop request replay guard and the transactional outbox.
-- All tables InnoDB, utf8mb4; times are UTC (TIMESTAMP(3) written by the application as UTC).

CREATE TABLE supplier (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT uq_supplier_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku         VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  supplier_id BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT uq_product_sku UNIQUE (sku),
  CONSTRAINT fk_product_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE key_batch (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id  BIGINT       NOT NULL,
  code        VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  CONSTRAINT uq_batch_product_code UNIQUE (product_id, code),
  CONSTRAINT fk_batch_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE shop_order (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_no      VARCHAR(64)   NOT NULL,
  product_id    BIGINT        NOT NULL,
  quantity      INT           NOT NULL,
  amount        DECIMAL(14,2) NOT NULL,
  currency      CHAR(3)       NOT NULL,
  buyer_email   VARCHAR(254)  NULL,
  buyer_phone   VARCHAR(32)   NULL,
  paid_at       DATETIME(3)   NOT NULL,
  payload_hash  CHAR(64)      NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  version       INT           NOT NULL DEFAULT 0,
  CONSTRAINT uq_order_no UNIQUE (order_no),
  CONSTRAINT fk_order_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT ck_order_quantity CHECK (quantity > 0),
  CONSTRAINT ck_order_contact CHECK (buyer_email IS NOT NULL OR buyer_phone IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_order_buyer_email ON shop_order (buyer_email);
CREATE INDEX ix_order_buyer_phone ON shop_order (buyer_phone);
CREATE INDEX ix_order_product_paid ON shop_order (product_id, paid_at);

-- One delivered (or stocked) card key. The code and secret are AES-256-GCM ciphertexts
-- (nonce || ciphertext || tag) with the version of the key that sealed them; fingerprint is
-- HMAC-SHA256(code) in hex, so duplicates are found without decrypting.
CREATE TABLE card_key (
  id                 BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id           BIGINT         NULL,
  product_id         BIGINT         NOT NULL,
  batch_id           BIGINT         NULL,
  key_index          INT            NULL,
  code_sealed        VARBINARY(2048) NOT NULL,
  secret_sealed      VARBINARY(2048) NULL,
  crypto_version     INT            NOT NULL,
  fingerprint        CHAR(64)       NOT NULL,
  status             VARCHAR(16)    NOT NULL,
  delivered_at       DATETIME(3)    NULL,
  revealed_at        DATETIME(3)    NULL,
  redeemed_at        DATETIME(3)    NULL,
  voided_at          DATETIME(3)    NULL,
  version            INT            NOT NULL DEFAULT 0,
  CONSTRAINT uq_key_order_index UNIQUE (order_id, key_index),
  CONSTRAINT fk_key_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
  CONSTRAINT fk_key_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_key_batch FOREIGN KEY (batch_id) REFERENCES key_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_key_fingerprint ON card_key (fingerprint);
CREATE INDEX ix_key_product_status ON card_key (product_id, status);

-- The six after-sales categories with their published targets (minutes). Stored once, used for
-- deadlines, the rules page and reports.
CREATE TABLE category (
  code                VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_en             VARCHAR(100) NOT NULL,
  name_zh             VARCHAR(100) NOT NULL,
  response_minutes    INT          NOT NULL,
  resolution_minutes  INT          NOT NULL,
  sort_order          INT          NOT NULL,
  CONSTRAINT ck_category_targets CHECK (response_minutes > 0 AND resolution_minutes >= response_minutes)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO category (code, name_en, name_zh, response_minutes, resolution_minutes, sort_order) VALUES
  ('NOT_RECEIVED',   'Key not received', '未收到卡密', 30,   240,  1),
  ('INVALID_KEY',    'Key does not work', '卡密无效',  120,  1440, 2),
  ('WRONG_PURCHASE', 'Bought by mistake', '购买错误',  240,  2880, 3),
  ('PAYMENT_ISSUE',  'Payment problem',   '支付问题',  120,  1440, 4),
  ('USAGE_HELP',     'How to use it',     '使用帮助',  240,  1440, 5),
  ('OTHER',          'Something else',    '其他',      480,  4320, 6);

CREATE TABLE staff_user (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username       VARCHAR(64)  NOT NULL,
  display_name   VARCHAR(100) NOT NULL,
  password_hash  VARCHAR(512) NOT NULL,
  role           VARCHAR(20)  NOT NULL,
  supplier_id    BIGINT       NULL,
  language       VARCHAR(8)   NOT NULL DEFAULT 'en',
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT uq_staff_username UNIQUE (username),
  CONSTRAINT fk_staff_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id),
  CONSTRAINT ck_staff_supplier CHECK ((role = 'SUPPLIER_MANAGER') = (supplier_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- API bearer tokens of staff: only the SHA-256 of the token is stored.
CREATE TABLE staff_token (
  token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
  staff_id    BIGINT      NOT NULL,
  created_at  DATETIME(3) NOT NULL,
  expires_at  DATETIME(3) NOT NULL,
  CONSTRAINT fk_token_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_staff_token_expires ON staff_token (expires_at);

CREATE TABLE ticket (
  id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_no           VARCHAR(32)  NOT NULL,
  order_id            BIGINT       NOT NULL,
  card_key_id         BIGINT       NULL,
  category_code       VARCHAR(32)  NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  resolution          VARCHAR(20)  NULL,
  resolution_note     TEXT         NULL,
  description         TEXT         NOT NULL,
  language            VARCHAR(8)   NOT NULL,
  channel             VARCHAR(16)  NOT NULL,
  buyer_contact       VARCHAR(254) NOT NULL,
  idempotency_key     VARCHAR(100) NULL,
  assignee_id         BIGINT       NULL,
  response_due_at     DATETIME(3)  NOT NULL,
  resolution_due_at   DATETIME(3)  NOT NULL,
  first_response_at   DATETIME(3)  NULL,
  resolved_at         DATETIME(3)  NULL,
  closed_at           DATETIME(3)  NULL,
  created_at          DATETIME(3)  NOT NULL,
  updated_at          DATETIME(3)  NOT NULL,
  version             INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_ticket_no UNIQUE (ticket_no),
  CONSTRAINT uq_ticket_idempotency UNIQUE (buyer_contact, idempotency_key),
  CONSTRAINT fk_ticket_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
  CONSTRAINT fk_ticket_key FOREIGN KEY (card_key_id) REFERENCES card_key (id),
  CONSTRAINT fk_ticket_category FOREIGN KEY (category_code) REFERENCES category (code),
  CONSTRAINT fk_ticket_assignee FOREIGN KEY (assignee_id) REFERENCES staff_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_ticket_queue ON ticket (status, resolution_due_at);
CREATE INDEX ix_ticket_category_status ON ticket (category_code, status);
CREATE INDEX ix_ticket_order ON ticket (order_id);
CREATE INDEX ix_ticket_contact ON ticket (buyer_contact, created_at);

-- The ticket's timeline: every transition and every message, in order.
CREATE TABLE ticket_entry (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id         BIGINT       NOT NULL,
  kind              VARCHAR(16)  NOT NULL,
  from_status       VARCHAR(20)  NULL,
  to_status         VARCHAR(20)  NULL,
  actor_type        VARCHAR(16)  NOT NULL,
  actor_name        VARCHAR(100) NOT NULL,
  body              TEXT         NULL,
  visible_to_buyer  BOOLEAN      NOT NULL,
  created_at        DATETIME(3)  NOT NULL,
  CONSTRAINT fk_entry_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_entry_ticket ON ticket_entry (ticket_id, id);

-- Buyer sessions: order number + contact proved -> opaque token; only its SHA-256 is stored.
CREATE TABLE buyer_session (
  token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
  contact     VARCHAR(254) NOT NULL,
  order_id    BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NOT NULL,
  CONSTRAINT fk_session_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_buyer_session_expires ON buyer_session (expires_at);

-- Fixed-window rate limit counters shared by all app instances.
CREATE TABLE rate_limit (
  bucket        VARCHAR(190) NOT NULL,
  window_start  DATETIME     NOT NULL,
  hits          INT          NOT NULL,
  PRIMARY KEY (bucket, window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Signatures of accepted shop requests inside the replay window: a second request with the same
-- signature is a replay.
CREATE TABLE shop_request (
  signature    CHAR(64)    NOT NULL PRIMARY KEY,
  received_at  DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_shop_request_received ON shop_request (received_at);

-- Transactional outbox: written in the same transaction as the change it announces.
CREATE TABLE outbox_event (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id        CHAR(36)     NOT NULL,
  topic           VARCHAR(120) NOT NULL,
  aggregate_type  VARCHAR(40)  NOT NULL,
  aggregate_id    VARCHAR(64)  NOT NULL,
  event_type      VARCHAR(64)  NOT NULL,
  payload         MEDIUMTEXT   NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  published_at    DATETIME(3)  NULL,
  CONSTRAINT uq_outbox_event_id UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outbox_pending ON outbox_event (published_at, id);

-- One row per relay: whoever holds the row lock publishes; other instances skip (SKIP LOCKED).
CREATE TABLE outbox_relay_lock (
  name  VARCHAR(40) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO outbox_relay_lock (name) VALUES ('kafka');
