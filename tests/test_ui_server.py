"""`trygg ui`: where the server listens, and sign-in configuration that fails closed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ui.auth import check_auth_config, is_loopback, may_edit
from vectorstore.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
GOOD = """
[auth]
redirect_uri = "http://localhost:8501/oauth2callback"
cookie_secret = "a-long-random-string-of-at-least-32-chars"
client_id = "trygg"
client_secret = "hemligt"
server_metadata_url = "https://login.example.se/.well-known/openid-configuration"
"""
PROVIDERS = """
[auth]
redirect_uri = "https://trygg.example.se/oauth2callback"
cookie_secret = "a-long-random-string-of-at-least-32-chars"

[auth.microsoft]
client_id = "trygg"
client_secret = "hemligt"
server_metadata_url = "https://login.microsoftonline.com/x/v2.0/.well-known/openid-configuration"
"""


def secrets(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".streamlit" / "secrets.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_secrets_means_no_sign_in(tmp_path: Path) -> None:
    assert not check_auth_config([tmp_path / "none.toml"]).enabled
    assert not check_auth_config([secrets(tmp_path, '[other]\nkey = "x"\n')]).enabled


@pytest.mark.parametrize(("text", "providers"), [(GOOD, ()), (PROVIDERS, ("microsoft",))])
def test_a_good_configuration_turns_sign_in_on(tmp_path: Path, text: str, providers: tuple[str, ...]) -> None:
    config = check_auth_config([secrets(tmp_path, text)])
    assert config.enabled and config.providers == providers


BROKEN = [
    (GOOD.replace("redirect_uri", "redirect_url"), "okänd nyckel 'redirect_url' i [auth] (menade du 'redirect_uri'?)"),
    (GOOD.replace("[auth]", "[Auth]"), "avsnittet [Auth] liknar [auth]"),
    (GOOD.replace("[auth]", "[autth]"), "avsnittet [autth] liknar [auth]"),
    (GOOD.replace('cookie_secret = "a-long-random-string-of-at-least-32-chars"', ""), "[auth] saknar cookie_secret"),
    (GOOD.replace("/oauth2callback", "/callback"), "redirect_uri måste sluta på /oauth2callback"),
    (GOOD.replace('client_secret = "hemligt"', ""), "[auth] saknar client_secret"),
    (PROVIDERS.replace('client_id = "trygg"', 'clientid = "trygg"'), "okänd nyckel 'clientid' i [auth.microsoft]"),
    (GOOD + "\n[auth\n", "kan inte läsas som TOML"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_configuration_is_an_error_naming_the_mistake(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        check_auth_config([secrets(tmp_path, text)])
    assert message in str(info.value) and "Servern startas inte" in str(info.value)


def test_loopback_and_roles() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    assert may_edit(False, None, "", auth_enabled=False)
    assert may_edit(True, "Anna@Stockholm.se", "anna@stockholm.se, bo@stockholm.se", auth_enabled=True)
    assert not may_edit(True, "eve@example.com", "anna@stockholm.se", auth_enabled=True)
    assert not may_edit(True, "anna@stockholm.se", "", auth_enabled=True)
    assert not may_edit(False, None, "anna@stockholm.se", auth_enabled=True)


def _ui(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "TRYGG_HOME": str(tmp_path / "home")}
    env["TRYGG_EMBEDDING__BACKEND"] = "fake"
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "ui", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_broken_sign_in_configuration_stops_the_server(tmp_path: Path) -> None:
    secrets(tmp_path, GOOD.replace("redirect_uri", "redirect_url"))
    proc = _ui(tmp_path, "--port", str(_free_port()))
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "okänd nyckel 'redirect_url'" in out


def test_listening_beyond_loopback_without_sign_in_needs_a_flag(tmp_path: Path) -> None:
    proc = _ui(tmp_path, "--host", "0.0.0.0", "--port", str(_free_port()))
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "--without-sign-in" in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on this port (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.slow
def test_the_server_listens_on_loopback_only_by_default(tmp_path: Path) -> None:
    port = _free_port()
    proc = _ui(tmp_path, "--port", str(port))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("the UI did not answer within 60 s")
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, nothing else
    finally:
        proc.terminate()
        proc.wait(timeout=20)
