"""The tool's text in the reader's language: gettext catalogues and CLDR formats.

Every text a person reads — headings, column labels, check messages, CLI output, sheet
names — is written in English in the code, marked for extraction, and translated through
the gettext catalogues in ``migsdg/locale/<language>/LC_MESSAGES/migsdg.po``. Adding a
language is adding a catalogue: no code changes.

Marking text::

    from migsdg.i18n import N_, NP_, translator

    TITLE = N_("Resource mobilization plan")          # translated later, where it is shown
    STATUS = NP_("column", "Status")                   # the same English, another meaning

    tr = translator(plan.language)
    tr._(TITLE)                                        # "Plan de movilización de recursos"
    tr._("{n} interventions need funds", n=3)          # translated, then formatted
    tr.ngettext("{n} error", "{n} errors", count)      # plural forms of the language
    tr.pgettext("column", "Status")

Numbers, amounts, percentages and dates follow the language's CLDR conventions
(``tr.number``, ``tr.amount``, ``tr.percent``, ``tr.date``) through Babel,
imported only when a translator is first asked for one of them.

The ``.mo`` files are compiled when the package is built. In a source checkout or an
editable install a missing or stale ``.mo`` is compiled from its ``.po`` on first use.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext as _gettext
import io
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "DOMAIN",
    "LOCALE_DIR",
    "NP_",
    "N_",
    "SOURCE_LANGUAGE",
    "Message",
    "Term",
    "Translator",
    "UnknownLanguageError",
    "Value",
    "joined",
    "languages",
    "msg",
    "msgn",
    "translator",
]

DOMAIN = "migsdg"
#: The language the messages are written in; it needs no catalogue.
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# gettext's separator between a message's context and its text (as in .mo files).
_CONTEXT_SEP = "\x04"

# The CLDR locale whose conventions each language's text follows where the bare language
# would pick another region's (English dates as "31 March 2026", as at the United Nations).
_CLDR_LOCALE = {"en": "en_GB"}

_CENT = Decimal("0.01")


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is shown; returns it unchanged."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark ``message`` with a context that tells apart two uses of the same English.

    The result is a plain string that :meth:`Translator._` translates with its context.
    """
    return f"{context}{_CONTEXT_SEP}{message}"


def plain(message: str) -> str:
    """The English text of a marked message (without its context)."""
    return message.rpartition(_CONTEXT_SEP)[2]


class Term:
    """A value of a message that is itself a word of the plan's vocabulary (an enum
    member): written with its label in each language, lower-cased mid-sentence when
    ``lower``."""

    __slots__ = ("lower", "member")

    def __init__(self, member: Any, *, lower: bool = True) -> None:
        self.member = member
        self.lower = lower

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Term) and (self.member, self.lower) == (other.member, other.lower)

    def __hash__(self) -> int:
        return hash((type(self.member), self.member, self.lower))

    def text(self, tr: Translator | None = None) -> str:
        if tr is None:
            label = str(self.member.label)
        else:
            from migsdg.texts import enum_label

            label = enum_label(self.member, tr)
        return label[:1].lower() + label[1:] if self.lower else label


class Value:
    """An indicator value in a message: written as given in English ("12.50") and with
    each language's separators in translations ("12,50")."""

    __slots__ = ("value",)

    def __init__(self, value: Decimal) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Value) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _english(value: Any) -> Any:
    if isinstance(value, Value):
        return str(value.value)
    if isinstance(value, Term):
        return value.text()
    if isinstance(value, Decimal):
        quantum = Decimal(1) if value == value.to_integral_value() else _CENT
        return f"{value.quantize(quantum):,}"
    return value


def _localized(value: Any, tr: Translator) -> Any:
    if isinstance(value, Message):
        return tr.text(value)
    if isinstance(value, Value):
        return tr.value(value.value)
    if isinstance(value, Term):
        return value.text(tr)
    if isinstance(value, Decimal):
        return tr.number(value)
    if isinstance(value, _dt.date):
        return tr.date(value)
    return value


class Message(str):
    """A marked message with its values: a string (its English text, as in JSON reports
    and logs) that also remembers how to say itself in another language
    (:meth:`Translator.text`). Values that are :class:`Term` or amounts (``Decimal``) are
    written in each language's words and number conventions; dates are ISO in English
    and written out in other languages."""

    template: str
    plural: str | None
    values: dict[str, Any]

    def __new__(cls, template: str, /, *, _plural: str | None = None, **values: Any) -> Message:
        form = template
        if _plural is not None and values.get("n") != 1:
            form = _plural
        english = form.format(**{k: _english(v) for k, v in values.items()})
        self = super().__new__(cls, english)
        self.template = template
        self.plural = _plural
        self.values = values
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.plural, self.values))


