"""Settings: TOML file, CONFERENCE_ environment overrides, bad keys named."""

from __future__ import annotations

from pathlib import Path

import pytest

from conference.settings import ConfigError, load_settings


def test_defaults_without_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONFERENCE_CONFIG", raising=False)
    s = load_settings()
    assert (s.database.url, s.smtp.host, s.http.port) == (None, None, 8080)


def test_environment_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "c.toml"
    f.write_text('data_dir = "/srv/conf"\n[smtp]\nhost = "relay.example.org"\nport = 2525\n')
    monkeypatch.setenv("CONFERENCE_SMTP__PORT", "587")
    monkeypatch.setenv("CONFERENCE_DATABASE__URL", "postgresql://db.example.org/conf")
    s = load_settings(f)
    assert (str(s.data_dir), s.smtp.host, s.smtp.port, s.database.url) == (
        "/srv/conf", "relay.example.org", 587, "postgresql://db.example.org/conf")


def test_config_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "c.toml"
    f.write_text("[http]\nport = 9000\n")
    monkeypatch.setenv("CONFERENCE_CONFIG", str(f))
    assert load_settings().http.port == 9000


def test_unknown_and_mistyped_keys_are_named(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('[smtp]\nhots = "x"\n[http]\nport = "eighty"\n')
    with pytest.raises(ConfigError) as err:
        load_settings(f)
    assert "smtp.hots" in str(err.value)
    assert "http.port" in str(err.value)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text('data_dir = "unterminated\n')
    with pytest.raises(ConfigError, match="c.toml"):
        load_settings(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "absent.toml")


def test_example_config_is_complete_and_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    s = load_settings(example)
    text = example.read_text()
    for section, model in (("database", s.database), ("smtp", s.smtp), ("http", s.http),
                           ("worker", s.worker), ("mail", s.mail), ("limits", s.limits),
                           ("calendar", s.calendar), ("metrics", s.metrics),
                           ("tokens", s.tokens), ("webhooks", s.webhooks)):
        assert f"[{section}]" in text
        for key in type(model).model_fields:
            assert f"{key} =" in text or f"# {key} =" in text, f"{section}.{key} undocumented"
