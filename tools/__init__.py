"""Developer tools that are not part of csea: mutation testing (mutation.py)."""
