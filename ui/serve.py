"""`python -m ui.serve run ui/app.py [streamlit flags]`: Streamlit, with the documents loading from the start.

`trygg ui` runs this instead of `streamlit run`, so the model loads and the bundled corpus is
ingested (on a fresh TRYGG_HOME) while the server starts, with progress in the terminal; the
first visitor does not wait for either.
"""

from __future__ import annotations

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


def main(argv: Sequence[str] | None = None) -> int:
    """Start the background load, then hand over to Streamlit's own command line."""
    for name in ("streamlit.runtime.scriptrunner_utils.script_run_context", "streamlit.runtime.caching.cache_data_api"):
        logging.getLogger(name).addFilter(_QuietWarmup())
    from streamlit.web import cli as streamlit_cli

    from assistant.errors import TryggError
    from assistant.settings import load_settings
    from ui import warmup

    try:
        warmup.start(load_settings(), say=_say)
    except TryggError as exc:  # bad settings: the app shows the same message on its page
        _say(f"Trygghetsassistenten: {exc}")
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        streamlit_cli.main(args=args, prog_name="streamlit", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
