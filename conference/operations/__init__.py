"""Operations: the event log, failed events and the deliveries as organisers read and retry them
(the outbox itself, in ``conference/outbox``, is only the mechanism)."""
