"""``python -m csea`` runs the command line; :func:`run` is also the ``csea`` console script.

The command line is a short-lived process, so the cyclic garbage collector is switched off
before anything is imported: csea builds few reference cycles, and a collector pass over
every object a large catalogue holds costs more than the memory it could give back.
"""

import gc


def run() -> None:
    """Run the ``csea`` command line (see [csea.cli.main][])."""
    gc.disable()
    from csea.cli import main  # noqa: PLC0415 - imported after the collector is off

    main()


if __name__ == "__main__":
    run()
