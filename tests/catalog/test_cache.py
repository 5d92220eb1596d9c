"""The catalogue cache: a hit gives what loading the files gives, and nothing stale is ever used."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pydantic
import pydantic_core
import pytest
import yaml

from csea import CatalogError, load_catalog, validate_catalog
from csea.catalog import fingerprint, loader
from csea.catalog.cache import CatalogCache, Checked, _private, use_cache
from csea.catalog.files import CatalogFiles
from csea.yamlio.reader import DEFAULT_LIMITS
from tests.conftest import BLOCK_01, GROOM_01, CatalogFactory

STRAY = "note: a YAML file at the top level, ignored with a warning\n"


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CatalogCache]:
    """A cache of its own, used by load_catalog and validate_catalog during the test."""
    chosen = CatalogCache(tmp_path / "cache")
    use_cache(chosen)
    yield chosen
    use_cache(None)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The catalogue directories read from their files (not taken from the cache)."""
    seen: list[Path] = []
    real = loader.read_catalog_files

    def counting(path: Path, **kwargs: object) -> CatalogFiles:
        seen.append(Path(path))
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_catalog_files", counting)
    return seen


def entries(cache: CatalogCache) -> list[Path]:
    return sorted(cache.directory.glob("*.catalog"))


def test_a_hit_gives_the_same_catalogue_and_warnings_without_reading_files(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path]
) -> None:
    root = make_catalog(**{"stray.yaml": STRAY})
    first = (load_catalog(root), validate_catalog(root))
    second = (load_catalog(root), validate_catalog(root))
    assert (second, [p.code for p in second[1]], reads) == (first, ["unexpected-file"], [root])
    assert len(entries(cache)) == 1


def test_without_a_cache_every_load_reads_the_files(
    make_catalog: CatalogFactory, reads: list[Path]
) -> None:
    root = make_catalog()
    load_catalog(root)
    load_catalog(root)
    assert reads == [root, root]


Change = Callable[[Path], None]


def _edit(root: Path) -> None:
    path = root / "block" / "BLOCK-01.yaml"
    stamp = path.stat()
    path.write_text(BLOCK_01.replace("known images", "known photos"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same time: only content tells


def _add(root: Path) -> None:
    (root / "stray.yaml").write_text(STRAY, encoding="utf-8")


def _add_other_kind(root: Path) -> None:
    (root / "regulators.yaml").write_text("regulators: []\n", encoding="utf-8")


def _remove(root: Path) -> None:
    (root / "grooming" / "GROOM-01.yaml").unlink()


def _rename(root: Path) -> None:
    (root / "grooming" / "GROOM-01.yaml").rename(root / "grooming" / "GROOM-01.yml")


def _move_folder(root: Path) -> None:
    (root / "grooming").rename(root / "grooming-moved")


@pytest.mark.parametrize(
    "change",
    [_edit, _add, _add_other_kind, _remove, _rename, _move_folder],
    ids=["edited", "added", "added-other-name", "removed", "renamed", "folder-renamed"],
)
def test_a_changed_file_is_read_again(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path], change: Change
) -> None:
    root = make_catalog()
    load_catalog(root)
    change(root)
    through_cache = _outcome(root)
    use_cache(None)
    assert (through_cache, reads[:2]) == (_outcome(root), [root, root])


def _outcome(root: Path) -> object:
    """What loading gives: the catalogue and its warnings, or the codes of its problems."""
    try:
        return (load_catalog(root), validate_catalog(root))
    except CatalogError as error:
        return [p.code for p in error.problems]


def test_a_new_csea_version_or_code_reads_again(
    make_catalog: CatalogFactory,
    cache: CatalogCache,
    reads: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_catalog()
    load_catalog(root)
    monkeypatch.setattr(fingerprint, "__version__", "99.0")
    fingerprint._environment.cache_clear()
    load_catalog(root)
    monkeypatch.setattr(fingerprint, "_code", lambda: "other code")
    load_catalog(root)
    fingerprint._environment.cache_clear()
    assert (len(reads), len(entries(cache))) == (3, 3)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (pydantic, "VERSION"),
        (pydantic_core, "__version__"),
        (yaml, "__version__"),
        (fingerprint, "LIBYAML"),
        (sys, "version"),
    ],
    ids=["pydantic", "pydantic-core", "PyYAML", "libyaml", "Python"],
)
def test_another_version_of_a_dependency_reads_again(
    module: object,
    name: str,
    make_catalog: CatalogFactory,
    cache: CatalogCache,
    reads: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_catalog()
    fingerprint._environment.cache_clear()
    first = load_catalog(root)
    assert load_catalog(root) == first
    assert len(reads) == 1, "the second load is a hit"
    before = getattr(module, name)
    monkeypatch.setattr(module, name, not before if isinstance(before, bool) else f"{before}-other")
    fingerprint._environment.cache_clear()
    assert load_catalog(root) == first
    monkeypatch.undo()  # the real version back before the key is remembered again
    fingerprint._environment.cache_clear()
    assert (len(reads), len(entries(cache))) == (2, 2)


def test_another_directory_with_the_same_files_is_read_again(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path], tmp_path: Path
) -> None:
    root = make_catalog()
    other = tmp_path / "other"
    shutil.copytree(root, other)
    assert (load_catalog(root).root, load_catalog(other).root) == (root, other)
    assert reads == [root, other]


