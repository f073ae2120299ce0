-- The workers are woken after the request that wrote an event has answered (one NOTIFY of its
-- own, coalesced: conference/outbox/wake.py), no longer by a trigger in the event's transaction:
-- PostgreSQL serialises the commits of notifying transactions on one lock held through the WAL
-- flush, which under a registration burst made every commit wait for the one before it.
-- (The trigger on delivery stays: deliveries are written by the workers, a few times a batch.)
DROP TRIGGER domain_event_notify ON domain_event;
