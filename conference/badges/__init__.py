"""Badges with a signed QR reference, zones, press pools and zone-aware check-in."""
