"""The listener's parts: language detection, the scorer-injection guard and the labellers.

The public entry point is `roleplay.listener`; this package holds what it is made of.
"""
