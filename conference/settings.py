"""Settings: a TOML file, then ``CONFERENCE_…`` environment variables (``__`` nests), which win.

The file is ``--config FILE``, else ``$CONFERENCE_CONFIG``, else none (built-in defaults).
Every setting is listed, commented, in ``config.example.toml``.
"""

from __future__ import annotations

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatabaseSettings(_Section):
    url: str | None = None
    """PostgreSQL URL; unset means the embedded server under ``data_dir/pgdata``."""
    min_connections: int = Field(default=2, ge=1)
    max_connections: int = Field(default=10, ge=1)
    command_timeout: float = Field(default=30.0, gt=0)
    listen_url: str | None = None
    """A direct connection to the same database for what a transaction pooler (PgBouncer in
    transaction mode) cannot carry: the workers' LISTEN and the migrations' session lock.
    Unset: ``url``."""
    statement_cache_size: int = Field(default=100, ge=0)
    """asyncpg's prepared-statement cache per connection; 0 behind PgBouncer in transaction
    mode (its 1.18 cannot keep a named prepared statement across transactions)."""


class SmtpSettings(_Section):
    host: str | None = None
    """SMTP relay; unset means the local sink (a maildir under ``data_dir/mail``)."""
    port: int = Field(default=25, ge=1, le=65535)
    security: Literal["none", "starttls", "tls"] = "none"
    username: str | None = None
    password: str | None = None
    timeout: float = Field(default=30.0, gt=0)
    """Seconds an SMTP exchange may take: connecting (and logging in), or one message's
    transaction (MAIL, RCPT, DATA and their replies). Past it, the message is retried later."""
    connections: int = Field(default=4, ge=1, le=64)
    """How many SMTP connections a worker keeps open and sends over at once."""
    sink_port: int = Field(default=0, ge=0, le=65535)
    """Port of the local sink when no relay is set (0: any free port)."""


class HttpSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    public_url: str | None = None
    """Base URL people reach the service at (for links in mail); default http://host:port."""
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    trusted_proxies: int | list[str] = 0
    """The reverse proxies in front of the service, as a number of hops or a list of their
    networks (CIDR): the client's address is then the rightmost X-Forwarded-For entry no trusted
    proxy added. 0 (the default): X-Forwarded-For is ignored."""
    trust_forwarded: bool = False
    """Deprecated: the same as ``trusted_proxies = 1``."""
    read_timeout_seconds: float = Field(default=30.0, gt=0)
    """A client that sends nothing for this long, while its request is read or while it keeps
    an idle connection, is disconnected."""

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, value: int | list[str]) -> int | list[str]:
        if isinstance(value, int):
            if value < 0:
                raise ValueError("must be a number of proxies (0 or more) or a list of CIDRs")
            return value
        for v in value:
            try:
                ipaddress.ip_network(v, strict=False)
            except ValueError:
                raise ValueError(f"not a network (CIDR): {v!r}") from None
        return value

    @property
    def proxies(self) -> int | list[str]:
        """``trusted_proxies``, with the deprecated ``trust_forwarded`` meaning one proxy."""
        if self.trust_forwarded and self.trusted_proxies in (0, []):
            return 1
        return self.trusted_proxies


_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_lifetime(text: str) -> timedelta | None:
    """``30d``, ``12h``, ``2w``, ``90m``; ``never`` for no expiry. ValueError otherwise."""
    text = text.strip().lower()
    if text == "never":
        return None
    m = re.fullmatch(r"(\d{1,6})([mhdw])", text)
    if m is None or int(m.group(1)) == 0:
        raise ValueError(f"not a lifetime: {text!r} (use e.g. 30d, 12h, 2w or never)")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


class TokenSettings(_Section):
    default_expires: str = "90d"
    """Lifetime of staff and focal-point tokens when ``--expires`` is not given (``30d``,
    ``12h``, ``2w`` or ``never``); focal-point tokens made with a delegation get it too."""

    @field_validator("default_expires")
    @classmethod
    def _lifetime(cls, value: str) -> str:
        parse_lifetime(value)
        return value

    @property
    def default_lifetime(self) -> timedelta | None:
        return parse_lifetime(self.default_expires)


class WebhookSettings(_Section):
    allow_private: bool = False
    """Allow webhook endpoints on loopback, link-local and private addresses (and plain http):
    for tests and closed networks only."""


class MetricsSettings(_Section):
    host: str | None = None
    """A separate listen address serving ``/metrics`` to anyone who reaches it (keep it
    internal); unset: none, and ``/metrics`` on the main address needs an admin token."""
    port: int = Field(default=9090, ge=0, le=65535)


class LimitSettings(_Section):
    registrations_per_minute: float = Field(default=20.0, ge=0)
    """Press registrations (without a token) per client and minute; 0 disables the limit."""
    registration_burst: int = Field(default=10, ge=1)
    token_lookups_per_minute: float = Field(default=60.0, ge=0)
    """Requests carrying a token unknown to the service, per client and minute (guessing)."""
    token_lookup_burst: int = Field(default=20, ge=1)
    signins_per_address_per_hour: float = Field(default=5.0, ge=0)
    """Sign-in links asked for one address per hour (0 disables the limit)."""
    signins_per_client_per_minute: float = Field(default=10.0, ge=0)
    """Sign-in requests (links asked, links spent) per client and minute (0: no limit)."""


