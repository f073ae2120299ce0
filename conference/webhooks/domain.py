"""Which endpoint addresses a webhook may target (no aiohttp, no asyncpg)."""

from __future__ import annotations

import ipaddress


def refused_address(address: str) -> str | None:
    """Why ``address`` (an IP) is no place to deliver to, or None: loopback, link-local
    (cloud metadata services live there), private, shared, multicast, reserved, unspecified."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for what, hit in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                      ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                      ("reserved", ip.is_reserved),
                      ("private", ip.is_private or not ip.is_global)):
        if hit:
            return f"a {what} address ({ip})"
    return None
