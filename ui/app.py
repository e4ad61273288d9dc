"""Entry point of the Streamlit app: `streamlit run ui/app.py` (or `trygg ui`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only ui/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from ui import resources  # noqa: E402
from ui.auth import check_auth_config, check_auth_section  # noqa: E402
from ui.render import escape_markdown  # noqa: E402
from vectorstore.errors import ConfigError, TryggError  # noqa: E402

UI = Path(__file__).resolve().parent


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


def ensure_documents() -> None:
    """On first start, with an empty store, ingest the bundled corpus, then go on."""
    settings = resources.settings()
    assistant = resources.assistant(settings)
    box = resources.shared(settings)
    if box.corpus_tried or assistant.store.count() > 0:
        return
    with box.ingest_lock:
        if box.corpus_tried or assistant.store.count() > 0:  # another session did it meanwhile
            return
        box.corpus_tried = True
        update, done = resources.progress_bar("Första start: läser in dokumenten.")
        try:
            from ingest.pipeline import Ingestor

            report = Ingestor(settings, store=assistant.store, embedder=assistant.embedder).run(
                [settings.corpus], progress=update
            )
        finally:
            box.generation += 1
            done()
    for failure in report.failed:
        st.warning(escape_markdown(f"{Path(failure.file).name} kunde inte läsas in: {failure.reason}"))
    if report.chunks:
        st.toast(f"{report.files} dokument inlästa.")


def main() -> None:
    """Set up the page, sign-in and documents, then run the chosen page."""
    st.set_page_config(page_title="Trygghetsassistenten", page_icon=":material/shield:", layout="wide")
    require_sign_in()
    page = st.navigation(
        [
            st.Page(UI / "chat.py", title="Chat", icon=":material/chat:", default=True),
            st.Page(UI / "documents.py", title="Dokument", icon=":material/description:"),
            st.Page(UI / "compilation.py", title="Remissammanställning", icon=":material/table_view:"),
            st.Page(UI / "upload.py", title="Lägg till dokument", icon=":material/upload_file:"),
            st.Page(UI / "evaluation.py", title="Utvärdering", icon=":material/monitoring:"),
        ]
    )
    try:
        ensure_documents()
    except TryggError as exc:
        st.error(f"Dokumenten kunde inte läsas in: {exc}")
        st.stop()
    page.run()


main()
