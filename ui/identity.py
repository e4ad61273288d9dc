"""Whose conversations these are: the signed-in user, or without sign-in, this browser.

A browser is known by a random id in a cookie, set by a small script on its first visit and
read by Streamlit from the next connection on (a reload, a new tab, a server restart).
"""

from __future__ import annotations

import re
import uuid

import streamlit as st

from ui import enhance

COOKIE = "trygg_webblasare"
_SESSION_KEY = "identity_browser"
_VALID = re.compile(r"^[0-9a-f]{32}$")


def signed_in_user() -> str:
    """The signed-in user's e-mail or subject, or '' without sign-in."""
    try:
        if not st.user.is_logged_in:
            return ""
    except Exception:  # sign-in not configured: st.user has no login state
        return ""
    return str(st.user.get("email") or st.user.get("sub") or "")


def owner() -> str:
    """The owner key of this session's conversations ('user:…' or 'browser:…')."""
    user = signed_in_user()
    if user:
        return f"user:{user}"
    ident = st.session_state.get(_SESSION_KEY)
    if not ident:
        cookie = str(st.context.cookies.get(COOKIE) or "")
        ident = cookie if _VALID.match(cookie) else uuid.uuid4().hex
        st.session_state[_SESSION_KEY] = ident
    return f"browser:{ident}"


def remember_browser() -> None:
    """Store this browser's id in its cookie if the browser did not send it (first visit)."""
    ident = st.session_state.get(_SESSION_KEY)
    if ident and st.context.cookies.get(COOKIE) != ident and not st.session_state.get(f"{_SESSION_KEY}_set"):
        st.session_state[f"{_SESSION_KEY}_set"] = True
        st.html(enhance.set_cookie_html(COOKIE, ident), unsafe_allow_javascript=True)
