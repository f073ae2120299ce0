"""The programme: rooms, sessions and participants kept free of double bookings by PostgreSQL,
the protocol views (precedence, speaking order, seating, security list), and versioned
publication with a changelog (``domain.diff``)."""
