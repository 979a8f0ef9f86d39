"""A synthetic council corpus in our content format, for tests and benchmarks.

Deterministic (seeded) and obviously fictitious: every name says it is
synthetic. It is written outside ``content/`` and never published.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

TOPICS = ("videosurveillance", "reconnaissance-faciale", "drones", "capteurs")


def _write(path: Path, header: str, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{header.strip()}\n---\n{body}\n", encoding="utf-8")


def synthetic_siret(number: int) -> str:
    """A 14-digit SIRET with a right Luhn key (obviously fictitious: mostly zeros)."""
    body = f"{number:013d}"
    for key in "0123456789":
        digits = [int(c) for c in reversed(body + key)]
        total = sum(
            d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return body + key
    raise AssertionError("unreachable: one key in ten is right")


def generate(target: Path, deliberations: int, seed: int = 1, nominal_votes: bool = False) -> Path:
    """Write a corpus of ``deliberations`` deliberations and proportional records.
    With ``nominal_votes``, one deliberation in three also has each councillor's
    vote (off by default: the benchmark's corpus stays the one its figures were
    first measured on)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    cities = max(2, deliberations // 50)
    groups_per_city = 3
    people_per_city = 6
    _write(
        target / "sources" / "synthetique.md",
        "publication: Source synthétique de test\nnature: officiel\ndate: 2020-01-15",
    )
    for topic in TOPICS:
        _write(
            target / "themes" / f"{topic}.md",
            f"nom: Thème synthétique {topic}\nresume: Thème généré pour les tests.",
        )
    for c in range(cities):
        city = f"ville-synthetique-{c}"
        _write(
            target / "villes" / f"{city}.md",
            f"""
nom: Ville synthétique {c}
type: commune
population:
  valeur: {rng.randint(5_000, 500_000)}
  annee: 2020
  source: synthetique
cameras:
  - date: 2015
    nombre: {rng.randint(10, 100)}
    statut: compte
    source: synthetique
  - date: 2020
    nombre: {rng.randint(100, 900)}
    statut: compte
    source: synthetique
sources: [synthetique]
""",
        )
        _write(
            target / "organisations" / f"conseil-{city}.md",
            f"nom: Conseil synthétique {c}\ntype: conseil\nville: {city}\nsieges: 59\n"
            f"siret: '{synthetic_siret(c)}'\nsiret_source: synthetique\nsources: [synthetique]",
        )
        for g in range(groups_per_city):
            _write(
                target / "organisations" / f"groupe-{c}-{g}.md",
                f"nom: Groupe synthétique {c}-{g}\ntype: groupe\nville: {city}\n"
                "sources: [synthetique]",
            )
        for p in range(people_per_city):
            _write(
                target / "personnes" / f"personne-{c}-{p}.md",
                f"""
nom: Personne Synthétique {c}-{p}
nom_tri: Synthétique {c}-{p}, Personne
appartenances:
  - organisation: groupe-{c}-{p % groups_per_city}
    role: membre
    debut: 2020-03
    source: synthetique
sources: [synthetique]
""",
            )
    for d in range(deliberations):
        c = d % cities
        city = f"ville-synthetique-{c}"
        year = 2014 + d % 10
        yes = rng.randint(30, 50)
        no = rng.randint(0, 59 - yes)
        abstain = rng.randint(0, 59 - yes - no)
        sides = [rng.choice(["pour", "contre", "abstention"]) for _ in range(groups_per_city)]
        positions = "\n".join(
            f"""  - groupe: groupe-{c}-{g}
    position: {sides[g]}
    provenance: proces-verbal
    source: synthetique"""
            for g in range(groups_per_city)
        )
        nominal = ""
        if nominal_votes and d % 3 == 0:  # one deliberation in three: each councillor's vote
            # Each councillor votes as their group; the counts include these votes.
            votes = [sides[p % groups_per_city] for p in range(people_per_city)]
            yes = max(yes, votes.count("pour"))
            no = max(no, votes.count("contre"))
            abstain = max(abstain, votes.count("abstention"))
            excess = max(0, yes + no + abstain - 59)  # still within the 59 seats,
            cut = min(excess, no - votes.count("contre"))  # and still adopted
            no, abstain = no - cut, abstain - (excess - cut)
            nominal = "votes_nominatifs:\n" + "".join(
                f"""  - personne: personne-{c}-{p}
    vote: {votes[p]}
    provenance: proces-verbal
    source: synthetique
"""
                for p in range(people_per_city)
            )
        # One deliberation in seven has no published breakdown: unknown, never 0.
        counts = (
            "  pour: inconnu\n  contre: inconnu\n"
            "  abstention: inconnu\n  ne_prend_pas_part: inconnu"
            if d % 7 == 3
            else f"  pour: {yes}\n  contre: {no}\n  abstention: {abstain}\n  ne_prend_pas_part: 0\n"
            "  source: synthetique"
        )
        _write(
            target / "deliberations" / city / f"dcm-synth-{d}.md",
            f"""
numero: DCM SYNTH-{d}
organe: conseil-{city}
ville: {city}
date: {year}-{1 + d % 12:02d}-{1 + d % 28:02d}
titre: Délibération synthétique numéro {d} sur la vidéoprotection
themes: [{TOPICS[d % len(TOPICS)]}]
montants:
  - montant: {rng.randint(1, 500) * 1000}
    objet: équipement synthétique
    annee_budget: {year}
resultat: adoptee
votes:
{counts}
code_actes: "6.1"
matiere_actes: Matière synthétique
code_actes_source: synthetique
positions_groupes:
{positions}
{nominal}sources: [synthetique]
""",
            f"Résumé synthétique de la délibération {d}. " * 8,
        )
        if d % 2 == 0:
            _write(
                target / "citations" / f"citation-synth-{d}.md",
                f"""
type: {"citation" if d % 4 == 0 else "position"}
texte: Propos synthétique numéro {d} sur la délibération.
personne: personne-{c}-{d % people_per_city}
date: {year}-{1 + d % 12:02d}
deliberation: dcm-synth-{d}
ville: {city}
sources: [synthetique]
""",
            )
        if d % 5 == 0:
            _write(
                target / "evenements" / f"evenement-synth-{d}.md",
                f"""
titre: Événement synthétique {d}
type: experimentation
ville: {city}
date: {year}
deliberation: dcm-synth-{d}
sources: [synthetique]
""",
                "Événement généré pour les tests.",
            )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("-n", "--deliberations", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--votes-nominatifs", action="store_true", help="add nominal votes")
    args = parser.parse_args()
    generate(args.target, args.deliberations, args.seed, args.votes_nominatifs)


if __name__ == "__main__":
    main()