class WorkerSettings(_Section):
    batch_size: int = Field(default=100, ge=1)
    lease_seconds: float = Field(default=60.0, gt=0)
    poll_seconds: float = Field(default=2.0, gt=0)
    max_attempts: int = Field(default=8, ge=1)
    backoff_base_seconds: float = Field(default=2.0, gt=0)
    backoff_max_seconds: float = Field(default=3600.0, gt=0)
    purge_interval_seconds: float = Field(default=3600.0, gt=0)
    """How often a worker applies the retention periods (one worker at a time does)."""
    dispatch_first_step: int = Field(default=1, ge=1)
    """Deliveries a consumer produces in the first step of a big event (committed at once, so
    sending starts while the rest is rendered); each further step produces four times more."""
    dispatch_max_step: int = Field(default=2000, ge=1)
    """Deliveries one dispatch transaction produces at most."""


class CalendarSettings(_Section):
    alarm_minutes: int | None = Field(default=30, ge=0, le=10080)
    """A reminder this many minutes before each session, in every invitation (unset: none)."""


class MailSettings(_Section):
    message_id_domain: str = "conference.local"
    sender: str = "conference@localhost"
    """From address of mail that belongs to no conference (a sign-in link)."""
    sender_name_fr: str = Field(default="Service des accréditations", min_length=1,
                                max_length=100)
    sender_name_en: str = Field(default="Accreditation service", min_length=1, max_length=100)
    """Who signs mail that belongs to no conference, in each language (its From name and its
    closing): the office running the service, not "Conference"."""
    timezone: str = "Europe/Brussels"
    """The time zone of the times in mail that belongs to no conference (when a sign-in link
    expires); mail about a conference gives its times in the conference's zone."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class SmtpInSettings(_Section):
    """The inbound SMTP endpoint that takes attendees' calendar replies (iTIP REPLY)."""

    host: str = "127.0.0.1"
    port: int | None = Field(default=None, ge=0, le=65535)
    """Unset: no endpoint (``conference serve`` starts one on this port when set; 0: any)."""
    reply_domain: str | None = None
    """The domain of the per-recipient reply addresses (``reply-…@domain``) that invitations
    carry; its MX must lead to this endpoint. Unset: ``mail.message_id_domain``."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CONFERENCE_",
        env_nested_delimiter="__",
        extra="forbid",
    )

    data_dir: Path = Path("var")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    event_loop: Literal["uvloop", "asyncio"] = "uvloop"
    """The event loop of ``serve`` and ``worker`` (docs/architecture.md, "Event loop")."""
    admin_email: str = "admin@localhost"
    """The first admin's address: ``serve`` makes it a person and prints a sign-in link."""
    database: DatabaseSettings = DatabaseSettings()
    smtp: SmtpSettings = SmtpSettings()
    http: HttpSettings = HttpSettings()
    worker: WorkerSettings = WorkerSettings()
    limits: LimitSettings = LimitSettings()
    metrics: MetricsSettings = MetricsSettings()
    tokens: TokenSettings = TokenSettings()
    webhooks: WebhookSettings = WebhookSettings()
    calendar: CalendarSettings = CalendarSettings()
    mail: MailSettings = MailSettings()
    smtp_in: SmtpInSettings = SmtpInSettings()

    _toml_file: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if _config_path.value is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=_config_path.value))
        return tuple(sources)

    @property
    def base_url(self) -> str:
        if self.http.public_url:
            return self.http.public_url.rstrip("/")
        return f"http://{self.http.host}:{self.http.port}"

    @property
    def replies_enabled(self) -> bool:
        """Whether calendar replies are taken (an inbound endpoint is configured): only then do
        invitations name a per-person reply address as their organizer."""
        return self.smtp_in.port is not None

    @property
    def reply_domain(self) -> str:
        """The domain of the reply addresses invitations carry (``smtp_in.reply_domain``)."""
        return self.smtp_in.reply_domain or self.mail.message_id_domain


class _ConfigPath:
    value: Path | None = None


_config_path = _ConfigPath()


class ConfigError(Exception):
    """A settings file or variable that cannot be used; the message names the key."""


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Read the settings; raise ConfigError naming every bad key."""
    path = config or os.environ.get("CONFERENCE_CONFIG")
    _config_path.value = Path(path) if path else None
    if _config_path.value is not None and not _config_path.value.is_file():
        raise ConfigError(f"config file not found: {_config_path.value}")
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            key = ".".join(str(p) for p in err["loc"]) or "(root)"
            lines.append(f"  {key}: {err['msg']}")
        raise ConfigError("invalid settings:\n" + "\n".join(lines)) from None
    except ValueError as exc:  # TOML syntax errors
        raise ConfigError(f"cannot read {_config_path.value}: {exc}") from None
    finally:
        _config_path.value = None
