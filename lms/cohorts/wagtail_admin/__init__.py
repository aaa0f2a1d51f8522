"""Wagtail admin screens for the cohorts area (registered in ../wagtail_hooks.py)."""
