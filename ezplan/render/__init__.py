"""Renderers: one report, many formats."""
