-- The staff ticket view (issue 6, part B): the address a buyer revealed a key from, and the canned
-- replies agents answer with.

-- The client address of the buyer's first reveal of a key (revealed_at is the first reveal's time).
ALTER TABLE card_key ADD COLUMN revealed_ip VARCHAR(45) NULL;

-- Canned replies: one row per name and language; the body holds placeholders such as {orderNo},
-- {productName}, {ticketNo}, {deadline} and optional ones such as {buyerName?}. A null category fits
-- every category.
CREATE TABLE canned_reply (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(80)   NOT NULL,
  category    VARCHAR(32)   NULL,
  language    VARCHAR(8)    NOT NULL,
  body        VARCHAR(4000) NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  updated_at  DATETIME(3)   NOT NULL,
  updated_by  VARCHAR(100)  NOT NULL,
  version     INT           NOT NULL DEFAULT 0,
  CONSTRAINT uq_canned_reply_name_language UNIQUE (name, language),
  CONSTRAINT ck_canned_reply_language CHECK (language IN ('zh-CN', 'en'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO canned_reply (name, category, language, body, created_at, updated_at, updated_by) VALUES
('key-replaced', 'INVALID_KEY', 'en',
 'Hello{buyerName?}, we are sorry the key of order {orderNo} ({productName}) did not work. We have sent you a new key; you can see it on ticket {ticketNo}.',
 UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'system'),
('key-replaced', 'INVALID_KEY', 'zh-CN',
 '您好{buyerName?}，很抱歉订单 {orderNo}（{productName}）的卡密无法使用。我们已为您更换新的卡密，可在工单 {ticketNo} 中查看。',
 UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'system'),
('need-screenshot', NULL, 'en',
 'Hello{buyerName?}, to check order {orderNo} ({productName}) we need a screenshot of the error. Please add it to ticket {ticketNo} before {deadline}.',
 UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'system'),
('need-screenshot', NULL, 'zh-CN',
 '您好{buyerName?}，为核实订单 {orderNo}（{productName}），我们需要报错截图。请在 {deadline} 前上传到工单 {ticketNo}。',
 UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 'system');
