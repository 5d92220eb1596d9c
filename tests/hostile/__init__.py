"""Hostile input: every loader and command refuses bad files clearly, without hanging."""
