-- The order of a ticket's timeline is its own sequence number: entries written in one transaction
-- share their time, and the insert order of new rows (hence their ids) is not guaranteed by JPA.
ALTER TABLE ticket_entry ADD COLUMN seq INT NOT NULL DEFAULT 0 AFTER ticket_id;

UPDATE ticket_entry e
  JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY id) - 1 AS rn
          FROM ticket_entry) r ON r.id = e.id
   SET e.seq = r.rn;

ALTER TABLE ticket_entry ADD CONSTRAINT uq_entry_ticket_seq UNIQUE (ticket_id, seq);