def test_a_catalogue_with_errors_is_not_kept(
    make_catalog: CatalogFactory, cache: CatalogCache
) -> None:
    root = make_catalog(**{"block/BLOCK-01.yaml": BLOCK_01.replace("statement:", "statment:")})
    with pytest.raises(CatalogError):
        load_catalog(root)
    assert entries(cache) == []


def test_a_catalogue_holding_a_link_is_never_cached(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path]
) -> None:
    root = make_catalog(**{"grooming/GROOM-01.yaml": None})
    (root / "grooming").mkdir(exist_ok=True)
    (root / "grooming" / "GROOM-01.yaml").symlink_to(root.parent / "groom.yaml")
    (root.parent / "groom.yaml").write_text(GROOM_01, encoding="utf-8")
    with pytest.raises(CatalogError):
        load_catalog(root)
    with pytest.raises(CatalogError):
        load_catalog(root)
    assert (entries(cache), len(reads)) == ([], 2)


Spoil = Callable[[Path, Path], None]


def _corrupt(entry: Path, _: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF
    entry.write_bytes(bytes(data))


def _truncate(entry: Path, _: Path) -> None:
    entry.write_bytes(entry.read_bytes()[:-100])


def _empty(entry: Path, _: Path) -> None:
    entry.write_bytes(b"")


def _foreign_key(entry: Path, key: Path) -> None:
    key.write_bytes(b"\x01" * 32)  # entries signed with the old key no longer verify


def _open_to_others(entry: Path, _: Path) -> None:
    entry.chmod(0o666)


def _link(entry: Path, _: Path) -> None:
    target = entry.with_suffix(".elsewhere")
    entry.rename(target)
    entry.symlink_to(target)


def _stored_elsewhere(entry: Path, _: Path) -> None:
    """A valid entry of another catalogue renamed to this catalogue's key."""
    for other in entry.parent.glob("*.catalog"):
        if other != entry:
            other.replace(entry)


@pytest.mark.parametrize(
    "spoil",
    [_corrupt, _truncate, _empty, _foreign_key, _open_to_others, _link, _stored_elsewhere],
    ids=[
        "corrupted",
        "truncated",
        "empty",
        "signed-by-another-key",
        "writable-by-others",
        "link",
        "another-catalogues-entry",
    ],
)
def test_a_spoiled_entry_is_ignored_and_written_again(
    make_catalog: CatalogFactory,
    cache: CatalogCache,
    reads: list[Path],
    tmp_path: Path,
    spoil: Spoil,
) -> None:
    other = make_catalog(**{"stray.yaml": STRAY}).rename(tmp_path / "other")
    root = make_catalog()
    load_catalog(other)
    expected = load_catalog(root)
    (entry,) = set(entries(cache)) - {_entry_of(cache, other)}
    spoil(entry, cache.directory / "key")
    assert load_catalog(root) == expected
    assert load_catalog(root) == expected
    assert reads == [other, root, root]


def _entry_of(cache: CatalogCache, root: Path) -> Path:
    key = fingerprint.catalog_key(root, DEFAULT_LIMITS)
    assert key is not None
    return cache.directory / f"{key.hex()}.catalog"


BYTES_KEY = bytes(range(32))
COMPILED = b"compiled template code " * 10


def test_bytes_are_read_back_under_their_key_only(cache: CatalogCache) -> None:
    cache.store_bytes(BYTES_KEY, COMPILED)
    found = (cache.load_bytes(BYTES_KEY), cache.load_bytes(bytes(32)))
    assert (found, [p.suffix for p in cache.directory.glob("*.bytes")]) == (
        (COMPILED, None),
        [".bytes"],
    )


@pytest.mark.parametrize(
    "spoil",
    [_corrupt, _truncate, _empty, _foreign_key, _open_to_others, _link],
    ids=["corrupted", "truncated", "empty", "signed-by-another-key", "writable-by-others", "link"],
)
def test_spoiled_bytes_are_never_read(cache: CatalogCache, spoil: Spoil) -> None:
    cache.store_bytes(BYTES_KEY, COMPILED)
    (entry,) = cache.directory.glob("*.bytes")
    spoil(entry, cache.directory / "key")
    assert cache.load_bytes(BYTES_KEY) is None


def test_bytes_kept_under_another_key_are_not_read(cache: CatalogCache) -> None:
    other = bytes(32)
    cache.store_bytes(other, b"another template")
    (entry,) = cache.directory.glob("*.bytes")
    entry.rename(cache.directory / f"{BYTES_KEY.hex()}.bytes")
    assert (cache.load_bytes(BYTES_KEY), cache.load_bytes(other)) == (None, None)


def test_a_catalogue_entry_is_never_read_as_bytes(
    make_catalog: CatalogFactory, cache: CatalogCache
) -> None:
    root = make_catalog()
    load_catalog(root)
    key = fingerprint.catalog_key(root, DEFAULT_LIMITS)
    assert key is not None
    _entry_of(cache, root).rename(cache.directory / f"{key.hex()}.bytes")
    assert cache.load_bytes(key) is None


def test_a_cache_directory_of_another_user_is_not_used(
    make_catalog: CatalogFactory,
    cache: CatalogCache,
    reads: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = make_catalog()
    load_catalog(root)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(cache.directory).st_uid + 1)
    load_catalog(root)
    assert reads == [root, root]


ME = os.geteuid()
FILE, FOLDER = 0o100000, 0o040000


@pytest.mark.parametrize(
    ("mode", "owner", "directory", "readable", "trusted"),
    [
        (FILE | 0o600, ME, False, True, True),
        (FILE | 0o644, ME, False, True, True),
        (FILE | 0o644, ME, False, False, False),
        (FILE | 0o620, ME, False, True, False),
        (FILE | 0o602, ME, False, True, False),
        (FILE | 0o600, ME + 1, False, True, False),
        (FOLDER | 0o600, ME, False, True, False),
        (FOLDER | 0o700, ME, True, True, True),
        (FOLDER | 0o777, ME, True, True, False),
        (FOLDER | 0o700, ME + 1, True, True, False),
        (FILE | 0o700, ME, True, True, False),
    ],
    ids=[
        "own-entry",
        "own-entry-others-read",
        "key-others-read",
        "group-writable",
        "others-writable",
        "another-users-entry",
        "folder-as-entry",
        "own-folder",
        "folder-everyone-writes",
        "another-users-folder",
        "file-as-folder",
    ],
)
def test_what_is_trusted(
    mode: int, owner: int, directory: bool, readable: bool, trusted: bool
) -> None:
    info = os.stat_result((mode, 0, 0, 1, owner, 0, 0, 0, 0, 0))
    assert _private(info, directory=directory, readable=readable) is trusted


def test_a_directory_others_can_write_is_not_used(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path]
) -> None:
    cache.directory.mkdir(mode=0o777)
    cache.directory.chmod(0o777)
    root = make_catalog()
    load_catalog(root)
    load_catalog(root)
    assert (reads, sorted(cache.directory.iterdir())) == ([root, root], [])


