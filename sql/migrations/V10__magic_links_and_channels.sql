-- Magic links: the delivery e-mail carries <portal>/m/<token>; opening it once, before it expires,
-- opens a portal session for the order's contact. Only the SHA-256 of the token is stored; used_at
-- is set by the first use (the row is taken FOR UPDATE, so two clicks cannot both win).
CREATE TABLE magic_link (
  token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
  contact     VARCHAR(254) NOT NULL,
  order_id    BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  expires_at  DATETIME(3)  NOT NULL,
  used_at     DATETIME(3)  NULL,
  CONSTRAINT fk_magic_link_order FOREIGN KEY (order_id) REFERENCES shop_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_magic_link_expires ON magic_link (expires_at);

-- The channels a buyer chose, per contact (the e-mail address or phone they proved). No row: the
-- contact's own channel and the inbox. The inbox is always on. other_contact is the order's other
-- contact (the phone of an e-mail buyer, or the reverse), known from the order the buyer proved,
-- so "also by SMS" can be offered when a phone is known. One-time codes and a delivery the buyer
-- asked for always go to the contact itself, whatever is chosen here.
CREATE TABLE buyer_preference (
  contact        VARCHAR(254) NOT NULL PRIMARY KEY,
  email_on       BOOLEAN      NOT NULL,
  sms_on         BOOLEAN      NOT NULL,
  other_contact  VARCHAR(254) NULL,
  updated_at     DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
