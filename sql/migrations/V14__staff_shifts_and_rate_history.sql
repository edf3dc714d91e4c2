-- The supervisors' dashboard and staffing forecast (issue 6, part C).

-- A simple weekly shift table: a member of staff works on `weekday` (1 Monday .. 7 Sunday) from
-- `start_hour` to `end_hour` (exclusive), in local hours of keydesk.display-zone (the zone the pages
-- show times in). A shift across midnight is two rows. The staffing forecast counts the agents on
-- shift per hour; supervisors edit it via the API (PUT /api/v1/ops/shifts/{username}), which replaces
-- one person's week.
CREATE TABLE staff_shift (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  staff_id    BIGINT      NOT NULL,
  weekday     TINYINT     NOT NULL,
  start_hour  TINYINT     NOT NULL,
  end_hour    TINYINT     NOT NULL,
  CONSTRAINT fk_shift_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE,
  CONSTRAINT ck_shift_hours CHECK (weekday BETWEEN 1 AND 7 AND start_hour BETWEEN 0 AND 23
    AND end_hour BETWEEN 1 AND 24 AND start_hour < end_hour)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_shift_staff ON staff_shift (staff_id, weekday);

-- The complaint rates' history for the dashboard's trend lines: analytics_complaint_rate keeps only
-- the newest window of each key, this keeps one point per window end (the windows advance by an
-- hour). Written by the same upsert as the snapshot; a point keeps the record with the most volume.
CREATE TABLE analytics_rate_point (
  scope        VARCHAR(16)  NOT NULL,
  subject_id   VARCHAR(100) NOT NULL,
  window_name  VARCHAR(8)   NOT NULL,
  window_end   DATETIME(3)  NOT NULL,
  delivered    BIGINT       NOT NULL,
  complaints   BIGINT       NOT NULL,
  rate         DOUBLE       NOT NULL,
  PRIMARY KEY (scope, window_name, subject_id, window_end)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_rate_point_end ON analytics_rate_point (scope, window_name, window_end);

-- Deadline breaches on the dashboard: open tickets past their first-response due time.
CREATE INDEX ix_ticket_response_due ON ticket (status, response_due_at);
