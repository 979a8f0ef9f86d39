"""French dates, numbers and amounts with Babel (no OS locale needed).

These run thousands of times per build: the pure ones are memoised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from operator import attrgetter
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from .model import PartialDate
from .urls import slugify
from .vocabulary import DATE_BASES_SHORT

_NBSP_BEFORE = re.compile(r"(?<=\w|[»)\]]) ?([;:!?])(?=\s|$|<)")
_NBSP_AFTER_OPEN = re.compile(r"« ?")
_NBSP_BEFORE_CLOSE = re.compile(r" ?»")


def french_spacing(text: str) -> str:
    """Non-breaking spaces around « », before ; : ! ? (French typography)."""
    text = _NBSP_BEFORE.sub("\u202f\\1", text)
    text = _NBSP_AFTER_OPEN.sub("«\u00a0", text)
    return _NBSP_BEFORE_CLOSE.sub("\u00a0»", text)


LOCALE = "fr_FR"
UNKNOWN_DATE = "date non précisée"


@lru_cache(maxsize=8192)
def date_fr(date: PartialDate | None) -> str:
    """« 28 février 2019 », « 1er mars 2020 », « février 2020 », « 2019 »."""
    if date is None:
        return UNKNOWN_DATE
    if date.precision == "year":
        return str(date.year)
    if date.precision == "month":
        return format_date(date.first_day(), "MMMM y", locale=LOCALE)
    text = format_date(date.first_day(), "d MMMM y", locale=LOCALE)
    return text.replace("1 ", "1er ", 1) if date.day == 1 else text


def dated_fr(item: Any) -> str:
    """A record's date in words with its provenance (vocabulary.DATE_BASES), for
    text outputs (feeds, descriptions): « 2019 (jour déduit du numéro :
    28 février 2019) », « 2021 (date déduite d'une indication relative) »."""

    date, basis = item.date, getattr(item, "date_basis", None)
    if date is None or not basis:
        return date_fr(date)
    if basis == "numero":
        return f"{date.year} ({DATE_BASES_SHORT[basis]} : {date_fr(date)})"
    return f"{date_fr(date)} ({DATE_BASES_SHORT[basis]})"


@lru_cache(maxsize=8192)
def number_fr(value: float | int | None) -> str:
    """« 1 600 », with a narrow no-break space between thousands."""
    if value is None:
        return "inconnu"
    return format_decimal(value, locale=LOCALE)


def euros_fr(value: float | int | None) -> str:
    """« 200 000 € »; « 7 millions d'euros » is left to the writer of the summary."""
    if value is None:
        return "montant inconnu"
    return f"{number_fr(value)}\u00a0€"


@lru_cache(maxsize=65536)
def typo(text: str | None) -> str:
    """French spacing for a text field (names and labels repeat: memoised)."""
    return french_spacing(text) if text else ""


def plural(count: int, singular: str, plural_form: str | None = None, zero: str = "") -> str:
    """« 1 délibération », « 2 délibérations », and ``zero`` (« aucune … ») for 0."""
    if count == 0 and zero:
        return zero
    word = singular if count < 2 else (plural_form or singular + "s")
    return f"{number_fr(count)} {word}"


def sort_fr(items: Iterable[Any], key: str | Callable[[Any], str] = "name") -> list[Any]:
    """Alphabetical order as a French reader expects it: « Sète » before
    « Suresnes », « Élus » among the E (code points would put accents last).
    ``key`` is an attribute name or a function giving the text to sort by.
    Ties keep a stable order by identifier, so two builds are identical."""
    text = key if callable(key) else attrgetter(key)
    return sorted(items, key=lambda item: (slugify(str(text(item))), str(getattr(item, "id", ""))))
