"""Write a :class:`~migsdg.word.blocks.Document` as a Word file with python-docx.

The writer opens the default or the user's template with python-docx (so styles, headers,
footers and logos carry over), generates the body's WordprocessingML in one pass and
parses it once: filling tables cell by cell through python-docx's object API is far
slower on large plans. It then fixes the file's timestamps so that the same document
gives the same bytes, and writes atomically (or, for the export host, which gives a
temporary path and puts it in place itself, straight to that path).

python-docx and lxml are imported inside functions: ``import migsdg`` stays light.
"""

from __future__ import annotations

import contextlib
import contextvars
import copy
import datetime as _dt
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from migsdg._atomic import RefusedFileError, atomic_path, read_regular_file
from migsdg.errors import ExportError
from migsdg.word import bidi
from migsdg.word.blocks import Cell, Contents, Document, Heading, Paragraph, Part, Run, Table
from migsdg.word.layout import cell_lines

__all__ = ["render", "write_docx"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W_NS}}}"

#: Whether the draft being written is in a right-to-left language (Arabic): its
#: paragraphs, runs, tables and sections are then marked right to left.
_RTL: contextvars.ContextVar[bool] = contextvars.ContextVar("_RTL", default=False)
#: The font for Arabic script (complex-script text) in right-to-left drafts: Noto Naskh
#: Arabic (Debian's fonts-noto-core) in LibreOffice, a Naskh fallback in Word.
RTL_FONT = "Noto Naskh Arabic"
# Direct formatting: a template's theme fonts for Arabic would otherwise win.
_RTL_FONTS = f'<w:rFonts w:cs="{RTL_FONT}"/>'


def is_rtl(tag: str) -> bool:
    """Whether the language of the BCP 47 ``tag`` (``ar-EG``) is written right to left."""
    from babel import Locale, UnknownLocaleError

    try:
        return bool(Locale.parse(tag.split("-")[0]).character_order == "right-to-left")
    except (ValueError, UnknownLocaleError):
        return False


_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
)

# What a template may not bring into a draft, decided by what a part is (its relationship
# type and content type), never by its name: macros (VBA projects, their data and
# signatures, key maps), ActiveX controls, OLE objects and embedded packages.
_ACTIVE_REL_TYPES = (
    "/vbaProject",
    "/vbaProjectSignature",
    "/vbaProjectSignatureAgile",
    "/vbaProjectSignatureV3",
    "/wordVbaData",
    "/keyMapCustomizations",
    "/activeXControl",
    "/activeXControlBinary",
    "/control",
    "/oleObject",
    "/package",
    "/attachedToolbars",
)
_ACTIVE_CONTENT = re.compile(
    r"vbaProject|vbaData|vbaProjectSignature|keyMapCustomizations"
    r"|activeX|oleObject|\.package$|macroEnabled",
    re.IGNORECASE,
)
# An external target is kept only for hyperlinks (a reader's click); anything else with an
# external target (an attached template, a linked image, a frame) is fetched on opening.
_HYPERLINK_REL = "/hyperlink"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
#: Templates larger than this, or unpacking to more than _MAX_TEMPLATE_UNPACKED, are refused.
_MAX_TEMPLATE_BYTES = 64 * 1024 * 1024
_MAX_TEMPLATE_UNPACKED = 512 * 1024 * 1024
_EMPTY_BODY = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?body/>")

# Table styles in order of preference; the first one the template defines is used.
_GRID_STYLES = ("Light Grid Accent 1", "Table Grid")
_PLAIN_STYLES = ("Table Grid",)
_HEADER_FILL = "D9E2F3"  # header rows of tables when the template has no table style
_MARKER_HIGHLIGHT = "yellow"
_BANNER_COLOUR = "C00000"

# Children of w:settings that must come after w:updateFields (ECMA-376, CT_Settings).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def write_docx(
    document: Document, path: str | os.PathLike[str], *, template: str | os.PathLike[str] | None
) -> None:
    """Write ``document`` to ``path`` (atomically: a failure leaves any existing file as it
    was and no partial file behind)."""
    _write_file(document, path, template=template, atomic=True)


def _write_file(
    document: Document,
    path: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] | None,
    atomic: bool,
) -> None:
    """Write ``document`` to ``path``: atomically, or with ``atomic=False`` straight to
    ``path``, a temporary file that its caller (the export host) puts in place."""
    entries = _render_parts(document, template)
    try:
        with (
            atomic_path(path) if atomic else contextlib.nullcontext(Path(path)) as out,
            open(out, "wb") as fh,
        ):
            _write_zip(fh, entries, document.properties.date)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise ExportError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from exc


def render_bytes(document: Document, *, template: str | os.PathLike[str] | None = None) -> bytes:
    """The Word file of ``document`` as bytes."""
    out = io.BytesIO()
    _write_zip(out, _render_parts(document, template), document.properties.date)
    return out.getvalue()


def render(
    document: Document, *, template: str | os.PathLike[str] | None = None
) -> list[tuple[str, bytes]]:
    """The parts of the Word file of ``document``: (zip entry name, bytes), in the order
    they are written."""
    out: list[tuple[str, bytes]] = []
    for name, data in _render_parts(document, template):
        if not isinstance(data, bytes):
            buffer = io.BytesIO()
            data(buffer)
            data = buffer.getvalue()
        out.append((name, data))
    return out


