"""Account and privacy page: sign up, sign in (password or OIDC), sign out, delete data."""

from __future__ import annotations

import streamlit as st

from roleplay.accounts import AccountError
from roleplay.i18n import TEXTS, t
from roleplay.storage import NotFound, UserRecord
from roleplay.types import Language
from ui import auth, services, shell, state
from ui.components import md_escape
from ui.settings import privacy_line


def account_error(error: AccountError, lang: Language) -> str:
    """An AccountError in the UI language (by its stable code), else its English message."""
    key = f"account_{error.code}"
    return t(key, lang) if key in TEXTS else md_escape(error.message)


def _field_error(errors: dict[str, str], field: str) -> None:
    if field in errors:
        st.error(errors[field])


def _sign_in_form(lang: Language) -> None:
    errors: dict[str, str] = st.session_state.pop("account_sign_in_errors", {})
    with st.form("account_sign_in_form"):
        email = st.text_input(t("field_email", lang), key="sign_in_email", autocomplete="email")
        _field_error(errors, "email")
        password = st.text_input(t("field_password", lang), type="password", key="sign_in_password")
        _field_error(errors, "password")
        submitted = st.form_submit_button(t("sign_in", lang), type="primary", key="sign_in_submit")
    if not submitted:
        return
    try:
        user = auth.sign_in(email, password)
    except AccountError as error:
        st.session_state["account_sign_in_errors"] = {
            error.field or "password": account_error(error, lang)
        }
        st.rerun()
    state.set_practice(None)
    state.flash(t("signed_in", lang, name=md_escape(user.label)))
    st.rerun()


def _sign_up_form(lang: Language) -> None:
    errors: dict[str, str] = st.session_state.pop("account_sign_up_errors", {})
    with st.form("account_sign_up_form"):
        name = st.text_input(t("field_name", lang), key="sign_up_name", autocomplete="name")
        _field_error(errors, "display_name")
        email = st.text_input(t("field_email", lang), key="sign_up_email", autocomplete="email")
        _field_error(errors, "email")
        password = st.text_input(t("field_password", lang), type="password", key="sign_up_password")
        _field_error(errors, "password")
        again = st.text_input(
            t("field_password_again", lang), type="password", key="sign_up_password_again"
        )
        _field_error(errors, "password_again")
        submitted = st.form_submit_button(t("sign_up", lang), type="primary", key="sign_up_submit")
    if not submitted:
        return
    if password != again:
        st.session_state["account_sign_up_errors"] = {"password_again": t("passwords_differ", lang)}
        st.rerun()
    try:
        auth.accounts().sign_up(email, password, name)
        user = auth.sign_in(email, password)
    except AccountError as error:
        st.session_state["account_sign_up_errors"] = {
            error.field or "email": account_error(error, lang)
        }
        st.rerun()
    state.set_practice(None)
    state.flash(t("signed_in", lang, name=md_escape(user.label)))
    st.rerun()


def _signed_out_view(lang: Language) -> None:
    if auth.guest_enabled():
        st.markdown(t("account_guest_intro", lang))
    oidc_error = st.session_state.pop("auth_error", None)
    if oidc_error:
        st.error(md_escape(oidc_error))
    if auth.oidc_configured():
        st.button(
            t("sign_in_sso_generic", lang),
            key="account_oidc_login",
            on_click=st.login,
            type="primary",
        )
    sign_in_tab, sign_up_tab = st.tabs([t("sign_in", lang), t("sign_up", lang)])
    with sign_in_tab:
        _sign_in_form(lang)
    with sign_up_tab:
        _sign_up_form(lang)


def _sign_out() -> None:
    via_oidc = st.session_state.get(auth.TOKEN) is None and auth.oidc_configured()
    auth.sign_out()
    state.flash(t("signed_out", state.lang()))
    if via_oidc:
        st.logout()


def _delete_account(user: UserRecord) -> None:
    lang = state.lang()
    typed = str(st.session_state.get("account_delete_email", "")).strip().lower()
    if typed != user.email:
        st.session_state["account_delete_error"] = t("delete_account_mismatch", lang)
        return
    services.access_for(user).delete_my_account()
    auth.sign_out()
    st.session_state.pop("account_delete_email", None)
    state.flash(t("account_deleted", lang))


def _delete_guest_sessions(user: UserRecord) -> None:
    access = services.access_for(user)
    count = 0
    for session in access.list_sessions():
        try:
            access.delete_session(session.id)
            count += 1
        except NotFound:
            continue
    state.set_practice(None)
    st.session_state.pop(state.REPORT_SESSION, None)
    state.flash(t("guest_data_deleted", state.lang(), count=count))


def _privacy(user: UserRecord | None, lang: Language) -> None:
    st.subheader(t("privacy_title", lang))
    st.markdown(privacy_line(lang))
    from ui import resources

    location = resources.data_location()
    if location:
        st.markdown(t("data_location", lang, location=location.replace("`", "'")))
    if user is None:
        return
    if auth.is_guest(user):
        with st.expander(t("delete_guest_data", lang)):
            st.button(
                t("confirm", lang),
                key="account_delete_guest",
                on_click=_delete_guest_sessions,
                args=(user,),
            )
        return
    with st.expander(t("delete_account", lang)):
        st.markdown(t("delete_account_text", lang))
        st.text_input(t("delete_account_confirm", lang), key="account_delete_email")
        error = st.session_state.pop("account_delete_error", None)
        if error:
            st.error(error)
        st.button(
            t("delete_account", lang),
            key="account_delete",
            on_click=_delete_account,
            args=(user,),
            type="primary",
        )


def render() -> None:
    lang = state.lang()
    st.title(t("account_title", lang))
    state.show_flash()
    signed_in = auth.signed_in_user()
    if signed_in is None:
        _signed_out_view(lang)
        _privacy(auth.current_user(), lang)
        return
    st.subheader(t("account_profile", lang))
    st.markdown(t("sidebar_signed_in_as", lang, name=md_escape(signed_in.label)))
    st.caption(md_escape(signed_in.email))
    st.markdown(t("account_role", lang, role=t(f"role_name_{signed_in.role}", lang)))
    st.button(t("sign_out", lang), key="account_sign_out", on_click=_sign_out)
    _privacy(signed_in, lang)


if __name__ == "__main__":
    shell.guard_page(render)
