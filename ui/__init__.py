"""The Streamlit user interface: one module per page plus small shared components.

Pages call `roleplay` and `knowledge`; they hold no business logic of their own. Each
page module has a `render()` function and runs it when Streamlit executes the file as a
page (see `ui.shell.build_navigation`).
"""
