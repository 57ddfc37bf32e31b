"""Shapes of the values a user types: email and web addresses."""

import re

_EMAIL = re.compile(r"^[^@\s<>()\[\]\"',;:]+@[a-z0-9-]+(\.[a-z0-9-]+)+$", re.IGNORECASE)
_WEB = re.compile(r"^(https?://)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(/[^\s<>\"]*)?$", re.IGNORECASE)


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def is_web_address(value: str) -> bool:
    return bool(_WEB.match(value.strip()))


def web_url(value: str) -> str:
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"


LINK_SCHEMES = ("https://", "http://", "mailto:")  # the only links any format writes


def is_safe_link(href: str) -> bool:
    """A web or email address with something after its scheme (not javascript:, file:, data:…)."""
    return any(href[:len(scheme)].lower() == scheme and len(href) > len(scheme) for scheme in LINK_SCHEMES)
