-- Supplier reports (issue 6, items 8 and 9).
--
-- report_run: one row per scheduled report (supplier, kind DAILY|WEEKLY, period start, recipient).
-- The UNIQUE key is the claim: every app instance sweeps, and only the one whose INSERT created the
-- row (or who took over an expired claim of a crashed sender) sends. claim -> send -> mark SENT.
CREATE TABLE report_run (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  supplier_id    BIGINT       NOT NULL,
  kind           VARCHAR(8)   NOT NULL,
  period_start   DATETIME(3)  NOT NULL,
  period_end     DATETIME(3)  NOT NULL,
  staff_id       BIGINT       NOT NULL,
  status         VARCHAR(8)   NOT NULL,
  claimed_by     VARCHAR(64)  NOT NULL,
  claimed_until  DATETIME(3)  NOT NULL,
  attempts       INT          NOT NULL DEFAULT 1,
  last_error     VARCHAR(500) NULL,
  created_at     DATETIME(3)  NOT NULL,
  sent_at        DATETIME(3)  NULL,
  CONSTRAINT uq_report_run UNIQUE (supplier_id, kind, period_start, staff_id),
  CONSTRAINT fk_report_run_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id),
  CONSTRAINT fk_report_run_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id),
  CONSTRAINT ck_report_run_kind CHECK (kind IN ('DAILY', 'WEEKLY')),
  CONSTRAINT ck_report_run_status CHECK (status IN ('CLAIMED', 'SENT', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_report_run_retry ON report_run (status, claimed_until);

-- Where a member of staff receives scheduled reports. IF NOT EXISTS: another migration may add the
-- same column for the staff screens.
ALTER TABLE staff_user ADD COLUMN IF NOT EXISTS email VARCHAR(254) NULL;

-- Reports read the tickets of a period and join them to the supplier's orders.
CREATE INDEX ix_ticket_created ON ticket (created_at, order_id);
