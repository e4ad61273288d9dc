"""What Streamlit cannot do from Python: one trusted style sheet and script for every page.

- [n] markers in an answer scroll to their source card, which lights up;
- "Kopiera svaret" copies an answer's text;
- a live character counter under the question box, and a pasted text that would make the
  question too long is refused with a message (the clipboard still holds it);
- Streamlit's own English strings are replaced by Swedish ones where they appear as text,
  placeholders or labels, and its developer widgets (status, menu) are hidden.

The script is written here, takes no text from documents or users, and guards itself so it
installs once per browser tab.
"""

from __future__ import annotations

import json
from pathlib import Path

# Streamlit's built-in strings (1.67) a user can meet on these pages, and their Swedish.
TRANSLATIONS = {
    "Drag and drop files here": "Dra och släpp filer här",
    "Drag and drop file here": "Dra och släpp en fil här",
    "Browse files": "Välj filer",
    "Upload": "Ladda upp",
    "Select all": "Välj alla",
    "Clear all": "Rensa",
    "Clear": "Rensa",
    "No results": "Inga träffar",
    "No options to select": "Inga val",
    "No options to select.": "Inga val.",
    "Choose an option": "Välj",
    "Choose options": "Välj",
    "Stop": "Stoppa",
    "Running...": "Arbetar …",
    "Page not found": "Sidan finns inte",
    "Skip to main content": "Hoppa till innehållet",
    "The page that you have requested does not seem to exist. Running the app's main page.": (
        "Sidan finns inte. Startsidan visas i stället."
    ),
    "Connecting": "Ansluter",
    "Please wait...": "Vänta …",
    "Connection error": "Anslutningen bröts",
    "Close": "Stäng",
    "Download as CSV": "Ladda ner som CSV",
    "Search": "Sök",
    "Fullscreen": "Helskärm",
    "Close fullscreen": "Stäng helskärm",
    "Copy to clipboard": "Kopiera",
    "Show password text": "Visa lösenordet",
    "Hide password text": "Dölj lösenordet",
    "Collapse sidebar": "Fäll ihop sidopanelen",
    "Expand sidebar": "Fäll ut sidopanelen",
    "Delete": "Ta bort",
    "Remove": "Ta bort",
    "Remove file": "Ta bort filen",
    "Open": "Öppna",
    "Thumbs up": "Tummen upp",
    "Thumbs down": "Tummen ner",
    "Submit": "Skicka",
    "Sort ascending": "Sortera stigande",
    "Sort descending": "Sortera fallande",
    "Pin column": "Fäst kolumnen",
    "Unpin column": "Lossa kolumnen",
    "Hide column": "Dölj kolumnen",
    "Autosize": "Anpassa bredden",
    "Show/hide columns": "Visa eller dölj kolumner",
    "Send": "Skicka",
    "Press Enter to apply": "Tryck Enter för att spara",
    "Press Enter to submit form": "Tryck Enter för att skicka",
}
# Patterns of built-in strings with numbers or names in them: (regex, replacement).
PATTERNS = [
    (r"^Limit (\d+(?:\.\d+)?)\s*([KMG]B) per file(.*)$", "Högst $1 $2 per fil$3"),
    (r"^(\d+(?:\.\d+)?)\s*([KMG]B) per file(.*)$", "Högst $1 $2 per fil$3"),
    (r"^You have requested page (.*), but no corresponding file was found.*$", "Sidan $1 finns inte."),
    (r"^Is Streamlit still running\?.*$", "Servern svarar inte. Vänta en stund eller ladda om sidan."),
    (r"^(\d+) selected$", "$1 valda"),
]

HERE = Path(__file__).resolve().parent


def page_html(question_limit: int) -> str:
    """The style sheet and script every page includes once (st.html with JavaScript allowed)."""
    style = (HERE / "enhance.css").read_text(encoding="utf-8")
    script = (
        (HERE / "enhance.js")
        .read_text(encoding="utf-8")
        .replace("__LIMIT__", str(int(question_limit)))
        .replace("__WORDS__", json.dumps(TRANSLATIONS, ensure_ascii=False))
        .replace("__PATTERNS__", json.dumps(PATTERNS, ensure_ascii=False))
    )
    return f"<style>{style}</style><script>{script}</script>"


def set_cookie_html(name: str, value: str, days: int = 365) -> str:
    """A script that stores a cookie for this site (name and value must be plain ASCII tokens)."""
    if not (name.isascii() and value.isascii() and name.replace("_", "").isalnum() and value.isalnum()):
        raise ValueError("cookie name and value must be plain ASCII letters and digits")
    return f"<script>document.cookie = '{name}={value}; Max-Age={days * 86400}; Path=/; SameSite=Lax';</script>"
