"""Who is using the app: a signed-in account (password or OIDC via st.login) or the local guest.

The guest is one local profile (`guest@oefengesprek.local`, no password, role leader) in
the configured store, so `streamlit run app.py` on a fresh machine is useful at once.
Everyone who does not sign in shares it, which suits a personal machine; a shared server
sets OEFENGESPREK_GUEST=off so that practising requires an account. The session state
keeps only the sign-in token; the user is looked up from it on every run.
"""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from roleplay.storage import UserRecord
from ui import resources, state

GUEST_EMAIL = "guest@oefengesprek.local"
GUEST_ENV = "OEFENGESPREK_GUEST"
TOKEN = "auth_token"


def guest_enabled() -> bool:
    return os.environ.get(GUEST_ENV, "on").strip().lower() not in ("0", "off", "no", "false")


@st.cache_resource(show_spinner=False)
def _accounts() -> Any:
    from roleplay.accounts import Accounts

    return Accounts(resources.store())


def accounts() -> Any:
    """The shared roleplay.accounts.Accounts (stateless apart from the store)."""
    return _accounts()


def oidc_configured() -> bool:
    """True when secrets.toml has an [auth] section, so st.login can be offered."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _oidc_user() -> UserRecord | None:
    if not oidc_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
    except Exception:
        return None
    email = str(st.user.get("email") or "")
    if not email:
        return None
    verified = bool(st.user.get("email_verified", True))
    from roleplay.accounts import AccountError

    try:
        user: UserRecord = accounts().user_from_oidc(
            email, str(st.user.get("name") or ""), email_verified=verified
        )
    except AccountError as error:
        st.session_state["auth_error"] = error.message
        return None
    return user


def signed_in_user() -> UserRecord | None:
    """The account signed in in this browser session, if any (token, then OIDC)."""
    token = st.session_state.get(TOKEN)
    if token:
        user: UserRecord | None = accounts().current_user(token)
        if user is not None:
            return user
        st.session_state.pop(TOKEN, None)
    return _oidc_user()


def guest_user() -> UserRecord:
    """The local guest profile, created on first use."""
    from roleplay.storage import Conflict

    store = resources.store()
    found: UserRecord | None = store.find_user_by_email(GUEST_EMAIL)
    if found is not None:
        return found
    try:
        created: UserRecord = store.create_user(GUEST_EMAIL, role="leader", display_name="")
        return created
    except Conflict:  # two first runs at once
        again: UserRecord | None = store.find_user_by_email(GUEST_EMAIL)
        assert again is not None
        return again


def current_user() -> UserRecord | None:
    """The signed-in user, else the guest (when guests are allowed), else None."""
    user = signed_in_user()
    if user is not None:
        return user
    return guest_user() if guest_enabled() else None


def is_guest(user: UserRecord | None) -> bool:
    return user is not None and user.email == GUEST_EMAIL


def is_coach(user: UserRecord | None) -> bool:
    return user is not None and user.role in ("coach", "admin")


def sign_in(email: str, password: str) -> UserRecord:
    """Check the credentials and remember the session token; raises AccountError."""
    result = accounts().sign_in(email, password)
    st.session_state[TOKEN] = result.token
    user: UserRecord = result.user
    return user


def sign_out() -> None:
    token = st.session_state.pop(TOKEN, None)
    if token:
        accounts().sign_out(token)
    state.set_practice(None)
    st.session_state.pop(state.REPORT_SESSION, None)


def save_preferences() -> None:
    """Preferences (language, default difficulty) live in the browser session for now."""