def _rebuild(template: str, plural: str | None, values: dict[str, Any]) -> Message:
    return Message(template, _plural=plural, **values)


def msg(template: str, /, **values: Any) -> Message:
    """Mark ``template`` for translation and fill it with ``values``: the result reads as
    the English text and :meth:`Translator.text` translates it."""
    return Message(template, **values)


def joined(items: Iterable[Any], separator: str = ", ") -> Message:
    """Texts, messages and terms joined by ``separator``, each in the reader's language."""
    parts = list(items)
    template = separator.join(f"{{p{i}}}" for i in range(len(parts)))
    return Message(template, **{f"p{i}": part for i, part in enumerate(parts)})


def msgn(singular: str, plural: str, n: int, /, **values: Any) -> Message:
    """Like :func:`msg`, in the plural form each language uses for the count ``n``
    (``{n}`` in the text)."""
    return Message(singular, _plural=plural, n=n, **values)


class UnknownLanguageError(ValueError):
    """A language with no catalogue."""

    def __init__(self, language: str) -> None:
        self.language = language
        super().__init__(f"unknown language {language!r} (choose one of {', '.join(languages())})")


@functools.cache
def languages(locale_dir: Path = LOCALE_DIR) -> tuple[str, ...]:
    """The languages the tool speaks: English, then every shipped catalogue, sorted."""
    found = {
        p.parent.parent.name
        for pattern in (f"*/LC_MESSAGES/{DOMAIN}.po", f"*/LC_MESSAGES/{DOMAIN}.mo")
        for p in locale_dir.glob(pattern)
    }
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


