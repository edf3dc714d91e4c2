-- Automatic resolution and risk control (issue 3): what the risk engine needs on a ticket, stock and
-- replacement bookkeeping on card keys, block lists, thresholds, fraud signals, one-time codes for
-- re-revealing a key, and the hash-chained audit log.

-- The ticket remembers where the claim came from, what the classifier read, what the risk engine
-- decided and why, and its place in the queue (rank_at: the response deadline moved by amount,
-- credit and risk; see docs/risk.md).
ALTER TABLE ticket
  ADD COLUMN client_ip             VARCHAR(45)   NULL,
  ADD COLUMN device_id             VARCHAR(100)  NULL,
  ADD COLUMN error_text            TEXT          NULL,
  ADD COLUMN intended_product      VARCHAR(200)  NULL,
  ADD COLUMN classified_category   VARCHAR(32)   NULL,
  ADD COLUMN classified_confidence DECIMAL(4,3)  NULL,
  ADD COLUMN hints                 TEXT          NULL,
  ADD COLUMN risk_decision         VARCHAR(8)    NULL,
  ADD COLUMN risk_reasons          TEXT          NULL,
  ADD COLUMN credit_score          INT           NULL,
  ADD COLUMN auto_action           VARCHAR(24)   NULL,
  ADD COLUMN rank_at               DATETIME(3)   NULL;
UPDATE ticket SET rank_at = response_due_at WHERE rank_at IS NULL;
ALTER TABLE ticket MODIFY rank_at DATETIME(3) NOT NULL;
CREATE INDEX ix_ticket_rank ON ticket (status, rank_at);
CREATE INDEX ix_ticket_ip ON ticket (client_ip, created_at);
CREATE INDEX ix_ticket_device ON ticket (device_id, created_at);
CREATE INDEX ix_ticket_key ON ticket (card_key_id);

-- A replaced key points at its replacement (at most one: a key is replaced once); a refunded key
-- keeps its history and a fresh IN_STOCK row carries the same sealed code back to stock.
ALTER TABLE card_key
  ADD COLUMN replaced_by_id  BIGINT      NULL,
  ADD COLUMN defective_at    DATETIME(3) NULL,
  ADD COLUMN refunded_at     DATETIME(3) NULL,
  ADD CONSTRAINT uq_key_replaced_by UNIQUE (replaced_by_id),
  ADD CONSTRAINT fk_key_replaced_by FOREIGN KEY (replaced_by_id) REFERENCES card_key (id);

ALTER TABLE key_batch
  ADD COLUMN defect_count INT         NOT NULL DEFAULT 0,
  ADD COLUMN flagged_at   DATETIME(3) NULL;

-- Contacts, IP addresses and devices whose claims are refused (BLOCK).
CREATE TABLE block_entry (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind        VARCHAR(16)  NOT NULL,
  value       VARCHAR(254) NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NULL,
  CONSTRAINT uq_block_kind_value UNIQUE (kind, value),
  CONSTRAINT ck_block_kind CHECK (kind IN ('CONTACT', 'IP', 'DEVICE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The risk engine's thresholds, editable by admins (every change audited).
CREATE TABLE risk_setting (
  name         VARCHAR(64)  NOT NULL PRIMARY KEY,
  value        INT          NOT NULL,
  description  VARCHAR(300) NOT NULL,
  updated_at   DATETIME(3)  NOT NULL,
  CONSTRAINT ck_risk_setting_value CHECK (value >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO risk_setting (name, value, description, updated_at) VALUES
  ('claims.contact.day',   3,   'claims per buyer contact per day before REVIEW',              UTC_TIMESTAMP(3)),
  ('claims.contact.month', 8,   'claims per buyer contact per 30 days before REVIEW',          UTC_TIMESTAMP(3)),
  ('claims.ip.day',        5,   'claims per IP address per day before REVIEW',                 UTC_TIMESTAMP(3)),
  ('claims.ip.month',      20,  'claims per IP address per 30 days before REVIEW',             UTC_TIMESTAMP(3)),
  ('claims.device.day',    3,   'claims per device per day before REVIEW',                     UTC_TIMESTAMP(3)),
  ('claims.device.month',  8,   'claims per device per 30 days before REVIEW',                 UTC_TIMESTAMP(3)),
  ('credit.review-below',  40,  'a credit score below this sends claims to REVIEW',            UTC_TIMESTAMP(3)),
  ('auto.max-amount',      1000, 'orders above this amount are never refunded automatically',  UTC_TIMESTAMP(3)),
  ('external.days',        30,  'days a signal from the streams job keeps sending to REVIEW',  UTC_TIMESTAMP(3));

-- What the risk engine (source ENGINE), the streams job (STREAM) or staff (STAFF) noticed.
CREATE TABLE fraud_signal (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind         VARCHAR(40)  NOT NULL,
  source       VARCHAR(16)  NOT NULL,
  decision     VARCHAR(8)   NULL,
  ticket_no    VARCHAR(32)  NULL,
  order_no     VARCHAR(64)  NULL,
  contact      VARCHAR(254) NULL,
  client_ip    VARCHAR(45)  NULL,
  device_id    VARCHAR(100) NULL,
  fingerprint  CHAR(64)     NULL,
  detail       VARCHAR(500) NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  expires_at   DATETIME(3)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_signal_created ON fraud_signal (created_at);
CREATE INDEX ix_signal_kind ON fraud_signal (kind, created_at);
CREATE INDEX ix_signal_contact ON fraud_signal (contact, created_at);
CREATE INDEX ix_signal_ip ON fraud_signal (client_ip, created_at);
CREATE INDEX ix_signal_device ON fraud_signal (device_id, created_at);

-- One-time codes sent to an order's contact before a key is shown again; only a keyed hash is kept.
CREATE TABLE one_time_code (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id    BIGINT      NOT NULL,
  key_index   INT         NOT NULL,
  code_hash   CHAR(64)    NOT NULL,
  attempts    INT         NOT NULL DEFAULT 0,
  created_at  DATETIME(3) NOT NULL,
  expires_at  DATETIME(3) NOT NULL,
  used_at     DATETIME(3) NULL,
  CONSTRAINT fk_otc_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_otc_order_key ON one_time_code (order_id, key_index, created_at);

-- The audit log: every transition, automatic action, risk decision, staff action and configuration
-- change. Entry n holds the SHA-256 of entry n-1 (prev_hash) and its own (hash) over its content, so
-- any edit breaks the chain at that entry. Append-only: the triggers refuse UPDATE and DELETE for
-- every user, and the application's database user has no right to drop them (docs/operations.md).
CREATE TABLE audit_entry (
  seq           BIGINT       NOT NULL PRIMARY KEY,
  at            DATETIME(3)  NOT NULL,
  actor_type    VARCHAR(16)  NOT NULL,
  actor_name    VARCHAR(100) NOT NULL,
  action        VARCHAR(64)  NOT NULL,
  subject_type  VARCHAR(32)  NOT NULL,
  subject_id    VARCHAR(100) NOT NULL,
  details       MEDIUMTEXT   NOT NULL,
  prev_hash     CHAR(64)     NOT NULL,
  hash          CHAR(64)     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id);

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entry is append-only';

-- The chain's head: appending locks this row, so entries get consecutive numbers in commit order.
CREATE TABLE audit_head (
  id         TINYINT  NOT NULL PRIMARY KEY,
  last_seq   BIGINT   NOT NULL,
  last_hash  CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
