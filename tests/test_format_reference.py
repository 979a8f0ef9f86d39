"""« Contribuer » documents every declared field, scaffolds list allowed values,
and the format's traps are gone (issue 17, point 3)."""

from __future__ import annotations

import json
from pathlib import Path

from test_cross_checks import DELIB, FILES, graph_of, write

from conftest import ROOT, Site, build_site, run_cli, text_of
from conseil_ouvert.format.fields import Choice
from conseil_ouvert.format.reference import declared_paths, reference_anchor
from conseil_ouvert.format.schema import FORMATS, KIND_TITLES
from conseil_ouvert.format.structure import ListOf, Obj


def choices(obj: Obj) -> list[Choice]:
    found = []
    for spec_field in obj.fields.values():
        spec = spec_field.spec.item if isinstance(spec_field.spec, ListOf) else spec_field.spec
        if isinstance(spec, Choice):
            found.append(spec)
        if isinstance(spec, Obj):
            found.extend(choices(spec))
    return found


def test_contribuer_documents_every_declared_field(site: Site) -> None:
    page = site.page("/contribuer/format/")
    for kind in FORMATS:
        heading = page.select_one(f"#format-{kind}")
        assert heading and text_of(heading) == KIND_TITLES[kind], kind
    anchors = [row["id"] for row in page.select("table.format-reference tbody tr")]
    assert len(anchors) == len(set(anchors))  # one row per field
    paths = declared_paths()
    assert len(paths) > 100  # nested fields included
    for kind, path in paths:
        row = page.select_one(f"#{reference_anchor(kind, path)}")
        assert row is not None, f"{kind}: {path} absent de « Contribuer »"
        assert text_of(row.select_one("th code")) == path
        assert text_of(row.select("td")[0]) in {"oui", "non"}
        assert text_of(row.select("td")[2]), (kind, path)  # an example


def test_contribuer_lists_allowed_values_with_their_meaning(site: Site) -> None:
    page = site.page("/contribuer/format/")
    position = text_of(page.select_one("#champ-deliberations-positions-groupes-position"))
    for spec in (c for fmt in FORMATS.values() for c in choices(fmt)):
        assert spec.choices
    for value, label in FORMATS["deliberations"].fields["resultat"].spec.choices.items():
        row = text_of(page.select_one("#champ-deliberations-resultat"))
        assert f"{value} ({label})" in row
    assert "ne-prend-pas-part (Ne prend pas part au vote)" in position
    assert "ne_prend_pas_part (valeur)" in position  # the other spelling, accepted
    counts = text_of(page.select_one("#champ-deliberations-votes-ne-prend-pas-part"))
    assert "aussi : ne-prend-pas-part" in counts


def test_scaffolds_list_allowed_values(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_cli(
        content,
        "new",
        "evenement",
        "essai",
        "--set",
        "titre=Essai",
        "--set",
        "type=cada",
        "--set",
        "sources=s",
    )
    text = (content / "evenements/essai.md").read_text(encoding="utf-8")
    assert "type: cada  # nature de l'événement — valeurs :" in text, result.stderr
    for value, label in FORMATS["evenements"].fields["type"].spec.choices.items():
        assert f"{value} ({label})" in text


def test_both_spellings_of_not_voting_are_read(tmp_path: Path) -> None:
    header = (
        FILES[DELIB]
        .replace("  ne_prend_pas_part: 0", "  ne-prend-pas-part: 1")
        .replace("    vote: contre", "    vote: ne_prend_pas_part")
        .replace("  contre: 1", "  contre: 0")
        .replace("    position: contre", "    position: ne-prend-pas-part")
    )
    graph = graph_of(tmp_path, **{DELIB: header})
    delib = graph.deliberations["dcm-23-05-11-07"]
    assert delib.counts.not_voting == 1
    assert delib.votes[1].option == "ne-prend-pas-part"
    assert not graph.warnings


def test_cada_is_an_event_type_as_well_as_a_follow_up(tmp_path: Path) -> None:
    event = (
        "titre: Demande CADA fictive\ntype: cada\nville: fictiveville\ndate: 2023-06\n"
        "deliberation: dcm-23-05-11-07\nsuites:\n  - type: cada\n    titre: Avis fictif\n"
        "    source: pv-fictif\nsources: [pv-fictif]"
    )
    graph = graph_of(tmp_path, **{"evenements/cada-fictive.md": event})
    assert graph.events["cada-fictive"].type == "cada"


def test_group_side_and_camera_count_reach_the_open_data(tmp_path: Path) -> None:
    content = write(
        tmp_path,
        {
            "organisations/groupe-a.md": (
                "sources: [pv-fictif]",
                "camp:\n  - valeur: majorite\n    debut: 2020-07\n    source: pv-fictif\n"
                "sources: [pv-fictif]",
            ),
            DELIB: (
                "resultat: adoptee",
                "resultat: adoptee\ncameras:\n  nombre: 40\n  note: « 40 caméras »",
            ),
        },
    )
    (content / "pages").mkdir()
    for page in (ROOT / "content/pages").glob("*.md"):
        (content / "pages" / page.name).write_text(page.read_text(encoding="utf-8"))
    output = build_site(content, tmp_path / "output")
    data = json.loads((output / "donnees/conseil-ouvert.json").read_text(encoding="utf-8"))
    group = next(o for o in data["organisations"] if o["id"] == "groupe-a")
    assert group["sides"] == [
        {"side": "majorite", "start": "2020-07", "end": None, "source": "pv-fictif", "note": None}
    ]
    delib = next(d for d in data["deliberations"] if d["id"] == "dcm-23-05-11-07")
    assert delib["cameras"] == {"count": 40, "source": None, "note": "« 40 caméras »"}


def test_a_side_is_a_groups(tmp_path: Path) -> None:
    import pytest

    from conseil_ouvert.reading.graph import ContentError

    with pytest.raises(ContentError) as caught:
        graph_of(
            tmp_path,
            **{
                "organisations/conseil-fictiveville.md": (
                    "sieges: 3",
                    "sieges: 3\ncamp:\n  - valeur: opposition\n    source: pv-fictif",
                )
            },
        )
    (problem,) = caught.value.problems
    assert problem.field == "camp" and problem.line == 6
    assert "réservé aux groupes" in problem.message
