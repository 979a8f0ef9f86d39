"""`conseil-ouvert`: the volunteer's command line (messages in French).

conseil-ouvert check                 vérifie tout le contenu, sans construire le site
conseil-ouvert new KIND ID [--set champ=valeur ...]
conseil-ouvert import-scdl FICHIER.csv --organe ID --ville ID --source ID
conseil-ouvert ajouter DOSSIER.yaml    écrit toutes les fiches d'une délibération complète
conseil-ouvert schema [FICHIER]      écrit le schéma JSON des en-têtes
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from ..format.fields import SLUG_RE
from ..format.schema import FORMATS, json_schema
from ..reading.graph import ContentError, build_graph
from .scaffold import KIND_ALIASES, coerce, render, required_fields, target_path


def check(content: Path, today: dt.date | None = None) -> int:
    try:
        graph = build_graph(content, today)
    except ContentError as error:
        print(error.code, file=sys.stderr)
        return 1
    if graph.warnings:
        plural = "s" if len(graph.warnings) > 1 else ""
        print(f"\n{len(graph.warnings)} avertissement{plural} (à vérifier) :", file=sys.stderr)
        for warning in graph.warnings:
            print(warning, file=sys.stderr)
    published = len(graph.all_records()) + len(graph.sources)
    print(f"Contenu valide : {published} fiches publiées, {len(graph.drafts)} brouillon(s).")
    return 0


def ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


# Records a new deliberation may point to that do not exist yet: the same command
# creates them, so that a new city's first deliberation takes one command.
COMPANIONS = {
    "ville": ("villes", "nom_ville", "nom de la ville, ex. Thionville"),
    "organe": (
        "organisations",
        "nom_organe",
        "nom du conseil, ex. Conseil municipal de Thionville",
    ),
    "sources": ("sources", "publication", "publication de la source, ex. Le Républicain Lorrain"),
}


def companions(
    content: Path, kind: str, answers: dict[str, object], names: dict[str, str | None]
) -> list[tuple[Path, str]] | str:
    """Files to create beside a new deliberation, or the French reason it cannot be done."""
    if kind != "deliberations":
        return []
    files = []
    for key, (folder, option, help_text) in COMPANIONS.items():
        ids = answers.get(key)
        for record_id in ids if isinstance(ids, list) else [ids]:
            if not isinstance(record_id, str) or (content / folder / f"{record_id}.md").exists():
                continue
            name = names.get(option) or (ask(f"{help_text} : ") if sys.stdin.isatty() else "")
            if not name:
                flag = option.replace("_", "-")
                return f"« {record_id} » n'existe pas dans content/{folder}/ : ajoutez --{flag}=…"
            fields: dict[str, object] = {"nom": name}
            if folder == "organisations":
                fields |= {
                    "type": "conseil",
                    "ville": answers["ville"],
                    "sources": answers["sources"],
                }
            if folder == "sources":
                fields = {"publication": name}
            files.append((content / folder / f"{record_id}.md", render(folder, fields)))
    return files


def new(
    content: Path,
    kind_name: str,
    record_id: str,
    settings: list[str],
    names: dict[str, str | None] | None = None,
) -> int:
    kind = KIND_ALIASES.get(kind_name, kind_name)
    if kind not in FORMATS:
        print(f"Type inconnu : {kind_name}. Types : {', '.join(KIND_ALIASES)}", file=sys.stderr)
        return 2
    if not SLUG_RE.match(record_id):
        print(
            f"Identifiant invalide : {record_id!r} — minuscules sans accent et tirets, "
            "ex. dcm-19-02-28-14",
            file=sys.stderr,
        )
        return 2
    answers: dict[str, object] = {}
    fields = FORMATS[kind].fields
    for setting in settings:
        key, _, value = setting.partition("=")
        if key not in fields:
            print(f"Champ inconnu : {key}. Champs : {', '.join(fields)}", file=sys.stderr)
            return 2
        answers[key] = coerce(fields[key], value)
    interactive = sys.stdin.isatty()
    missing = []
    for field in required_fields(kind):
        if field.key in answers:
            continue
        value = ask(f"{field.key} ({field.help}) : ") if interactive else ""
        if value:
            answers[field.key] = coerce(field, value)
        else:
            missing.append(field.key)
    if missing:
        hint = " ".join(f"--set {key}=…" for key in missing)
        print(
            f"Champs obligatoires manquants : {', '.join(missing)}. Ajoutez {hint}", file=sys.stderr
        )
        return 2
    target = target_path(content, kind, record_id, answers)
    if target.exists():
        print(f"{target} existe déjà : choisissez un autre identifiant.", file=sys.stderr)
        return 2
    extra = companions(content, kind, answers, names or {})
    if isinstance(extra, str):
        print(extra, file=sys.stderr)
        return 2
    for path, text in [*extra, (target, render(kind, answers))]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"Créé : {path}")
    status = check(content)
    if status:
        print(
            f"Le nouveau fichier a été gardé : corrigez-le ou supprimez {target}.", file=sys.stderr
        )
    return status


def add_dossier(content: Path, path: Path, replace: bool) -> int:
    """Write every record of a dossier, then check the whole content."""
    from .bundle import read_dossier, write_dossier

    dossier = read_dossier(path, content, replace)
    if dossier.problems:
        print("\n".join(dossier.problems), file=sys.stderr)
        print("Rien n'a été écrit.", file=sys.stderr)
        return 2
    write_dossier(dossier)
    for target, _ in dossier.files:
        print(f"Écrit : {target}")
    status = check(content)
    if status:
        print(
            "Les fichiers ont été gardés : corrigez le dossier puis relancez avec --remplacer, "
            "ou corrigez les fichiers indiqués.",
            file=sys.stderr,
        )
    return status


def import_command(args: argparse.Namespace) -> int:
    """Import an SCDL CSV; say what was drafted, skipped (and why) and ignored."""
    from .scdl_import import DEFAULT_KEYWORDS, import_scdl

    if args.seulement and not args.keywords:
        print("--seulement demande au moins un --mot-cle.", file=sys.stderr)
        return 2
    source_file = args.contenu / "sources" / f"{args.source}.md"
    if not source_file.exists() and not args.publication:
        print(
            f"« {args.source} » n'existe pas dans content/sources/ : ajoutez "
            "--publication=… (le nom du jeu de données ou de son éditeur) pour la créer",
            file=sys.stderr,
        )
        return 2
    keywords = tuple(args.keywords) if args.seulement else (*DEFAULT_KEYWORDS, *args.keywords)
    report = import_scdl(
        args.csv,
        args.contenu,
        args.organe,
        args.ville,
        args.source,
        keywords,
        publication=args.publication,
    )
    for path in report.created:
        print(f"Source créée : {path} (complétez titre, date, url)")
    for path in report.written:
        print(f"Brouillon écrit : {path}")
    for number in report.skipped_existing:
        print(f"Déjà présent, ignoré : {number}")
    if report.unreadable:
        print(f"Fichier inutilisable, rien n'a été importé : {report.unreadable}", file=sys.stderr)
        return 2
    for where, why in report.skipped:
        print(f"Ignoré, {where} : {why}")
    print(
        f"Bilan : {len(report.written)} brouillon(s) écrit(s), "
        f"{len(report.skipped_existing)} déjà présent(s), {len(report.skipped)} ligne(s) "
        f"illisible(s), {report.ignored_rows} ligne(s) sans rapport avec la surveillance "
        "ignorée(s)."
    )
    status = check(args.contenu)
    return 0 if report.written else status


def build(pelican_args: list[str]) -> NoReturn:
    """Build with Pelican (same arguments), then leave at once.

    Once the site is published, letting the interpreter free the loaded graph
    object by object takes about half a second at 5 000 deliberations, longer
    than the useful work of a rebuild after one edit.
    """
    from pelican import main as pelican_main

    try:
        pelican_main(pelican_args)
        code = 0
    except SystemExit as done:  # content errors are reported this way
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
        code = done.code if isinstance(done.code, int) else int(done.code is not None)
    except KeyboardInterrupt:
        code = 130
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["build"]:  # everything after it is Pelican's
        build(argv[1:])
    parser = argparse.ArgumentParser(prog="conseil-ouvert", description="Outils de contribution")
    parser.add_argument("--contenu", type=Path, default=Path("content"), help="dossier du contenu")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="vérifie le contenu sans construire le site")
    sub.add_parser("build", help="construit le site (mêmes options que pelican)")
    new_parser = sub.add_parser("new", help="crée un fichier de contenu")
    new_parser.add_argument("kind", help=", ".join(KIND_ALIASES))
    new_parser.add_argument("id", help="identifiant, ex. dcm-19-02-28-14")
    new_parser.add_argument("--set", action="append", default=[], metavar="champ=valeur")
    for _, option, help_text in COMPANIONS.values():
        new_parser.add_argument(f"--{option.replace('_', '-')}", dest=option, help=help_text)
    scdl = sub.add_parser("import-scdl", help="brouillons depuis un CSV SCDL Délibérations")
    scdl.add_argument("csv", type=Path)
    scdl.add_argument("--organe", required=True, help="identifiant du conseil")
    scdl.add_argument("--ville", required=True, help="identifiant de la ville")
    scdl.add_argument(
        "--source", required=True, help="identifiant de la source (le jeu de données)"
    )
    scdl.add_argument(
        "--mot-cle",
        action="append",
        dest="keywords",
        default=[],
        help="mot ou début de mot ajouté aux mots-clés par défaut (répétable)",
    )
    scdl.add_argument(
        "--seulement",
        action="store_true",
        help="n'utiliser que les --mot-cle donnés, sans les mots-clés par défaut",
    )
    scdl.add_argument(
        "--publication", help="nom de la publication, pour créer la source si elle manque"
    )
    add_parser = sub.add_parser(
        "ajouter", help="écrit toutes les fiches d'un dossier YAML (une délibération complète)"
    )
    add_parser.add_argument("dossier", type=Path)
    add_parser.add_argument(
        "--remplacer", action="store_true", help="réécrire les fiches qui existent déjà"
    )
    schema_parser = sub.add_parser("schema", help="écrit le schéma JSON des en-têtes")
    schema_parser.add_argument("target", type=Path, nargs="?")
    args = parser.parse_args(argv)

    if args.command == "check":
        return check(args.contenu)
    if args.command == "new":
        names = {option: getattr(args, option) for _, option, _ in COMPANIONS.values()}
        return new(args.contenu, args.kind, args.id, args.set, names)
    if args.command == "import-scdl":
        return import_command(args)
    if args.command == "ajouter":
        return add_dossier(args.contenu, args.dossier, args.remplacer)
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.target:
        args.target.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
