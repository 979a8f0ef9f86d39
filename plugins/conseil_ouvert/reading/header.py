"""A content file's header and body, read safely: the YAML header between two
``---`` lines becomes plain values with the line of every field; what a header
never needs and a hostile file uses (anchors and aliases, duplicate keys, deep
nesting, object tags) is refused, and so is a body that is unsafe to publish or
too costly to convert.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..format.problems import FORBIDDEN_FIX, Problem, forbidden_char

MAX_FILE_BYTES = 512 * 1024


class HeaderLoader(yaml.CSafeLoader):
    """Safe YAML (no object-building tags) that keeps dates as text.

    PyYAML would turn 2019-02-30 into an exception for the whole file; as text
    the date check can say which field is wrong.
    """


HeaderLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


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


class HeaderError(Exception):
    """A header that cannot be read as plain YAML: its line, what, how to fix."""

    def __init__(self, line: int | None, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


MAX_DEPTH = 12  # a content header nests three or four levels at most
YAML_FIX = "vérifiez l'indentation, les deux-points et les guillemets de cette ligne"


class NodeLines:
    """The line of each field path (``votes.pour``, ``sources[1]``), read from
    the YAML parser's own marks: exact for list items and flow lists too."""

    def __init__(self, lines: dict[str, int], scalars: dict[str, str] | None = None) -> None:
        self.lines = lines
        self.scalars = scalars or {}

    def written(self, path: str) -> str | None:
        """A scalar as the contributor typed it (``6.10``, not the number 6.1)."""
        return self.scalars.get(path)

    def find(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def read_header(text: str, first_line: int = 2) -> tuple[Any, NodeLines]:
    """The header's values and the line of each field. Refuses what a content
    header never needs and a hostile one uses: anchors and aliases (a few lines
    can stand for gigabytes), duplicate keys (the last would silently win),
    deep nesting."""
    loader = HeaderLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            fix = (
                "les balises YAML (« !… ») sont refusées : écrivez une valeur simple"
                if "tag" in str(problem)
                else YAML_FIX
            )
            line = mark.line + first_line if mark else None
            raise HeaderError(line, f"en-tête illisible : {problem}", fix) from None
        if node is None:
            return None, NodeLines({})
        lines = _walk(node, first_line)
        try:
            return loader.construct_document(node), lines
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise HeaderError(
                mark.line + first_line if mark else None,
                f"en-tête illisible : {problem}",
                "les balises YAML (« !… ») et les clés complexes sont refusées : "
                "écrivez une valeur simple",
            ) from None
    finally:
        loader.dispose()


def _walk(root: yaml.Node, first_line: int) -> NodeLines:
    """Lines of every path, and the refusals (aliases, duplicates, depth)."""
    lines: dict[str, int] = {}
    scalars: dict[str, str] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, int]] = [(root, "", 0)]
    while stack:
        node, path, depth = stack.pop()
        line = node.start_mark.line + first_line
        if id(node) in seen:
            raise HeaderError(
                line,
                "ancre ou alias YAML (« & », « * ») refusé",
                "recopiez la valeur elle-même à chaque endroit où elle sert",
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise HeaderError(
                line,
                f"valeurs imbriquées sur plus de {MAX_DEPTH} niveaux",
                "un en-tête n'a que quelques niveaux : vérifiez l'indentation",
            )
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
                key_line = key.start_mark.line + first_line
                if name in keys:
                    raise HeaderError(
                        key_line,
                        f"champ « {name[:60]} » écrit deux fois (déjà ligne {keys[name]})",
                        "gardez une seule ligne pour ce champ : la seconde effacerait la première",
                    )
                keys[name] = key_line
                child = f"{path}.{name}" if path else name
                lines[child] = key_line
                stack.append((key, child + "@", depth + 1))
                stack.append((value, child, depth + 1))
        elif isinstance(node, yaml.ScalarNode):
            scalars[path] = node.value
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                lines[child] = item.start_mark.line + first_line
                stack.append((item, child, depth + 1))
    return NodeLines(lines, scalars)


MAX_BODY_BRACKETS = 400  # Markdown's link syntax is quadratic in unclosed « [ »
MAX_INDENT = 40  # ten levels of nested lists


def check_body(body: str, first_line: int) -> tuple[int | None, str, str] | None:
    """What makes a body unsafe to publish or too costly to convert, found
    before Markdown runs: forbidden characters, runaway brackets or nesting."""
    for number, line in enumerate(body.split("\n"), start=first_line):
        bad = forbidden_char(line.replace("\t", " "))
        if bad:
            return number, bad, FORBIDDEN_FIX
        indent = len(line) - len(line.lstrip(" \t>"))
        if indent > MAX_INDENT:
            return (
                number,
                f"ligne indentée ou citée sur {indent} niveaux de caractères",
                f"un résumé n'imbrique pas plus de {MAX_INDENT // 4} niveaux de listes : "
                "réduisez l'indentation",
            )
    if body.count("[") > MAX_BODY_BRACKETS:
        return (
            None,
            f"texte trop chargé en crochets « [ » ({body.count('[')})",
            f"un résumé a au plus {MAX_BODY_BRACKETS} crochets : gardez les liens utiles",
        )
    return None
