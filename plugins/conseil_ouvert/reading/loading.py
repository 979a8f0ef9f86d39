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
import stat
import time
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from ..build.parallel import parallel_map
from ..build.store import ShardedStore
from ..format.fields import SLUG_RE
from ..format.problems import Context, Problem
from ..format.schema import FORMATS
from .header import MAX_FILE_BYTES, HeaderError, HeaderLoader, check_body, read_header, split_file
from .markup import render_markdown

__all__ = ["HeaderLoader", "split_file"]  # the importer and tests read headers too

# Names the site's own URLs use beside record folders: a list's later pages
# (villes/page/2/) and the per-city quote lists (citations/ville/metz/).
RESERVED_IDS: dict[str, tuple[str, ...]] = {"*": ("page",), "citations": ("ville",)}


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
    files = [here / name for name in ("loading.py", "header.py", "markup.py")]
    files += sorted((here.parent / "format").rglob("*.py"))  # the whole content format
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
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


JUNK_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"}


def is_junk(name: str) -> bool:
    """Files an editor or a system leaves beside ours (never content)."""
    return name in JUNK_NAMES or name.endswith(("~", ".swp", ".swo")) or name.startswith(".#")


def content_files(content: Path, problems: list[Problem] | None = None) -> list[tuple[str, str]]:
    """Every record file, as (kind, path relative to the content's parent), in a
    stable order. Plain strings: there are thousands of files. What cannot be
    a record (another extension, a hidden or linked folder, a folder that
    cannot be read) is reported in ``problems`` rather than silently skipped."""
    found = []
    top = content.name
    report = problems.append if problems is not None else (lambda problem: None)
    for kind in FORMATS:
        folder = content / kind
        if not folder.is_dir():
            continue

        def unreadable(error: OSError, folder: Path = folder) -> None:
            where = os.path.relpath(error.filename or folder, content.parent)
            report(Problem(where, None, "dossier", "dossier illisible", UNREADABLE_FIX))

        for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
            below = os.path.relpath(dirpath, folder).replace(os.sep, "/")
            prefix = f"{top}/{kind}/" if below == "." else f"{top}/{kind}/{below}/"
            for name in [d for d in dirnames if d.startswith(".") or _is_link(dirpath, d)]:
                dirnames.remove(name)
                report(Problem(prefix + name, None, "dossier", "dossier ignoré", ODD_FOLDER_FIX))
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".md") and not name.startswith("."):
                    found.append((kind, prefix + name))
                elif not is_junk(name):
                    report(Problem(prefix + name, None, "nom du fichier", *_odd_name(name)))
    return found


UNREADABLE_FIX = "donnez le droit de lecture sur ce dossier (chmod), ou retirez-le de content/"
ODD_FOLDER_FIX = (
    "les dossiers cachés (« . ») ou liens symboliques ne sont pas lus : "
    "déplacez les fichiers dans un vrai dossier, ou supprimez ce dossier"
)


def _is_link(dirpath: str, name: str) -> bool:
    return os.path.islink(os.path.join(dirpath, name))


def _odd_name(name: str) -> tuple[str, str]:
    """What is wrong with a file name that is not « identifiant.md », and the fix."""
    if name.lower().endswith(".md") and not name.startswith("."):
        return (
            f"extension « {name[-3:]} » au lieu de « .md »",
            "renommez-le avec « .md » en minuscules",
        )
    if name.startswith("."):
        return (
            "fichier caché : il ne serait pas publié",
            "renommez-le sans point initial, ex. metz.md",
        )
    return (
        "ce fichier n'est pas un fichier de contenu (.md) et ne serait pas lu",
        "donnez-lui l'extension .md s'il décrit un fait, sinon retirez-le de content/",
    )


def read_content_file(
    path: str, rel: str, root: str
) -> tuple[os.stat_result | None, Problem | None]:
    """A content file's status, if it is safe to read: a regular file, inside
    the content folder (a symbolic link may not reach out of it), not larger
    than a content file can be. File-system errors become messages."""
    try:
        status = os.lstat(path)  # one system call for an ordinary file, thousands per build
        if stat.S_ISLNK(status.st_mode):
            real = os.path.realpath(path)
            if os.path.commonpath([real, root]) != root:
                return None, Problem(
                    rel,
                    None,
                    "fichier",
                    "lien symbolique vers un fichier hors de content/",
                    "copiez le fichier dans content/ au lieu d'un lien",
                )
            status = os.stat(path)
    except OSError as error:
        return None, Problem(rel, None, "fichier", f"fichier illisible ({error.strerror})", FS_FIX)
    if not stat.S_ISREG(status.st_mode):
        return None, Problem(
            rel, None, "fichier", "ce n'est pas un fichier ordinaire (tube, périphérique…)", FS_FIX
        )
    if status.st_size > MAX_FILE_BYTES:
        return None, Problem(
            rel,
            None,
            "fichier",
            f"fichier trop volumineux ({status.st_size // 1024} Kio)",
            f"un fichier de contenu fait moins de {MAX_FILE_BYTES // 1024} Kio : découpez-le",
        )
    return status, None


def read_bytes(path: str, rel: str) -> tuple[bytes | None, Problem | None]:
    """At most one byte more than a content file may hold (the file may grow
    between its status and its reading)."""
    try:
        with open(path, "rb") as file:
            return file.read(MAX_FILE_BYTES + 1), None
    except OSError as error:
        return None, Problem(rel, None, "fichier", f"fichier illisible ({error.strerror})", FS_FIX)


FS_FIX = "remplacez-le par un fichier texte .md ordinaire et lisible, ou retirez-le de content/"


def load_file(kind: str, raw: bytes, rel: str, today: dt.date, loaded: Loaded) -> Any | None:
    """Check one file; return its record, or None if it is unusable."""
    header_text, body, body_line, problems = split_file(raw, rel)
    loaded.problems.extend(problems)
    if problems:
        return None
    try:
        header, lines = read_header(header_text)
    except HeaderError as error:
        loaded.problems.append(Problem(rel, error.line, "en-tête", error.message, error.fix))
        return None
    ctx = Context(rel, lines, loaded.problems, today)
    attrs = FORMATS[kind].parse(header, ctx, "")
    for ref_kind, ref_id, ref_path in ctx.refs:
        loaded.refs.append((ref_kind, ref_id, rel, ref_path))
    body_problem = check_body(body, body_line)
    if body_problem:
        line, message, fix = body_problem
        loaded.problems.append(Problem(rel, line, "texte", message, fix))
        return None
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
        return None if problems else read_header(header)[1].find(path)
    except (OSError, HeaderError):
        return None


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
    root = os.path.realpath(content)
    slots: list[tuple[str, str, tuple[str, str], Any]] = []  # kind, id, cache key, cached
    to_parse: list[tuple[str, bytes, str]] = []
    for kind, rel in content_files(content, loaded.problems):
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
        status, problem = read_content_file(path, rel, root)
        if status is None:
            loaded.problems.append(problem)  # type: ignore[arg-type]
            continue
        digest = cache.known_digest(rel, status)
        cached = cache.get((rel, digest)) if digest else None
        if cached is None:  # read it: new, changed, or its status is not trusted
            raw, problem = read_bytes(path, rel)
            if raw is None:
                loaded.problems.append(problem)  # type: ignore[arg-type]
                continue
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
