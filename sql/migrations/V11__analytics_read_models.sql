-- Read models of the streams job's result topics (docs/events.md#results-of-the-streams-job), written
-- by the webapp's analytics consumer (AnalyticsResultConsumer). Every write is idempotent, so a replay
-- of a topic or a duplicate record changes nothing.

-- Complaint rates, one row per record key `scope|id|window`; a record replaces the row only when it is
-- at least as new (window end, then volume: counts of one window only grow).
CREATE TABLE analytics_complaint_rate (
  rate_key      VARCHAR(200) NOT NULL PRIMARY KEY,
  scope         VARCHAR(16)  NOT NULL,
  subject_id    VARCHAR(100) NOT NULL,
  window_name   VARCHAR(8)   NOT NULL,
  window_start  DATETIME(3)  NOT NULL,
  window_end    DATETIME(3)  NOT NULL,
  delivered     BIGINT       NOT NULL,
  complaints    BIGINT       NOT NULL,
  by_category   JSON         NOT NULL,
  rate          DOUBLE       NOT NULL,
  updated_at    DATETIME(3)  NOT NULL,
  CONSTRAINT ck_rate_scope CHECK (scope IN ('product', 'supplier', 'batch')),
  CONSTRAINT ck_rate_window CHECK (window_name IN ('1h', '24h', '7d'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rate_scope_window ON analytics_complaint_rate (scope, window_name, rate);

-- Funnel counts per `step|mode|language|channel|hourStart`; counts of one key only grow, so an
-- upsert keeps the larger of each.
CREATE TABLE analytics_funnel_step (
  step_key    VARCHAR(200) NOT NULL PRIMARY KEY,
  step        VARCHAR(40)  NOT NULL,
  mode        VARCHAR(16)  NOT NULL,
  language    VARCHAR(16)  NOT NULL,
  channel     VARCHAR(16)  NOT NULL,
  hour_start  DATETIME(3)  NOT NULL,
  entered     BIGINT       NOT NULL,
  completed   BIGINT       NOT NULL,
  abandoned   BIGINT       NOT NULL,
  updated_at  DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_funnel_hour ON analytics_funnel_step (hour_start, step);

-- Product alerts, once per product and hour (the alert's natural id). notified / paused record what
-- predictive after-sales did with it.
CREATE TABLE analytics_product_alert (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku          VARCHAR(64)  NOT NULL,
  supplier     VARCHAR(64)  NULL,
  batches      JSON         NOT NULL,
  rate         DOUBLE       NOT NULL,
  baseline     DOUBLE       NOT NULL,
  threshold    DOUBLE       NOT NULL,
  volume       BIGINT       NOT NULL,
  delivered    BIGINT       NOT NULL,
  hour_start   DATETIME(3)  NOT NULL,
  raised_at    DATETIME(3)  NOT NULL,
  received_at  DATETIME(3)  NOT NULL,
  notified     INT          NOT NULL DEFAULT 0,
  paused       BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT uq_alert_sku_hour UNIQUE (sku, hour_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One proactive notice per buyer (contact) per alert.
CREATE TABLE analytics_alert_notice (
  alert_id    BIGINT       NOT NULL,
  contact     VARCHAR(254) NOT NULL,
  order_no    VARCHAR(64)  NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (alert_id, contact),
  CONSTRAINT fk_alert_notice_alert FOREIGN KEY (alert_id) REFERENCES analytics_product_alert (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Streamed fraud signals go into fraud_signal (source STREAM). A buyer subject is only known by its
-- keyed contact hash (DomainEvents.contactHash); the risk engine matches a claimant's hash against it.
-- stream_id (kind|subject|window|windowStart) makes a streamed signal insert-once.
ALTER TABLE fraud_signal ADD COLUMN contact_hash CHAR(64) NULL, ADD COLUMN stream_id VARCHAR(255) NULL;
CREATE UNIQUE INDEX uq_signal_stream_id ON fraud_signal (stream_id);
CREATE INDEX ix_signal_source_contact_hash ON fraud_signal (source, contact_hash, expires_at);
