"""`python -m ui.serve [--host H] [--port N] [--without-sign-in]`: the app's server, checked and warmed up.

`trygg ui` runs this. It refuses a broken sign-in configuration, and an address beyond this
machine without sign-in unless told so; then it starts the background load (the model, and on
a fresh TRYGG_HOME the bundled corpus, with progress in the terminal) and hands over to
`streamlit run ui/app.py`, so the first visitor waits for neither.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class _QuietWarmup(logging.Filter):
    """Drop Streamlit's warnings about running outside a script, expected before the server starts."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("No runtime found"):  # importing ui.resources before the server
            return False
        return not record.threadName or not record.threadName.startswith("trygg-")


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def check_access(host: str, without_sign_in: bool) -> tuple[int, str]:
    """(exit status, message): 2 and why when the server must not start, 0 and a warning or ''."""
    from ui.auth import check_auth_config, is_loopback, secrets_files
    from vectorstore.errors import ConfigError

    try:
        auth = check_auth_config(secrets_files())  # a broken [auth] stops here with its message
    except ConfigError as exc:
        return 2, f"trygg: {exc}"
    if is_loopback(host) or auth.enabled:
        return 0, ""
    if not without_sign_in:
        return 2, (
            f"trygg: att lyssna på {host} gör assistenten nåbar från andra datorer, men ingen inloggning "
            "är konfigurerad (se README, Inloggning). Konfigurera inloggning, eller starta med "
            "--without-sign-in om det är avsikten."
        )
    return 0, (
        f"trygg: VARNING: lyssnar på {host} utan inloggning; vem som helst som når servern kan läsa "
        "dokumenten (uppladdning och borttagning är avstängda)."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Check the address and sign-in, start the background load, then hand over to Streamlit."""
    parser = argparse.ArgumentParser(prog="trygg ui")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--without-sign-in", action="store_true")
    args = parser.parse_args(argv)
    status, message = check_access(args.host, args.without_sign_in)
    if message:
        _say(message)
    if status:
        return status
    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context", "streamlit.runtime.caching.cache_data_api"):
        logging.getLogger(name).addFilter(_QuietWarmup())
    from streamlit.web import cli as streamlit_cli

    from assistant.settings import load_settings
    from ui import warmup
    from vectorstore.errors import TryggError

    try:
        warmup.start(load_settings(), say=_say)
    except TryggError as exc:  # bad settings: the app shows the same message on its page
        _say(f"Trygghetsassistenten: {exc}")
    streamlit_args = [
        "run",
        str(ROOT / "ui" / "app.py"),
        "--server.address",
        args.host,
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",  # no developer options and no ⋮ menu (its items are English)
    ]
    try:
        streamlit_cli.main(args=streamlit_args, prog_name="streamlit", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
