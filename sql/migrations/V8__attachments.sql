-- Evidence a buyer (or an agent) attaches to a ticket: screenshots, PDFs, text. The bytes live in
-- files outside the web root (keydesk.attachments.dir) under a random storage_name; this table
-- holds what is known about each file. public_id is the random id used in URLs, so attachment ids
-- cannot be counted. original_name is the client's file name, sanitised, for the download only.
-- sha256 and size_bytes describe the stored bytes (after image metadata was stripped).
CREATE TABLE attachment (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ticket_id      BIGINT        NOT NULL,
  public_id      CHAR(32)      NOT NULL,
  original_name  VARCHAR(200)  NOT NULL,
  content_type   VARCHAR(100)  NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  storage_name   VARCHAR(80)   NOT NULL,
  uploaded_by    VARCHAR(8)    NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  CONSTRAINT uq_attachment_public_id UNIQUE (public_id),
  CONSTRAINT uq_attachment_storage_name UNIQUE (storage_name),
  CONSTRAINT ck_attachment_uploaded_by CHECK (uploaded_by IN ('BUYER', 'STAFF')),
  CONSTRAINT ck_attachment_size CHECK (size_bytes >= 0),
  CONSTRAINT fk_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_attachment_ticket ON attachment (ticket_id, id);
