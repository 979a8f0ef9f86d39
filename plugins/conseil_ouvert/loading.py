"""Content files to typed records: read, split header and body, check fields.

A content file is Markdown with a YAML header between two ``---`` lines. The
folder it sits in (``content/<kind>/…``) says what kind of record it is and its
file name (without ``.md``) is its identifier.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import time
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import yaml

from .fields import SLUG_RE, Context, LineFinder, Problem
from .markup import render_markdown
from .parallel import parallel_map
from .schema import FORMATS
from .store import ShardedStore

MAX_FILE_BYTES = 512 * 1024
# Names the site's own URLs use beside record folders: a list's later pages
# (villes/page/2/) and the per-city quote lists (citations/ville/metz/).
RESERVED_IDS: dict[str, tuple[str, ...]] = {"*": ("page",), "citations": ("ville",)}


class HeaderLoader(yaml.CSafeLoader):
    """Safe YAML (no object-building tags) that keeps dates as text.

    PyYAML would turn 2019-02-30 into an exception for the whole file; as text
    the date check can say which field is wrong.
    """


HeaderLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Loaded:
    """Everything read from the content folder, before cross-checking."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> id -> record
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> path
    problems: list[Problem] = field(default_factory=list)
    refs: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, id, file, field
    root: Path | None = None  # the folder that holds the content folder
    digests: dict[str, str] = field(default_factory=dict)  # path -> sha256 of the file


@lru_cache(maxsize=1)
def _code_version() -> str:
    """Parsed records depend on the code that parsed them: a cache from other
    code is ignored."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("loading.py", "fields.py", "schema.py", "model.py", "markup.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


class ParseCache:
    """Checked records of unchanged files, keyed by path and content hash
    (never by modification time, which a fresh clone resets).

    Stored in shards by path (``store``), so that editing one file rewrites a
    small part of the cache rather than all of it. To spare reading and hashing every
    file, the hash of a file is remembered with its status (modification and
    change times, size, inode), as Git does: a file whose status is unchanged
    has the same hash. A file changed less than two seconds before its hash
    was taken is hashed again next time (its times might not show a second
    change in the same tick).
    """

    RACY_NS = 2_000_000_000

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.store = ShardedStore(folder, "records", _code_version(), _file_of)
        self.entries: dict[tuple[str, str], Any] = self.store.entries
        self.used: dict[tuple[str, str], Any] = {}
        self.stamps: dict[str, tuple[int, int, int, int, str]] = {}
        self.new_stamps: dict[str, tuple[int, int, int, int, str]] = {}
        self.started = time.time_ns()
        if folder is None or not folder.is_dir():
            return
        try:
            version, stamps = pickle.loads((folder / "stamps.pickle").read_bytes())
            if version == _code_version():
                self.stamps = stamps
        except Exception:  # missing or corrupt: files are hashed
            self.stamps = {}

    def known_digest(self, rel: str, status: os.stat_result) -> str | None:
        stamp = self.stamps.get(rel)
        if stamp is None or stamp[:4] != _status(status):
            return None
        self.new_stamps[rel] = stamp
        return stamp[4]

    def stamp(self, rel: str, status: os.stat_result, digest: str) -> None:
        if self.started - max(status.st_mtime_ns, status.st_ctime_ns) > self.RACY_NS:
            self.new_stamps[rel] = (*_status(status), digest)

    def get(self, key: tuple[str, str]) -> Any:
        entry = self.entries.get(key)
        if entry is not None:
            self.used[key] = entry
        return entry

    def put(self, key: tuple[str, str], entry: Any) -> None:
        self.used[key] = entry

    def save(self) -> None:
        """Keep the entries of this build's files, and their status."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.new_stamps != self.stamps:
            temporary = self.folder / "stamps.tmp"
            temporary.write_bytes(pickle.dumps((_code_version(), self.new_stamps), protocol=5))
            os.replace(temporary, self.folder / "stamps.pickle")
        self.store.save(self.used)


def _file_of(key: tuple[str, str]) -> str:
    return key[0]


def _status(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino)


def content_files(content: Path) -> list[tuple[str, str]]:
    """Every record file, as (kind, path relative to the content's parent), in a
    stable order. Plain strings: there are thousands of files."""
    found = []
    top = content.name
    for kind in FORMATS:
        folder = content / kind
        if not folder.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            below = os.path.relpath(dirpath, folder).replace(os.sep, "/")
            prefix = f"{top}/{kind}/" if below == "." else f"{top}/{kind}/{below}/"
            found.extend(
                (kind, prefix + name)
                for name in sorted(filenames)
                if name.endswith(".md") and not name.startswith(".")
            )
    return found


