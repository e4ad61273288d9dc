"""`python -m ui.serve run ui/app.py [streamlit flags]`: Streamlit, with the documents loading from the start.

`trygg ui` runs this instead of `streamlit run`, so the model loads and the bundled corpus is
ingested (on a fresh TRYGG_HOME) while the server starts, with progress in the terminal; the
first visitor does not wait for either.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Start the background load, then hand over to Streamlit's own command line."""
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