def _compile(po: Path, mo: Path) -> bytes:
    """The compiled form of ``po``; written to ``mo`` when the folder allows it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po, "rb") as fh:
        catalog = read_po(fh, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    data = buffer.getvalue()
    try:
        from migsdg._atomic import atomic_write_bytes

        atomic_write_bytes(mo, data)
    except OSError:  # a read-only installation: use the compiled text from memory
        pass
    return data


def _load(language: str, locale_dir: Path) -> _gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    folder = locale_dir / language / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if not po.is_file() and mo.is_file():  # an installation that ships only the .mo
        with open(mo, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    if not po.is_file():
        raise UnknownLanguageError(language)
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        with open(mo, "rb") as fh:
            return _gettext.GNUTranslations(fh)
    return _gettext.GNUTranslations(io.BytesIO(_compile(po, mo)))


class Translator:
    """The tool's text and the CLDR formats of one language.

    Get one with :func:`translator`. Messages are the English text marked in the code;
    keyword values fill the message's ``{placeholders}`` after translation.
    """

    def __init__(self, language: str, *, locale_dir: Path = LOCALE_DIR) -> None:
        if language not in languages(locale_dir):
            raise UnknownLanguageError(language)
        self.language = language
        self._translations = _load(language, locale_dir)

    def __repr__(self) -> str:
        return f"Translator({self.language!r})"

    # -- text ------------------------------------------------------------------------

    def _(self, message: str, /, **values: Any) -> str:
        """``message`` in this language (a context made with :func:`NP_` is honoured),
        with ``values`` filled into its placeholders."""
        context, sep, text = message.rpartition(_CONTEXT_SEP)
        if sep:
            translated = self._translations.pgettext(context, text)
        else:
            translated = self._translations.gettext(message)
        return translated.format(**values) if values else translated

    gettext = _

    def has(self, message: str) -> bool:
        """Whether the catalogue translates ``message`` (English needs no catalogue)."""
        if self.language == SOURCE_LANGUAGE:
            return True
        context, sep, text = message.rpartition(_CONTEXT_SEP)
        key = f"{context}{_CONTEXT_SEP}{text}" if sep else message
        catalog = getattr(self._translations, "_catalog", {})
        return key in catalog or (key, 0) in catalog

    def text(self, message: str) -> str:
        """A :class:`Message` in this language (with its values in this language's words
        and conventions); any other text as it is."""
        if isinstance(message, Message):
            if message.plural is not None:
                count = int(message.values.get("n", 0))
                translated = self._translations.ngettext(message.template, message.plural, count)
            else:
                translated = self._(message.template)
            values = {k: _localized(v, self) for k, v in message.values.items()}
            try:
                return translated.format(**values)
            except (KeyError, IndexError, ValueError, AttributeError):
                return str(message)  # a catalogue that breaks its placeholders: the English
        return message

    def pgettext(self, context: str, message: str, /, **values: Any) -> str:
        translated = self._translations.pgettext(context, message)
        return translated.format(**values) if values else translated

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        """The form of the message for ``n`` under this language's plural rules; ``{n}``
        in it is written as a number of this language."""
        translated = self._translations.ngettext(singular, plural, n)
        return translated.format(n=self.number(n), **values)

    def npgettext(self, context: str, singular: str, plural: str, n: int, /, **values: Any) -> str:
        translated = self._translations.npgettext(context, singular, plural, n)
        return translated.format(n=self.number(n), **values)

    # -- script and direction -------------------------------------------------------

    @functools.cached_property
    def locale(self) -> Locale:
        """The Babel (CLDR) locale whose conventions this language's text follows."""
        from babel import Locale

        return Locale.parse(_CLDR_LOCALE.get(self.language, self.language))

    @property
    def rtl(self) -> bool:
        """Whether the language is written right to left."""
        return bool(self.locale.character_order == "right-to-left")

    @functools.cached_property
    def _numbering(self) -> str:
        # The catalogue says which digits the language's documents use: "latn" (0-9) unless
        # its translator writes another CLDR numbering system, such as "arab".
        # Translators: the CLDR numbering system of numbers in documents: "latn" for the
        # digits 0-9, or another system such as "arab" for Arabic-Indic digits.
        system = self._translations.pgettext("numbering system", "latn")
        return system.strip() or "latn"

    # -- CLDR formats ---------------------------------------------------------------

    def number(self, value: Decimal | int | float) -> str:
        """A number with this language's separators; cents only when there are any."""
        from babel.numbers import format_decimal

        value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if value == value.to_integral_value():
            return str(
                format_decimal(
                    value.to_integral_value(),
                    format="#,##0",
                    locale=self.locale,
                    numbering_system=self._numbering,
                )
            )
        return str(
            format_decimal(
                value.quantize(_CENT, rounding=ROUND_HALF_EVEN),
                format="#,##0.00",
                locale=self.locale,
                numbering_system=self._numbering,
            )
        )

    def value(self, value: Decimal | int | float) -> str:
        """An indicator value, keeping every decimal it was given ("12.50" stays "12,50")."""
        from babel.numbers import format_decimal

        value = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return str(
            format_decimal(
                value, format=pattern, locale=self.locale, numbering_system=self._numbering
            )
        )

    def amount(self, value: Decimal | int, currency: str | None = None) -> str:
        """An amount of money: the number alone, or with its currency as this language
        writes it ("1.234.567 US$", "1 234 567 $US") when ``currency`` is given; cents
        only when there are any."""
        if currency is None:
            return self.number(value)
        from babel.numbers import format_currency

        value = Decimal(value)
        pattern = None
        if value == value.to_integral_value():
            # The language's currency pattern without its fraction digits.
            pattern = self.locale.currency_formats["standard"].pattern.split(";")[0]
            pattern = pattern.replace(".00", "")
        return str(
            format_currency(
                value,
                currency,
                format=pattern,
                locale=self.locale,
                currency_digits=pattern is None,
                numbering_system=self._numbering,
            )
        )

    def percent(self, part: int | Decimal, whole: int | Decimal) -> str:
        """``part`` of ``whole`` as a percentage to one decimal place, without a trailing
        zero ("87.5%", "87,5 %", "100 %"); 0 when ``whole`` is 0."""
        from babel.numbers import format_percent

        share = Decimal(0) if whole == 0 else Decimal(part) * 100 / Decimal(whole)
        share = share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if share == share.to_integral_value():
            share = share.to_integral_value()
        return str(
            format_percent(
                share / 100,
                locale=self.locale,
                decimal_quantization=False,
                numbering_system=self._numbering,
            )
        )

    def date(self, day: _dt.date, form: str = "long") -> str:
        """A date as this language writes it ("31 March 2026", "31 de marzo de 2026",
        "31 mars 2026"); ``form`` is a CLDR width: ``short``, ``medium``, ``long``."""
        from babel.dates import format_date

        text = str(format_date(day, format=form, locale=self.locale))
        if self.locale.language == "fr" and day.day == 1 and form in ("long", "full"):
            # French writes the first of the month as an ordinal ("1er mars"); CLDR does not.
            text = text.replace("1 ", "1er ", 1)
        if self._numbering != "latn":
            text = _digits(text, self._numbering, self.locale)
        return text


def _digits(text: str, system: str, locale: Locale) -> str:
    """``text`` with its digits 0-9 written in the numbering ``system``."""
    from babel.numbers import format_decimal

    table = {
        str(d): str(format_decimal(d, locale=locale, numbering_system=system)) for d in range(10)
    }
    return "".join(table.get(ch, ch) for ch in text)


@functools.cache
def translator(language: str) -> Translator:
    """The translator for ``language`` (one of :func:`languages`); raises
    :class:`UnknownLanguageError` for a language with no catalogue."""
    return Translator(language)
