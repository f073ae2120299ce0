"""Attendees' replies to their invitations (iTIP REPLY by mail): the inbound SMTP endpoint, the
checks that tie a reply to the invitation it answers, and each person's answer per session
(docs/calendar.md, "Replies")."""