def split_file(raw: bytes, rel: str) -> tuple[str, str, int, list[Problem]]:
    """Header text, body text, the body's first line, and what is wrong."""

    def fail(
        message: str, fix: str, line: int | None = None
    ) -> tuple[str, str, int, list[Problem]]:
        return "", "", 0, [Problem(rel, line, "fichier", message, fix)]

    if len(raw) > MAX_FILE_BYTES:
        return fail(
            f"fichier trop volumineux ({len(raw) // 1024} Kio)",
            f"un fichier de contenu fait moins de {MAX_FILE_BYTES // 1024} Kio : découpez-le",
        )
    if not raw.strip():
        return fail(
            "fichier vide", "remplissez-le à partir de « conseil-ouvert new » ou supprimez-le"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return fail(
            f"le fichier n'est pas en UTF-8 (octet illisible à la position {error.start})",
            "réenregistrez-le en UTF-8 dans votre éditeur",
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return fail(
            "en-tête manquant",
            "la première ligne doit être « --- », puis les champs, puis une autre ligne « --- »",
            1,
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return fail("en-tête non fermé", "ajoutez une ligne « --- » après le dernier champ", 1)
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :]), end + 2, []


def load_file(kind: str, raw: bytes, rel: str, today: dt.date, loaded: Loaded) -> Any | None:
    """Check one file; return its record, or None if it is unusable."""
    header_text, body, _, problems = split_file(raw, rel)
    loaded.problems.extend(problems)
    if problems:
        return None
    lines = LineFinder(header_text, first_line=2)
    try:
        header = yaml.load(header_text, Loader=HeaderLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        fix = (
            "les balises YAML (« !… ») sont refusées : écrivez une valeur simple"
            if "tag" in str(problem) or "constructor" in type(error).__name__.lower()
            else "vérifiez l'indentation, les deux-points et les guillemets de cette ligne"
        )
        loaded.problems.append(Problem(rel, line, "en-tête", f"en-tête illisible : {problem}", fix))
        return None
    ctx = Context(rel, lines, loaded.problems, today)
    attrs = FORMATS[kind].parse(header if header is not None else None, ctx, "")
    for ref_kind, ref_id, ref_path in ctx.refs:
        loaded.refs.append((ref_kind, ref_id, rel, ref_path))
    if attrs is None:
        return None
    record = attrs
    record.path = rel
    record.body_html = render_markdown(body) if body.strip() else ""
    return record


def field_line(loaded: Loaded, rel: str, path: str) -> int | None:
    """The line of a field in a file's header, found again when a message needs it
    (references keep no copy of their header: they are cached by thousands)."""
    if loaded.root is None:
        return None
    try:
        header, _, _, problems = split_file((loaded.root / rel).read_bytes(), rel)
    except OSError:
        return None
    return None if problems else LineFinder(header, first_line=2).find(path)


def parse_file(job: tuple[str, bytes, str], today: dt.date) -> tuple[Any, list, list[Problem]]:
    """One file to its record (or None), the references it makes, its problems."""
    kind, raw, rel = job
    found = Loaded()
    record = load_file(kind, raw, rel, today, found)
    return record, found.refs, found.problems


def load_content(
    content: Path, today: dt.date | None = None, cache_folder: Path | None = None
) -> Loaded:
    """Read and check every record file below ``content`` (unchanged files come
    from the parse cache when a cache folder is given)."""
    today = today or dt.date.today()
    cache = ParseCache(cache_folder)
    loaded = Loaded(root=content.parent)
    for kind in FORMATS:
        loaded.records[kind] = {}
        loaded.files[kind] = {}
    parent = str(content.parent)
    slots: list[tuple[str, str, tuple[str, str], Any]] = []  # kind, id, cache key, cached
    to_parse: list[tuple[str, bytes, str]] = []
    for kind, rel in content_files(content):
        name = rel.rpartition("/")[2]
        record_id = name.removesuffix(".md")
        if not SLUG_RE.match(record_id):
            loaded.problems.append(
                Problem(
                    rel,
                    None,
                    "nom du fichier",
                    f"« {name} » ne peut pas servir d'identifiant",
                    "renommez-le en minuscules sans accent, avec des tirets (ex. dcm-19-02-28-14.md)",  # noqa: E501
                )
            )
            continue
        if record_id in RESERVED_IDS.get(kind, ()) + RESERVED_IDS["*"]:
            loaded.problems.append(
                Problem(
                    rel,
                    None,
                    "nom du fichier",
                    f"« {record_id} » est réservé aux adresses du site (pages des listes)",
                    "renommez le fichier, par exemple en ajoutant la ville ou l'année",
                )
            )
            continue
        if record_id in loaded.files[kind]:
            loaded.problems.append(
                Problem(
                    rel,
                    None,
                    "nom du fichier",
                    f"identifiant déjà utilisé par {loaded.files[kind][record_id]}",
                    "donnez un nom unique à chaque fichier d'un même dossier",
                )
            )
            continue
        loaded.files[kind][record_id] = rel
        path = os.path.join(parent, rel)
        status = os.stat(path)
        digest = cache.known_digest(rel, status)
        cached = cache.get((rel, digest)) if digest else None
        if cached is None:  # read it: new, changed, or its status is not trusted
            with open(path, "rb") as file:
                raw = file.read()
            digest = hashlib.sha256(raw).hexdigest()
            cache.stamp(rel, status, digest)
            cached = cache.get((rel, digest))
            if cached is None:
                to_parse.append((kind, raw, rel))
        loaded.digests[rel] = digest
        slots.append((kind, record_id, (rel, digest), cached))
    # Parsing is the costly part: two processes share it when there are many files.
    parsed = iter(parallel_map(partial(parse_file, today=today), to_parse))
    for kind, record_id, key, cached in slots:
        record, refs, problems = (*cached, []) if cached is not None else next(parsed)
        loaded.refs.extend(refs)
        loaded.problems.extend(problems)
        if record is None:
            continue
        record.id = record_id
        loaded.records[kind][record_id] = record
        if cached is None and not problems:
            cache.put(key, (record, refs))
    if not loaded.problems:
        cache.save()
    return loaded
