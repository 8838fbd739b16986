"""XML text that round-trips: characters XML 1.0 cannot carry are removed, line breaks are
normalised, and ElementTree does the escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

__all__ = ["XML_LANG", "clean_text", "decimal_text", "narrative", "text_of", "to_bytes"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# XML 1.0 allows tab, line feed, carriage return and U+0020 up, except the surrogates and
# U+FFFE/U+FFFF (https://www.w3.org/TR/xml/#charsets). Anything else makes the file
# ill-formed, so it is dropped (consistently, in every text and attribute).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEWLINES = re.compile("\r\n?")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def clean_text(text: str) -> str:
    """``text`` as XML can hold it and give back unchanged.

    Control characters XML 1.0 cannot carry (and lone surrogates) are removed; ``\\r\\n``
    and ``\\r`` become ``\\n``, since an XML parser normalises line ends that way anyway.
    """
    return _NOT_XML.sub("", _NEWLINES.sub("\n", text))


def decimal_text(value: Decimal) -> str:
    """A decimal as ``xsd:decimal`` text: no exponent, no trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def to_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 bytes with an XML declaration, indented by two spaces."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return (_DECLARATION + body + "\n").encode("utf-8")


def text_of(value: str | None) -> str:
    """A plan's text (``None`` as empty) made fit for XML."""
    return clean_text(value or "")


def narrative(parent: ET.Element, text: str) -> ET.Element:
    """Add ``<narrative>text</narrative>`` to ``parent``; return ``parent``."""
    ET.SubElement(parent, "narrative").text = text
    return parent
