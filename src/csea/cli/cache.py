"""``csea cache ...``: where the catalogue cache is, and emptying it."""

# Annotations are not postponed here: typer reads every command's signature at each start,
# and a postponed (string) annotation costs an eval each time it is read.

import typer

from csea.catalog.cache import CatalogCache, user_cache_dir
from csea.cli._shared import handle_errors, write_stdout

app = typer.Typer(
    help="The catalogue cache: catalogues already validated, kept so commands start faster.",
    no_args_is_help=True,
)


@app.command()
@handle_errors
def path() -> None:
    """Print the cache directory (CSEA_CACHE_DIR, or the platform's cache folder for csea)."""
    write_stdout(f"{user_cache_dir()}\n")


@app.command()
@handle_errors
def clear() -> None:
    """Remove every cached catalogue (they are validated again when next used)."""
    directory = user_cache_dir()
    removed = CatalogCache(directory).clear()
    write_stdout(f"removed {len(removed)} file(s) from {directory}\n")
