"""Oefengesprek's Streamlit entry point: page config and navigation; the pages live in ui/.

Run with `streamlit run app.py`.
"""

import streamlit as st

from ui.shell import build_navigation

st.set_page_config(page_title="Oefengesprek", page_icon="💬", layout="wide")
build_navigation().run()
