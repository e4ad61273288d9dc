"""Entry point of the Streamlit app: `streamlit run ui/app.py` (or `trygg ui`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only ui/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.navigation.page import StreamlitPage  # noqa: E402

from ui import enhance, resources, warmup  # noqa: E402
from ui.auth import check_auth_config, check_auth_section  # noqa: E402
from vectorstore.errors import ConfigError, TryggError  # noqa: E402

UI = Path(__file__).resolve().parent

# The pages, in menu order: (file in ui/, title, icon, address). Add a page with one line.
PAGES = [
    ("chat.py", "Chatt", ":material/chat:", ""),
    ("documents.py", "Dokument", ":material/description:", "dokument"),
    ("compilation.py", "Remissammanställning", ":material/table_view:", "remissammanstallning"),
    ("upload.py", "Lägg till dokument", ":material/upload_file:", "lagg-till-dokument"),
    ("evaluation.py", "Utvärdering", ":material/monitoring:", "utvardering"),
]


def auth_configured() -> bool:
    """Tell whether the secrets configure sign-in; a broken configuration stops the page (fails closed)."""
    try:
        files = check_auth_config(Path(f) for f in st.get_option("secrets.files"))
        try:
            section = st.secrets.get("auth")
        except FileNotFoundError as exc:
            if not files.files:  # no secrets file anywhere: sign-in is simply not configured
                return False
            raise ConfigError(f"Inloggningens inställningar kan inte läsas ({exc}).") from exc
        except Exception as exc:  # a secrets source Streamlit cannot read: never "no sign-in"
            raise ConfigError(f"Inloggningens inställningar kan inte läsas ({exc}).") from exc
        if section:
            check_auth_section(section.to_dict() if hasattr(section, "to_dict") else dict(section))
            return True
        return files.enabled
    except ConfigError as exc:
        st.error(str(exc))
        st.stop()
        raise  # pragma: no cover - st.stop() does not return


def require_sign_in() -> None:
    """With sign-in configured, stop here until the user has signed in."""
    if not auth_configured():
        return
    if not st.user.is_logged_in:
        st.title("Trygghetsassistenten")
        st.write("Logga in för att använda assistenten.")
        st.button("Logga in", on_click=st.login, type="primary")
        st.stop()
    st.sidebar.button("Logga ut", on_click=st.logout)


def navigation() -> StreamlitPage:
    """The page menu; the first page is the start page."""
    return st.navigation(
        [
            st.Page(UI / file, title=title, icon=icon, url_path=path or None, default=not path)
            for file, title, icon, path in PAGES
        ]
    )


def main() -> None:
    """Set up the page, sign-in and the start-up load (never waited for), then run the chosen page."""
    st.set_page_config(page_title="Trygghetsassistenten", page_icon=":material/shield:", layout="wide")
    try:
        settings = resources.settings()
    except TryggError as exc:
        st.error(f"Inställningarna är felaktiga: {exc}")
        st.stop()
    st.html(enhance.page_html(settings.answer.max_question_chars), unsafe_allow_javascript=True)
    require_sign_in()
    page = navigation()
    warmup.start(settings)  # a no-op when `trygg ui` started it with the server
    page.run()


main()
