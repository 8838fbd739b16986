"""The Word document part is written into the zip as it is made, in bounded blocks, and the
file is the same as when the part is made whole."""

from __future__ import annotations

import io
import zipfile

from migsdg.examples import load_example
from migsdg.word import build_document, writer


class Recorder(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.sizes.append(len(data))
        return super().write(data)


def test_the_document_part_is_written_in_blocks() -> None:
    document = build_document(load_example("national"))
    (write,) = [d for _, d in writer._render_parts(document, None) if not isinstance(d, bytes)]
    dest = Recorder()
    original = writer._Stream.__init__.__defaults__
    writer._Stream.__init__.__defaults__ = (4096,)  # type: ignore[attr-defined]
    try:
        write(dest)
    finally:
        writer._Stream.__init__.__defaults__ = original  # type: ignore[attr-defined]
    assert len(dest.sizes) > 10
    # Each block is one fragment past the block size at most (a fragment is one
    # paragraph or table, never the whole body).
    assert max(dest.sizes) < len(dest.getvalue()) / 4
    whole = dict(writer.render(document))["word/document.xml"]
    assert dest.getvalue() == whole


def test_streamed_and_whole_parts_make_the_same_file() -> None:
    document = build_document(load_example("provincial"))
    streamed = writer.render_bytes(document)
    whole = io.BytesIO()
    writer._write_zip(whole, writer.render(document), document.properties.date)
    assert streamed == whole.getvalue()
    with zipfile.ZipFile(io.BytesIO(streamed)) as z:
        assert z.testzip() is None
        assert b"<w:body" in z.read("word/document.xml")