def test_a_key_others_can_read_is_replaced(
    make_catalog: CatalogFactory, cache: CatalogCache, reads: list[Path]
) -> None:
    root = make_catalog()
    load_catalog(root)
    key = cache.directory / "key"
    old = key.read_bytes()
    key.chmod(0o644)
    load_catalog(root)
    load_catalog(root)
    assert (reads, key.read_bytes() != old, oct(key.stat().st_mode & 0o777)) == (
        [root, root],
        True,
        "0o600",
    )


class _Planted:
    """Unpickling this would create the file it names."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.path,))


def test_an_unsigned_pickle_is_never_unpickled(
    make_catalog: CatalogFactory, cache: CatalogCache, tmp_path: Path
) -> None:
    root = make_catalog()
    expected = load_catalog(root)
    (entry,) = entries(cache)
    planted = tmp_path / "planted"
    header = entry.read_bytes()[: len(b"csea catalogue cache 1\n")]
    entry.write_bytes(header + b"\x00" * 32 + pickle.dumps(_Planted(planted)))
    assert (load_catalog(root), planted.exists()) == (expected, False)


def test_entries_are_private_and_no_temporary_file_is_left(
    make_catalog: CatalogFactory, cache: CatalogCache
) -> None:
    load_catalog(make_catalog())
    modes = {
        p.name if p.name == "key" else p.suffix: oct(p.stat().st_mode & 0o777)
        for p in cache.directory.iterdir()
    }
    assert (modes, oct(cache.directory.stat().st_mode & 0o077)) == (
        {"key": "0o600", ".catalog": "0o600"},
        "0o0",
    )


def test_only_the_most_recently_used_entries_are_kept(
    make_catalog: CatalogFactory, cache: CatalogCache, tmp_path: Path
) -> None:
    root = make_catalog()
    for number in range(10):
        copy = tmp_path / f"copy-{number}"
        shutil.copytree(root, copy)
        load_catalog(copy)
    assert len(entries(cache)) == 8


def test_clear_removes_every_entry_and_the_key(
    make_catalog: CatalogFactory, cache: CatalogCache
) -> None:
    load_catalog(make_catalog())
    cache.store_bytes(BYTES_KEY, COMPILED)
    removed = cache.clear()
    assert sorted(p.suffix or p.name for p in removed) == [".bytes", ".catalog", "key"]
    assert list(cache.directory.iterdir()) == []


CONCURRENT = """
import sys
from pathlib import Path
from csea import load_catalog
from csea.catalog.cache import CatalogCache, use_cache
use_cache(CatalogCache(Path(sys.argv[1])))
catalog = load_catalog(sys.argv[2])
print(len(catalog.obligations), catalog.version)
"""


def test_concurrent_writers_each_leave_a_whole_entry(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    root = make_catalog()
    folder = tmp_path / "shared-cache"
    command = [sys.executable, "-c", CONCURRENT, str(folder), str(root)]
    for _ in range(2):
        children = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(6)]
        outputs = [child.communicate()[0] for child in children]
        assert ([child.returncode for child in children], set(outputs)) == (
            [0] * 6,
            {"2 2026.11\n"},
        )
    shared = CatalogCache(folder)
    use_cache(shared)
    try:
        checked = shared.load(root, DEFAULT_LIMITS)[1]
    finally:
        use_cache(None)
    assert sorted(p.suffix or p.name for p in folder.iterdir()) == [".catalog", "key"]
    assert isinstance(checked, Checked)
    assert checked.catalog == load_catalog(root)
