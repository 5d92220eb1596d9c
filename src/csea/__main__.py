"""``python -m csea`` runs the command line."""

from csea.cli import main

main()