#: A part's bytes, or a function writing them to a stream (the document part: its XML is
#: written into the zip as it is made, never held whole).
PartData = bytes | Callable[[IO[bytes]], None]


def _render_parts(
    document: Document, template: str | os.PathLike[str] | None
) -> list[tuple[str, PartData]]:
    """The parts, in the order they are written; the document part is a function that
    writes its XML (in the document's writing direction) when the zip entry is open."""
    rtl = is_rtl(document.properties.language)
    token = _RTL.set(rtl)
    try:
        parts = _render(document, template)
    finally:
        _RTL.reset(token)
    return [(name, data if isinstance(data, bytes) else _in(rtl, data)) for name, data in parts]


def _in(rtl: bool, write: Callable[[IO[bytes]], None]) -> Callable[[IO[bytes]], None]:
    def written(dest: IO[bytes]) -> None:
        token = _RTL.set(rtl)
        try:
            write(dest)
        finally:
            _RTL.reset(token)

    return written


def _render(
    document: Document, template: str | os.PathLike[str] | None
) -> list[tuple[str, PartData]]:
    doc = _open(template)
    body = doc.element.body
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)
    section = doc.sections[0]
    styles = _Styles(doc)
    _page_furniture(section, document, styles)
    _update_fields_on_open(doc)
    _set_language(doc, document.properties.language)

    sect_pr = body.find(f"{_W}sectPr")
    if sect_pr is None:
        sect_pr = _parse(f'<w:sectPr xmlns:w="{W_NS}"/>')
    portrait, landscape = _oriented(sect_pr, False), _oriented(sect_pr, True)
    for child in list(body):
        body.remove(child)
    _core_properties(doc, document)

    # The body is generated as text and spliced into the document part's XML: parsing it
    # into python-docx's tree and serialising it again would only cost time (moving a large
    # subtree between lxml documents is not even linear).
    from lxml import etree

    skeleton = str(etree.tostring(doc.element, encoding="unicode"))
    empty = _EMPTY_BODY.search(skeleton)
    if empty is None:  # pragma: no cover - python-docx always writes a body
        raise ExportError("the template's document has no body")
    part_name = doc.part.partname.lstrip("/")
    body_writer = _BodyWriter(styles, portrait, landscape)

    def document_xml(dest: IO[bytes]) -> None:
        out = _Stream(dest)
        out.append("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n")
        out.append(skeleton[: empty.start()])
        body_writer.body(document.parts, out)
        out.append(skeleton[empty.end() :])
        out.flush()

    raw = io.BytesIO()
    doc.save(raw)
    with zipfile.ZipFile(raw) as z:
        names = sorted(z.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
        parts: list[tuple[str, PartData]] = [
            (name, document_xml if name == part_name else z.read(name)) for name in names
        ]
        return parts


class _Stream:
    """Where the body's XML goes, fragment by fragment: encoded and written out in blocks
    of about a megabyte, so the whole document part is never held in memory."""

    def __init__(self, dest: IO[bytes], size: int = 1 << 20) -> None:
        self.dest = dest
        self.size = size
        self.pending: list[str] = []
        self.count = 0

    def append(self, fragment: str) -> None:
        self.pending.append(fragment)
        self.count += len(fragment)
        if self.count >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.dest.write("".join(self.pending).encode("utf-8"))
            self.pending.clear()
            self.count = 0


# -- opening the template -----------------------------------------------------------------


def _open(template: str | os.PathLike[str] | None) -> Any:
    import docx

    if template is None:
        return docx.Document()
    path = Path(template)
    shown = repr(os.fspath(path))
    try:
        data = read_regular_file(path, limit=_MAX_TEMPLATE_BYTES, what="Word templates")
    except FileNotFoundError:
        raise ExportError(f"template {shown} not found") from None
    except RefusedFileError as exc:
        raise ExportError(f"template {shown}: {exc}") from None
    except OSError as exc:
        raise ExportError(f"cannot read template {shown}: {exc.strerror}") from exc
    try:
        clean = _sanitised(data)
    except _TemplateRefused as exc:
        raise ExportError(f"template {shown} is refused: {exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError) as exc:
        raise ExportError(
            f"template {shown} is not a Word document (.docx or .dotx): {exc}"
        ) from exc
    try:
        return docx.Document(io.BytesIO(clean))
    except Exception as exc:  # python-docx on a package it cannot make sense of
        raise ExportError(
            f"template {shown} is not a Word document python-docx can open: {exc}"
        ) from exc


class _TemplateRefused(ValueError):
    """A template part that is not read: a DTD, XML that is not well formed, a zip bomb."""


def _xml_tree(name: str, data: bytes) -> Any:
    """A template part parsed as XML, refusing a DTD (entity expansion, external entities)
    and XML that is not well formed, by the part's name."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _TemplateRefused(f"the part {name} is not well-formed XML ({exc})") from None
    if root.getroottree().docinfo.doctype:
        raise _TemplateRefused(
            f"the part {name} declares a DTD (<!DOCTYPE>); Word documents never need one"
        )
    return root


def _sanitised(data: bytes) -> bytes:
    """The template as a plain, macro-free ``.docx`` package.

    Every XML part is parsed (a DTD or broken XML refuses the template). Relationships of
    an active kind (:data:`_ACTIVE_REL_TYPES`) and external targets other than hyperlinks
    are dropped with the parts they point to; so is every part whose content type is an
    active one, whatever its name; the main part is labelled as a document (a ``.dotx``,
    ``.dotm`` or ``.docm`` opens as a ``.docx``).
    """
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        if sum(i.file_size for i in infos) > _MAX_TEMPLATE_UNPACKED:
            raise _TemplateRefused(f"it unpacks to more than {_MAX_TEMPLATE_UNPACKED // 2**20} MB")
        parts = {i.filename: z.read(i) for i in infos if not i.is_dir()}
    # The package's own structure first: the content types and the relationships.
    xml = {
        name: _xml_tree(name, body)
        for name, body in parts.items()
        if name == "[Content_Types].xml" or name.endswith(".rels")
    }
    types_root = xml.get("[Content_Types].xml")
    if types_root is None:
        raise KeyError("[Content_Types].xml")

    def content_type(name: str) -> str:
        for el in types_root.iter(f"{{{_CT_NS}}}Override"):
            if el.get("PartName", "").lstrip("/") == name:
                return str(el.get("ContentType", ""))
        ext = name.rsplit(".", 1)[-1].lower()
        for el in types_root.iter(f"{{{_CT_NS}}}Default"):
            if el.get("Extension", "").lower() == ext:
                return str(el.get("ContentType", ""))
        return ""

    dropped = {
        n
        for n in parts
        if _ACTIVE_CONTENT.search(content_type(n)) and not content_type(n).endswith(_DOCUMENT_TYPES)
    }
    for name, root in xml.items():
        if not name.endswith(".rels"):
            continue
        base = _rels_base(name)
        for rel in list(root.iter(f"{{{_PKG_REL_NS}}}Relationship")):
            kind = rel.get("Type", "")
            external = rel.get("TargetMode", "") == "External"
            if kind.endswith(_ACTIVE_REL_TYPES) or (external and not kind.endswith(_HYPERLINK_REL)):
                root.remove(rel)
                if not external:
                    dropped.add(_resolve(base, rel.get("Target", "")))
    # The relationships of a dropped part go with it.
    dropped |= {n for n in parts if n.endswith(".rels") and _rels_owner(n) in dropped}
    for el in list(types_root):
        kind = el.get("ContentType", "")
        overridden = el.get("PartName", "").lstrip("/")
        if (el.tag == f"{{{_CT_NS}}}Override" and overridden in dropped) or (
            el.tag == f"{{{_CT_NS}}}Default" and _ACTIVE_CONTENT.search(kind)
        ):
            types_root.remove(el)
        elif kind in _TEMPLATE_TYPES:
            el.set("ContentType", _DOCX_TYPE)
    # Every other XML part that stays is parsed too: a DTD anywhere refuses the template.
    for name, body in parts.items():
        if (
            name not in dropped
            and name not in xml
            and (name.endswith(".xml") or body.lstrip()[:5] == b"<?xml")
        ):
            _xml_tree(name, body)
    settings = "word/settings.xml"
    if settings in parts and b"attachedTemplate" in parts[settings]:
        # The template's own template (a path or address Word would fetch): never carried.
        root = _xml_tree(settings, parts[settings])
        for el in list(root.iter(f"{_W}attachedTemplate")):
            el.getparent().remove(el)
        parts[settings] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for name, body in parts.items():
            if name in dropped:
                continue
            if name in xml and (name.endswith(".rels") or name == "[Content_Types].xml"):
                body = etree.tostring(
                    xml[name], xml_declaration=True, encoding="UTF-8", standalone=True
                )
            w.writestr(name, body)
    return out.getvalue()


_DOCUMENT_TYPES = (
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "macroEnabledTemplate.main+xml",
    "macroEnabled.main+xml",
)


def _rels_base(rels_name: str) -> str:
    """The folder relationship targets in ``rels_name`` are relative to."""
    folder = rels_name.rsplit("_rels/", 1)[0]
    return folder


def _rels_owner(rels_name: str) -> str:
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _resolve(base: str, target: str) -> str:
    import posixpath

    if target.startswith("/"):
        return target.lstrip("/")
    return (
        posixpath.normpath(posixpath.join(base, target)).lstrip("./")
        if base
        else (posixpath.normpath(target))
    )


def _parse(xml: str) -> Any:
    from docx.oxml.parser import element_class_lookup
    from lxml import etree

    # Not python-docx's own parser: that one drops whitespace-only text, which can be a
    # real run of text (a space between two runs).
    parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
    parser.set_element_class_lookup(element_class_lookup)
    return etree.fromstring(xml.encode("utf-8"), parser)


# -- styles --------------------------------------------------------------------------------


class _Styles:
    """Style ids for the roles the document uses, creating built-in paragraph styles the
    template lacks (headings must exist for the navigation pane and the contents)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.ids: dict[str, str] = {}
        self.types: dict[str, str] = {}
        for st in doc.styles.element.iterchildren(f"{_W}style"):
            name_el = st.find(f"{_W}name")
            style_id = st.get(f"{_W}styleId")
            if name_el is None or style_id is None:
                continue
            name = (name_el.get(f"{_W}val") or "").lower()
            self.ids.setdefault(name, style_id)
            self.types.setdefault(name, st.get(f"{_W}type") or "paragraph")
        self.title = self.ensure_paragraph("Title", size=26, outline=None)
        self.headings = {
            level: self.ensure_paragraph(f"Heading {level}", size=size, outline=level - 1)
            for level, size in ((1, 16), (2, 13), (3, 12))
        }
        self.subtitle = self.find("Subtitle", "paragraph")
        self.bullet = self.find("List Bullet", "paragraph")
        self.toc_heading = self.find("TOC Heading", "paragraph")
        self.toc = {level: self.ensure_toc(level) for level in (1, 2, 3)}
        self.grid_table = self.first(_GRID_STYLES, "table")
        self.body_size = _body_size(doc)
        self.plain_table = self.first(_PLAIN_STYLES, "table")

    def find(self, name: str, kind: str) -> str | None:
        key = name.lower()
        if key in self.ids and self.types.get(key) == kind:
            return self.ids[key]
        return None

    def first(self, names: Sequence[str], kind: str) -> str | None:
        return next((s for s in (self.find(n, kind) for n in names) if s), None)

    def ensure_toc(self, level: int) -> str:
        """The style of the contents' entries of ``level`` ("toc 1"…), made when missing:
        body text, indented by level."""
        found = self.find(f"toc {level}", "paragraph")
        if found is not None:
            return found
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt, Twips

        style = self.doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        if self.find("Normal", "paragraph"):
            style.base_style = self.doc.styles["Normal"]
        fmt = style.paragraph_format
        fmt.space_before = Pt(6 if level == 1 else 0)
        fmt.space_after = Pt(2)
        fmt.left_indent = Twips(360 * (level - 1))
        if level == 1:
            style.font.bold = True
        self.ids[f"toc {level}"] = style.style_id
        self.types[f"toc {level}"] = "paragraph"
        return str(style.style_id)

    def ensure_paragraph(self, name: str, *, size: int, outline: int | None) -> str:
        found = self.find(name, "paragraph")
        if found is not None:
            return found
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.shared import Pt

        style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if self.find("Normal", "paragraph"):
            style.base_style = self.doc.styles["Normal"]
        style.next_paragraph_style = None
        style.quick_style = True
        style.font.bold = True
        style.font.size = Pt(size)
        fmt = style.paragraph_format
        fmt.keep_with_next = True
        fmt.space_before = Pt(12 if outline is not None else 0)
        fmt.space_after = Pt(6)
        if outline is not None:
            level = OxmlElement("w:outlineLvl")
            level.set(f"{_W}val", str(outline))
            style.element.get_or_add_pPr().append(level)
        self.ids[name.lower()] = style.style_id
        self.types[name.lower()] = "paragraph"
        return str(style.style_id)


def _body_size(doc: Any) -> int:
    """The body text's size in half-points: the Normal style's, else the document
    default's, else 11 pt."""
    styles = doc.styles.element
    for path in (
        f"{_W}style[@{_W}styleId='Normal']/{_W}rPr/{_W}sz",
        f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz",
    ):
        found = styles.find(path)
        if found is not None:
            try:
                return max(8, int(found.get(f"{_W}val", "22")))
            except ValueError:
                continue
    return 22


# -- page furniture, settings, properties ----------------------------------------------------


def _is_empty(part: Any) -> bool:
    el = part._element
    if el.xpath(".//w:drawing | .//w:pict | .//w:object | .//w:fldSimple | .//w:instrText"):
        return False
    return not "".join(el.xpath(".//w:t/text()")).strip()


def _page_furniture(section: Any, document: Document, styles: _Styles) -> None:
    """Our header (title, draft marking) and footer (page numbers) where the template has
    none of its own; a template's own header and footer are kept as they are."""
    header, footer = section.header, section.footer
    if header.is_linked_to_previous or _is_empty(header):
        _replace_content(
            header._element,
            _paragraph_xml(_runs_xml(document.header, size=16), jc="right"),
        )
    if footer.is_linked_to_previous or _is_empty(footer):
        _replace_content(footer._element, _footer_xml(document.footer))


def _replace_content(container: Any, xml: str) -> None:
    for child in list(container):
        container.remove(child)
    wrapper = _parse(f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:hdr>')
    for child in list(wrapper):
        container.append(child)


def _footer_xml(template: str) -> str:
    parts: list[str] = []
    rest = template
    while rest:
        head, sep, tail = rest.partition("{")
        if head:
            parts.append(_runs_xml((Run(head),), size=18))
        if not sep:
            break
        name, _, rest = tail.partition("}")
        instr = {"page": "PAGE", "pages": "NUMPAGES"}.get(name)
        if instr is None:
            parts.append(_runs_xml((Run("{" + name + "}"),), size=18))
        else:
            parts.append(
                f'<w:fldSimple w:instr=" {instr} \\* MERGEFORMAT ">'
                f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
            )
    return _paragraph_xml("".join(parts), jc="center")


def _update_fields_on_open(doc: Any) -> None:
    """Ask Word to update the fields (the table of contents) when the file is opened."""
    settings = doc.settings.element
    found = settings.find(f"{_W}updateFields")
    if found is None:
        from docx.oxml import OxmlElement

        found = OxmlElement("w:updateFields")
        successor = next(
            (c for c in settings if c.tag in {f"{_W}{n}" for n in _AFTER_UPDATE_FIELDS}), None
        )
        if successor is not None:
            successor.addprevious(found)
        else:
            settings.append(found)
    found.set(f"{_W}val", "true")


def _set_language(doc: Any, tag: str) -> None:
    """Proofing language of the text (Word's document default)."""
    from docx.oxml import OxmlElement

    styles = doc.styles.element
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{_W}rPrDefault")
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(f"{_W}rPr")
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(f"{_W}lang")
    if lang is None:
        lang = OxmlElement("w:lang")
        # w:lang precedes only w:eastAsianLayout, w:specVanish and w:oMath in w:rPr.
        successor = next(
            (c for c in rpr if c.tag in (f"{_W}eastAsianLayout", f"{_W}specVanish", f"{_W}oMath")),
            None,
        )
        if successor is not None:
            successor.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(f"{_W}val", tag)
    if _RTL.get():
        # Arabic text is complex script: its language and font are the w:bidi and w:cs ones.
        lang.set(f"{_W}bidi", tag)
        fonts = rpr.find(f"{_W}rFonts")
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(f"{_W}cs", RTL_FONT)


def _core_properties(doc: Any, document: Document) -> None:
    props = document.properties
    core = doc.core_properties
    # Naive UTC datetimes: python-docx writes them with a trailing "Z".
    date = props.date.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    core.title = props.title[:255]
    core.subject = props.subject
    core.author = props.author[:255]
    core.last_modified_by = props.author[:255]
    core.keywords = props.keywords
    core.content_status = props.status
    core.language = props.language
    core.revision = props.revision
    core.created = date
    core.modified = date
    core.last_printed = date


def _cell_bidi() -> str:
    return "<w:bidi/>" if _RTL.get() else ""


def _oriented(sect_pr: Any, landscape: bool) -> str:
    """The XML of the template's section properties, turned to the orientation asked (and
    right to left in a right-to-left draft)."""
    from lxml import etree

    el = copy.deepcopy(sect_pr)
    if _RTL.get() and el.find(f"{_W}bidi") is None:
        bidi = etree.SubElement(el, f"{_W}bidi")
        # w:bidi comes before w:rtlGutter, w:docGrid and w:printerSettings.
        for later in ("rtlGutter", "docGrid", "printerSettings", "sectPrChange"):
            found = el.find(f"{_W}{later}")
            if found is not None:
                found.addprevious(bidi)
                break
    size = el.find(f"{_W}pgSz")
    if size is not None:
        w, h = int(size.get(f"{_W}w", "11906")), int(size.get(f"{_W}h", "16838"))
        if (w > h) != landscape:
            size.set(f"{_W}w", str(h))
            size.set(f"{_W}h", str(w))
        if landscape:
            size.set(f"{_W}orient", "landscape")
        elif f"{_W}orient" in size.attrib:
            del size.attrib[f"{_W}orient"]
    return str(etree.tostring(el, encoding="unicode"))


def _text_height(sect_xml: str) -> int:
    """The height between the top and bottom margins, in twentieths of a point."""
    el = _parse(sect_xml)
    size, margins = el.find(f"{_W}pgSz"), el.find(f"{_W}pgMar")
    height = int(size.get(f"{_W}h")) if size is not None else 16838
    if margins is not None:
        height -= abs(int(margins.get(f"{_W}top", "1440"))) + abs(
            int(margins.get(f"{_W}bottom", "1440"))
        )
    return max(height, 2000)


def _text_width(sect_xml: str) -> int:
    """The width between the margins, in twentieths of a point."""
    el = _parse(sect_xml)
    size, margins = el.find(f"{_W}pgSz"), el.find(f"{_W}pgMar")
    width = int(size.get(f"{_W}w")) if size is not None else 11906
    if margins is not None:
        width -= int(margins.get(f"{_W}left", "1440")) + int(margins.get(f"{_W}right", "1440"))
    return max(width, 2000)


# -- the zip file ----------------------------------------------------------------------------


def _write_zip(fh: IO[bytes], entries: Iterable[tuple[str, PartData]], date: _dt.datetime) -> None:
    """Entries in a fixed order with a fixed timestamp: the same document, the same bytes."""
    utc = date.astimezone(_dt.timezone.utc)
    stamp = max((1980, 1, 1, 0, 0, 0), min(utc.timetuple()[:6], (2107, 12, 31, 23, 59, 58)))
    with zipfile.ZipFile(fh, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            if isinstance(data, bytes):
                z.writestr(info, data, compresslevel=6)
            else:  # streamed into the entry and compressed as it comes (as writestr does)
                info._compresslevel = 6  # type: ignore[attr-defined]
                with z.open(info, "w") as dest:
                    data(dest)


# -- WordprocessingML -----------------------------------------------------------------------


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _esc(text).replace('"', "&quot;")


def _text_xml(text: str) -> str:
    """``<w:t>`` elements for ``text``; newlines become line breaks and tabs tabs."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{_esc(text)}</w:t>'
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if piece:
                out.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return "".join(out)


def _runs_xml(
    runs: Iterable[Run], *, colour: str | None = None, size: int | None = None, bold: bool = False
) -> str:
    out: list[str] = []
    rtl = _RTL.get()
    for r in runs:
        # Children of w:rPr in schema order; the complex-script (cs) twins apply to Arabic.
        props = _RTL_FONTS if rtl else ""
        if r.bold or r.marker or bold:
            props += "<w:b/><w:bCs/>" if rtl else "<w:b/>"
        if r.italic:
            props += "<w:i/><w:iCs/>" if rtl else "<w:i/>"
        if colour:
            props += f'<w:color w:val="{colour}"/>'
        if size:
            props += f'<w:sz w:val="{size}"/>'
            if rtl:
                props += f'<w:szCs w:val="{size}"/>'
        if r.marker:
            props += f'<w:highlight w:val="{_MARKER_HIGHLIGHT}"/>'
        if not rtl:
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            out.append(f"<w:r>{rpr}{_text_xml(r.text)}</w:r>")
            continue
        # Left-to-right stretches (English text, codes such as 10.c.1) get runs of their
        # own, without w:rtl and between directional marks (migsdg.word.bidi).
        for piece, ltr in bidi.marked(r.text):
            if ltr:
                out.append(f"<w:r><w:rPr>{props}</w:rPr>{_text_xml(piece)}</w:r>")
            else:
                out.append(f"<w:r><w:rPr>{props}<w:rtl/></w:rPr>{_text_xml(piece)}</w:r>")
    return "".join(out)


def _paragraph_xml(
    content: str,
    *,
    style: str | None = None,
    keep_next: bool = False,
    page_break: bool = False,
    border: str = "",
    spacing: str = "",
    jc: str | None = None,
    sect_pr: str = "",
) -> str:
    # Children of w:pPr in schema order.
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{_attr(style)}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    ppr += border
    if _RTL.get():
        ppr += "<w:bidi/>"
    ppr += spacing
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    ppr += sect_pr
    return f"<w:p><w:pPr>{ppr}</w:pPr>{content}</w:p>" if ppr else f"<w:p>{content}</w:p>"


_CELL_SPACING = '<w:spacing w:before="0" w:after="0"/>'
#: Left and right cell margins (twips), written out so every renderer uses the same ones.
#: Narrower in tables of many columns, where every twip counts.
_CELL_MARGIN = 85
_NARROW_MARGIN = 57
_MANY_COLUMNS = 7


def _cell_margins(margin: int) -> str:
    return (
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
    )


#: Cells shorter than this cannot make a row taller than a page.
_SHORT_CELL = 150


def _margin(table: Table) -> int:
    return _NARROW_MARGIN if table.columns >= _MANY_COLUMNS else _CELL_MARGIN


def _toc_anchor(n: int) -> str:
    """The bookmark of the ``n``-th heading the contents lists (Word's own "_Toc" prefix
    keeps it out of the bookmarks dialog)."""
    return f"_Toc{n:08d}"


def _pad(em_size: int, margin: int = _CELL_MARGIN) -> int:
    """Twips for a width of ``em_size`` (1/1000 em times half-points), with 5 % to spare,
    plus both cell margins and a border."""
    return em_size * 21 // 2000 + 2 * margin + 20


_BANNER_BORDER = (
    "<w:pBdr>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="12" w:space="4" w:color="{_BANNER_COLOUR}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    + "</w:pBdr>"
)
_TABLE_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


class _BodyWriter:
    def __init__(self, styles: _Styles, portrait: str, landscape: str) -> None:
        self.styles = styles
        self.sect = {False: portrait, True: landscape}
        self.width = {False: _text_width(portrait), True: _text_width(landscape)}
        self.height = {False: _text_height(portrait), True: _text_height(landscape)}
        self.size = styles.body_size

    def body(self, parts: Sequence[Part], out: _Stream) -> None:
        """Write the ``<w:body>`` element of ``parts`` to ``out``."""
        out.append(f'<w:body xmlns:w="{W_NS}" xmlns:r="{R_NS}">')
        # The contents' entries are written into its field, so that every renderer shows
        # them (Word refreshes them and adds the page numbers); each links to a bookmark on
        # its heading.
        contents = next((b for p in parts for b in p.blocks if isinstance(b, Contents)), None)
        self.toc_levels = contents.levels if contents is not None else 0
        self.entries = [
            b
            for p in parts
            for b in p.blocks
            if isinstance(b, Heading) and 1 <= b.level <= self.toc_levels
        ]
        self.bookmark = 0
        previous: Part | None = None
        for part in parts:
            new_page = previous is not None
            if previous is not None and previous.landscape != part.landscape:
                # A section break (next page) closes the previous orientation's section.
                out.append(_paragraph_xml("", sect_pr=self.sect[previous.landscape]))
                new_page = False
            if new_page and part.blocks and isinstance(part.blocks[0], Table):
                out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
                new_page = False
            landscape = part.landscape
            for block in part.blocks:
                self.block(out, block, landscape, new_page)
                new_page = False
            previous = part
        last = parts[-1].landscape if parts else False
        out.append(self.sect[last])
        out.append("</w:body>")

    def block(self, out: _Stream, block: object, landscape: bool, new_page: bool) -> None:
        s = self.styles
        if isinstance(block, Heading):
            style = s.title if block.level == 0 else s.headings[block.level]
            content = _runs_xml(block.runs)
            if 1 <= block.level <= self.toc_levels:
                self.bookmark += 1
                n = self.bookmark
                content = (
                    f'<w:bookmarkStart w:id="{n}" w:name="{_toc_anchor(n)}"/>'
                    f'{content}<w:bookmarkEnd w:id="{n}"/>'
                )
            out.append(_paragraph_xml(content, style=style, keep_next=True, page_break=new_page))
        elif isinstance(block, Paragraph):
            out.append(self.paragraph(block, new_page))
        elif isinstance(block, Table):
            out.append(self.table(block, self.width[landscape], self.height[landscape]))
            # Word needs a paragraph between two tables, or it merges them.
            out.append(_paragraph_xml("", spacing='<w:spacing w:before="0" w:after="0"/>'))
        elif isinstance(block, Contents):
            title = _runs_xml((Run(block.title),), size=None if s.toc_heading else 32, bold=True)
            out.append(_paragraph_xml(title, style=s.toc_heading, page_break=new_page))
            out.append(self.contents(block))
        else:  # pragma: no cover - the document model has no other blocks
            raise TypeError(f"unknown block {block!r}")

    def contents(self, block: Contents) -> str:
        """The TOC field with one paragraph per heading as its result (the placeholder when
        the draft has no headings)."""
        instr = f' TOC \\o "1-{block.levels}" \\h \\z \\u '
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{_esc(instr)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if not self.entries:
            return _paragraph_xml(begin + _runs_xml((Run(block.placeholder, italic=True),)) + end)
        out: list[str] = []
        last = len(self.entries) - 1
        for k, heading in enumerate(self.entries):
            text = "".join(r.text for r in heading.runs)
            link = (
                f'<w:hyperlink w:anchor="{_toc_anchor(k + 1)}" w:history="1">'
                f"{_runs_xml((Run(text),))}</w:hyperlink>"
            )
            out.append(
                _paragraph_xml(
                    (begin if k == 0 else "") + link + (end if k == last else ""),
                    style=self.styles.toc[heading.level],
                )
            )
        return "".join(out)

    def paragraph(self, p: Paragraph, new_page: bool) -> str:
        s = self.styles
        if p.style == "bullet":
            if s.bullet:
                return _paragraph_xml(_runs_xml(p.runs), style=s.bullet, page_break=new_page)
            return _paragraph_xml(_runs_xml((Run("• "), *p.runs)), page_break=new_page)
        if p.style == "banner":
            return _paragraph_xml(
                _runs_xml(p.runs, colour=_BANNER_COLOUR, size=32),
                border=_BANNER_BORDER,
                spacing='<w:spacing w:before="240" w:after="240"/>',
                jc="center",
                page_break=new_page,
            )
        if p.style == "subtitle":
            if s.subtitle:
                return _paragraph_xml(_runs_xml(p.runs), style=s.subtitle, page_break=new_page)
            return _paragraph_xml(_runs_xml(p.runs, size=30), page_break=new_page)
        return _paragraph_xml(_runs_xml(p.runs), keep_next=p.style == "label", page_break=new_page)

    def table(self, table: Table, text_width: int, text_height: int = 12960) -> str:
        s = self.styles
        style = s.plain_table if table.kind == "timeline" else s.grid_table
        header = table.header is not None
        size, widths, long_rows = self.layout(table, text_width)
        # tblLook: first row and first column formatting; no vertical banding.
        look = (0x0020 if header else 0) | (0x0080 if table.kind == "fields" else 0) | 0x0400
        props = [f'<w:tblStyle w:val="{_attr(style)}"/>' if style else ""]
        if _RTL.get():
            props.append("<w:bidiVisual/>")  # first column on the right
        # The table's width in twips (not a percentage): Google Docs and LibreOffice honour
        # absolute widths, and the fixed layout makes Word take the grid as it is.
        props.append(f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>')
        if not style:
            props.append(_TABLE_BORDERS)
        props.append('<w:tblLayout w:type="fixed"/>')
        props.append(_cell_margins(_margin(table)))
        props.append(
            f'<w:tblLook w:val="{look:04X}" w:firstRow="{int(header)}" w:lastRow="0" '
            f'w:firstColumn="{int(table.kind == "fields")}" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/>'
        )
        out = [f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>"]
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out.append("</w:tblGrid>")
        tcw = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
        if table.header is not None:
            fill = "" if style else f'<w:shd w:val="clear" w:color="auto" w:fill="{_HEADER_FILL}"/>'
            # Repeated at the top of each page; never split.
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for i, text in enumerate(table.header):
                out.append(
                    f"<w:tc><w:tcPr>{tcw[i]}{fill}</w:tcPr>"
                    f"<w:p><w:pPr>{_cell_bidi()}{_CELL_SPACING}</w:pPr>"
                    f"{_runs_xml((Run(text),), bold=True, size=size)}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        # A row stays on one page, unless it takes more than half a page: keeping such a
        # row whole can leave most of a page blank before it (or a heading alone).
        margin = _margin(table)
        type_size = size or self.size
        room = [(w - 2 * margin) * 2000 // (type_size * 21) for w in widths]
        tallest = text_height // 2
        split = set()
        for k in long_rows:
            row = table.rows[k]
            lines = max(
                cell_lines(c.text, any(r.bold for r in c.runs), room[i]) for i, c in enumerate(row)
            )
            if lines * type_size * 12 > tallest:
                split.add(k)
        cell_xml = self.cell
        empty = {i: self.cell(Cell(), tcw[i], size) for i in range(table.columns)}
        # A total row never starts a page alone under the repeated header: the row before
        # it keeps with it, unless that row may split. (Not every last row: keeping each
        # table's last two rows together left a gap on page after page.)
        before_last = len(table.rows) - 2 if table.total else -1
        if before_last in split:
            before_last = -1
        for k, row in enumerate(table.rows):
            out.append("<w:tr>" if k in split else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            at = len(out)
            for i, cell in enumerate(row):
                if cell.runs or cell.shade or cell.align != "left":
                    out.append(cell_xml(cell, tcw[i], size))
                else:  # an empty cell: the same XML every time
                    out.append(empty[i])
            if k == before_last:
                kept = "<w:p><w:pPr><w:keepNext/>"
                out[at:] = [x.replace("<w:p><w:pPr>", kept) for x in out[at:]]
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def layout(self, table: Table, text_width: int) -> tuple[int | None, list[int], list[int]]:
        """The type size (half-points, ``None``: the template's), the column widths
        (twips) of ``table`` and the rows with a long cell (that may be taller than half a
        page): each column as wide as its content wants, no narrower than its widest word
        (see :mod:`migsdg.word.layout`). A table whose words cannot all fit at the body size
        is set in 9 pt, then 8 pt; the timeline is always in 8 pt."""
        from migsdg.word.layout import cell_extent, column_widths

        columns = table.columns
        minimum = [0] * columns
        preferred = [0] * columns
        if table.header is not None:
            # A heading may take two lines: it asks for half its length, not all of it
            # ("Secured or / pledged" over a column of amounts).
            for i, text in enumerate(table.header):
                widest, longest = cell_extent(text, True)
                minimum[i], preferred[i] = widest, max(widest, longest // 2)
        long_rows: list[int] = []
        for k, row in enumerate(table.rows):
            long_row = False
            for i, cell in enumerate(row):
                runs = cell.runs
                if not runs:
                    continue
                if len(runs) == 1:
                    run = runs[0]
                    text = run.text
                    widest, longest = cell_extent(text, run.bold or run.marker)
                else:
                    text = cell.text
                    widest, longest = cell_extent(text, any(r.bold or r.marker for r in runs))
                if len(text) > _SHORT_CELL:
                    long_row = True
                if widest > minimum[i]:
                    minimum[i] = widest
                if longest > preferred[i]:
                    preferred[i] = longest
            if long_row:
                long_rows.append(k)
        start = {"timeline": 16, "figures": 18}.get(table.kind, self.size)
        sizes = [x for x in (start, 18, 16) if x <= start]
        for size in sizes:
            # 1/1000 em at ``size`` half-points, in twips: em * size / 2 * 20 / 1000; then
            # the cell's margins and borders, and 5 % for fonts wider than the estimate.
            margin = _margin(table)
            low = [_pad(m * size, margin) for m in minimum]
            high = [max(lo, _pad(p * size, margin)) for lo, p in zip(low, preferred, strict=True)]
            widths = column_widths(low, high, text_width)
            if widths is not None:
                return (None if size == self.size else size), widths, long_rows
        # Even 8 pt is too wide (a long word in each of many columns): share the page out
        # in proportion to the minimums.
        total = sum(low) or 1
        return sizes[-1], [max(200, text_width * w // total) for w in low], long_rows

    @staticmethod
    def cell(cell: Cell, tcw: str, size: int | None = None) -> str:
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.shade}"/>' if cell.shade else ""
        jc = f'<w:jc w:val="{cell.align}"/>' if cell.align != "left" else ""
        return (
            f"<w:tc><w:tcPr>{tcw}{shade}</w:tcPr>"
            f"<w:p><w:pPr>{_cell_bidi()}{_CELL_SPACING}{jc}</w:pPr>"
            f"{_runs_xml(cell.runs, size=size)}</w:p></w:tc>"
        )
