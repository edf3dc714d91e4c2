-- Buyer notifications. `notification` is an outbox of its own: one row per notice and channel,
-- written in the transaction of the change that causes it and sent by the notification relay
-- (one row at a time, taken with FOR UPDATE SKIP LOCKED, so two instances never send one row
-- twice). A failed send stays PENDING with a later next_attempt_at (capped exponential backoff);
-- nothing is dropped while a mail server or SMS gateway is down.
--
-- params holds the template parameters that are not secret, as JSON. Secret parameters (a one-time
-- code) are sealed with the card key vault (AES-256-GCM, crypto_version = key version) in
-- secrets_sealed, and cleared once the row is SENT, EXPIRED or FAILED. Card keys are never stored
-- here: a DELIVERY_RESEND row names the order, and the sender opens its keys in memory only.
CREATE TABLE notification (
  id               BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id         CHAR(36)        NOT NULL,
  contact          VARCHAR(254)    NOT NULL,
  channel          VARCHAR(8)      NOT NULL,
  template         VARCHAR(40)     NOT NULL,
  language         VARCHAR(8)      NOT NULL,
  params           JSON            NOT NULL,
  secrets_sealed   VARBINARY(1024) NULL,
  crypto_version   INT             NULL,
  status           VARCHAR(8)      NOT NULL,
  attempts         INT             NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(3)     NOT NULL,
  expires_at       DATETIME(3)     NULL,
  sent_at          DATETIME(3)     NULL,
  last_error       VARCHAR(500)    NULL,
  created_at       DATETIME(3)     NOT NULL,
  CONSTRAINT uq_notification_event_id UNIQUE (event_id),
  CONSTRAINT ck_notification_channel CHECK (channel IN ('EMAIL', 'SMS', 'INBOX')),
  CONSTRAINT ck_notification_status CHECK (status IN ('PENDING', 'SENT', 'EXPIRED', 'FAILED')),
  CONSTRAINT ck_notification_secrets CHECK (status = 'PENDING' OR secrets_sealed IS NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_notification_due ON notification (status, next_attempt_at, id);
CREATE INDEX ix_notification_contact ON notification (contact, created_at);

-- The buyer's in-site inbox: what INBOX delivery writes, in the buyer's language, read through
-- GET /api/v1/buyer/inbox by the buyer of that contact only.
CREATE TABLE inbox_message (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id    CHAR(36)      NOT NULL,
  contact     VARCHAR(254)  NOT NULL,
  language    VARCHAR(8)    NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  body        TEXT          NOT NULL,
  ticket_no   VARCHAR(32)   NULL,
  order_no    VARCHAR(64)   NULL,
  read_at     DATETIME(3)   NULL,
  created_at  DATETIME(3)   NOT NULL,
  CONSTRAINT uq_inbox_event_id UNIQUE (event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inbox_contact ON inbox_message (contact, created_at);
CREATE INDEX ix_inbox_unread ON inbox_message (contact, read_at);
