"""Renderers: each turns library results into one output format."""
