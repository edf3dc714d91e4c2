-- The buyer's rating of a resolved or closed case: a score of 1 to 5 and an optional comment, given
-- once (rated_at set means rated). Shown on the buyer's and the staff's view of the ticket.
ALTER TABLE ticket
  ADD COLUMN rating_score   TINYINT       NULL,
  ADD COLUMN rating_comment VARCHAR(1000) NULL,
  ADD COLUMN rated_at       DATETIME(3)   NULL,
  ADD CONSTRAINT ck_ticket_rating_score CHECK (rating_score IS NULL OR rating_score BETWEEN 1 AND 5),
  ADD CONSTRAINT ck_ticket_rating_given CHECK ((rating_score IS NULL) = (rated_at IS NULL));
