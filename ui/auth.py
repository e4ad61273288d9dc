"""Sign-in that fails closed: the [auth] section of Streamlit's secrets.toml, checked strictly.

Streamlit's OpenID Connect sign-in is configured in `.streamlit/secrets.toml` (the user's
`~/.streamlit/` and the working folder's `.streamlit/`). Streamlit itself treats a file it
cannot parse, or a section it does not recognise, as "no sign-in", so a typo would quietly
open the app. Here every such mistake is an error that stops the server with a message.
No Streamlit import at module level: `trygg ui` checks before it starts the server.
"""

from __future__ import annotations

import difflib
import importlib.util
import ipaddress
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vectorstore.errors import ConfigError

PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
OPTIONAL_KEYS = ("client_kwargs", "expose_tokens")
TOP_KEYS = ("redirect_uri", "cookie_secret", *PROVIDER_KEYS, *OPTIONAL_KEYS)


@dataclass(frozen=True)
class AuthConfig:
    """What the secrets say about sign-in."""

    enabled: bool
    providers: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()


def secrets_files(cwd: Path | None = None) -> list[Path]:
    """Where Streamlit looks for secrets.toml by default, in its order."""
    return [Path.home() / ".streamlit" / "secrets.toml", (cwd or Path.cwd()) / ".streamlit" / "secrets.toml"]


def _problem(file: Path, text: str) -> ConfigError:
    return ConfigError(
        f"Inloggningen är felkonfigurerad i {file}: {text}. Servern startas inte utan fungerande inloggning."
    )


def _check_provider(file: Path, where: str, table: dict[str, Any]) -> None:
    unknown = [k for k in table if k not in (*PROVIDER_KEYS, *OPTIONAL_KEYS)]
    if unknown:
        raise _problem(file, f"okänd nyckel {unknown[0]!r} i [{where}]; kända: {', '.join(PROVIDER_KEYS)}")
    missing = [k for k in PROVIDER_KEYS if not str(table.get(k, "")).strip()]
    if missing:
        raise _problem(file, f"[{where}] saknar {', '.join(missing)}")


def check_auth_config(files: Iterable[Path]) -> AuthConfig:
    """Read the secrets files; return whether sign-in is on, or raise ConfigError naming the mistake."""
    merged: dict[str, Any] = {}
    used: list[Path] = []
    for file in files:
        if not file.exists():
            continue
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise _problem(file, f"filen kan inte läsas som TOML ({exc})") from exc
        used.append(file)
        for key in data:
            if key != "auth" and difflib.get_close_matches(key.lower(), ["auth"], n=1, cutoff=0.75):
                raise _problem(file, f"avsnittet [{key}] liknar [auth] men heter inte så")
        if "auth" in data:
            if not isinstance(data["auth"], dict):
                raise _problem(file, "auth måste vara ett avsnitt, [auth]")
            merged.update(data["auth"])
    if not merged:
        return AuthConfig(False, files=tuple(used))
    return AuthConfig(True, check_auth_section(merged, str(used[-1])), tuple(used))


def check_auth_section(section: dict[str, Any], where: str = "secrets.toml") -> tuple[str, ...]:
    """Check one [auth] section strictly; return its provider names, or raise ConfigError."""
    file = Path(where)
    providers = {k: v for k, v in section.items() if isinstance(v, dict) and k != "client_kwargs"}
    unknown = [k for k in section if k not in TOP_KEYS and k not in providers]
    if unknown:
        close = difflib.get_close_matches(unknown[0], TOP_KEYS, n=1)
        hint = f" (menade du {close[0]!r}?)" if close else ""
        raise _problem(file, f"okänd nyckel {unknown[0]!r} i [auth]{hint}")
    for key in ("redirect_uri", "cookie_secret"):
        if not str(section.get(key, "")).strip():
            raise _problem(file, f"[auth] saknar {key}")
    if not str(section["redirect_uri"]).endswith("/oauth2callback"):
        raise _problem(file, "redirect_uri måste sluta på /oauth2callback")
    for name, table in providers.items():
        _check_provider(file, f"auth.{name}", table)
    if not providers:
        _check_provider(file, "auth", {k: v for k, v in section.items() if k in (*PROVIDER_KEYS, *OPTIONAL_KEYS)})
    if importlib.util.find_spec("authlib") is None:
        raise _problem(file, "inloggning kräver paketet Authlib (pip install 'streamlit[auth]')")
    return tuple(sorted(providers))


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def editors(raw: str) -> frozenset[str]:
    """The e-mail addresses of the setting ui.editors, lower-cased."""
    return frozenset(part.strip().lower() for part in raw.split(",") if part.strip())


def may_edit(signed_in: bool, email: str | None, raw_editors: str, auth_enabled: bool) -> bool:
    """Upload and delete: anyone without sign-in (a local server), else only the listed editors."""
    if not auth_enabled:
        return True
    return signed_in and bool(email) and str(email).lower() in editors(raw_editors)
