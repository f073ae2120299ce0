-- A person's letters go before the rest of their mail (docs/outbox.md, "A person's letters
-- first"): a delivery about an accreditation is claimed only when no older letter to the same
-- address about the same accreditation is still to be sent. The letters not sent yet are few at
-- any time (a letter leaves this index when it is sent or fails), and invitations rendered at
-- send time are not letters: a publication's fan-out adds no entry here.
CREATE INDEX delivery_letter_unsent ON delivery (accreditation_id, recipient, seq)
    WHERE renderer IS NULL AND accreditation_id IS NOT NULL
      AND status IN ('queued', 'retry', 'in_flight');
