"""Page numbers for Vietnamese administrative documents (pure Python).

NĐ 30/2020/NĐ-CP (Appendix I, II.10): pages are numbered in Arabic digits, centred
at the top of the page, from the second page on. Debian's wkhtmltopdf ignores header
HTML, so the numbers are stamped on the rendered PDF with the PDF libraries Odoo
already ships (PyPDF2 or pypdf, reportlab).
"""

import io

from reportlab.pdfbase.pdfmetrics import stringWidth

try:  # Odoo 18 ships PyPDF2 2.x; newer systems have pypdf
    from PyPDF2 import PdfReader, PdfWriter
    from PyPDF2.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )
except ImportError:  # pragma: no cover - depends on the machine
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )


def number_pages(pdf_bytes, first=2, font="Times-Roman", size=13, top_mm=12):
    """Return ``pdf_bytes`` with page numbers centred at the top of every page from
    page ``first`` on (a one-page document is returned unchanged).

    The number is a small content stream appended to each page, the page's own
    content wrapped in q/Q: no page content is parsed, so a long list is stamped
    in milliseconds (``merge_page`` would re-parse every page).
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    if len(reader.pages) < first:
        return pdf_bytes
    writer = PdfWriter()
    font_ref = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(f"/{font}"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    save = _stream(writer, b"q\n")
    restore = _stream(writer, b"Q\n")
    for index, page in enumerate(reader.pages, start=1):
        writer.add_page(page)
        if index < first:
            continue
        page = writer.pages[-1]
        box = page.mediabox
        text = str(index)
        x = float(box.left) + (float(box.width) - stringWidth(text, font, size)) / 2
        y = float(box.top) - top_mm * 72 / 25.4
        number = _stream(
            writer,
            f"BT /FSeNum {size} Tf {x:.2f} {y:.2f} Td ({text}) Tj ET\n".encode(),
        )
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        if isinstance(contents, ArrayObject):
            existing = list(contents)
        elif contents is not None:
            existing = [page.raw_get("/Contents")]
        else:
            existing = []
        page[NameObject("/Contents")] = ArrayObject([save, *existing, restore, number])
        resources = page.get("/Resources")
        resources = (
            DictionaryObject(resources.get_object())
            if resources
            else DictionaryObject()
        )
        fonts = resources.get("/Font")
        fonts = DictionaryObject(fonts.get_object()) if fonts else DictionaryObject()
        fonts[NameObject("/FSeNum")] = font_ref
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def page_texts(pdf_bytes):
    """Text of each page (for tests and checks)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [page.extract_text() or "" for page in reader.pages]
