-- Issue 6, part A: the staff queue, automatic assignment, deadlines and escalation (docs/console.md).

-- Agents' skills, capacity and presence. An agent receives a ticket automatically only when they
-- handle its category and its language, are not away, and hold fewer open tickets than `capacity`;
-- among those the least recently assigned goes first (`last_assigned_at`, NULL = never).
ALTER TABLE staff_user
  ADD COLUMN capacity          INT         NOT NULL DEFAULT 10,
  ADD COLUMN away              BOOLEAN     NOT NULL DEFAULT FALSE,
  ADD COLUMN last_assigned_at  DATETIME(3) NULL,
  ADD CONSTRAINT ck_staff_capacity CHECK (capacity BETWEEN 0 AND 500);

CREATE TABLE staff_skill_category (
  staff_id       BIGINT      NOT NULL,
  category_code  VARCHAR(32) NOT NULL,
  PRIMARY KEY (staff_id, category_code),
  CONSTRAINT fk_skill_cat_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_skill_cat_category FOREIGN KEY (category_code) REFERENCES category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_skill_cat_category ON staff_skill_category (category_code, staff_id);

CREATE TABLE staff_skill_language (
  staff_id  BIGINT     NOT NULL,
  language  VARCHAR(8) NOT NULL,
  PRIMARY KEY (staff_id, language),
  CONSTRAINT fk_skill_lang_staff FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_skill_lang_language ON staff_skill_language (language, staff_id);

-- Agents that exist already keep working as before: every category, both languages.
INSERT INTO staff_skill_category (staff_id, category_code)
  SELECT u.id, c.code FROM staff_user u CROSS JOIN category c WHERE u.role = 'AGENT';
INSERT INTO staff_skill_language (staff_id, language)
  SELECT u.id, l.language FROM staff_user u
    CROSS JOIN (SELECT 'zh-CN' AS language UNION ALL SELECT 'en') l
   WHERE u.role = 'AGENT';

-- Deadlines: each target is flagged "at risk" once and escalated once when missed; the sweep sets
-- these columns with a row lock, so two app instances never flag or escalate a ticket twice.
ALTER TABLE ticket
  ADD COLUMN assigned_at              DATETIME(3)  NULL,
  ADD COLUMN response_at_risk_at      DATETIME(3)  NULL,
  ADD COLUMN resolution_at_risk_at    DATETIME(3)  NULL,
  ADD COLUMN response_breached_at     DATETIME(3)  NULL,
  ADD COLUMN resolution_breached_at   DATETIME(3)  NULL,
  ADD COLUMN escalated_at             DATETIME(3)  NULL,
  ADD COLUMN escalation_target        VARCHAR(16)  NULL,
  ADD COLUMN escalation_reason        VARCHAR(500) NULL,
  ADD CONSTRAINT ck_ticket_escalation_target
    CHECK (escalation_target IS NULL OR escalation_target IN ('SUPERVISOR', 'SUPPLIER'));

-- Queue filters and the assignment's load count.
CREATE INDEX ix_ticket_assignee_status ON ticket (assignee_id, status);
CREATE INDEX ix_ticket_status_response ON ticket (status, response_due_at);
CREATE INDEX ix_ticket_status_escalated ON ticket (status, escalated_at);
CREATE INDEX ix_ticket_status_risk ON ticket (status, risk_decision);
