"""Page numbers for Vietnamese administrative documents (pure Python).

NĐ 30/2020/NĐ-CP (Appendix I, II.10): pages are numbered in Arabic digits, centred
at the top of the page, from the second page on. Debian's wkhtmltopdf ignores header
HTML, so the numbers are stamped on the rendered PDF with the PDF libraries Odoo
already ships (PyPDF2 or pypdf, reportlab).
"""

import io

from reportlab.pdfgen import canvas

try:  # Odoo 18 ships PyPDF2 2.x; newer systems have pypdf
    from PyPDF2 import PdfReader, PdfWriter
except ImportError:  # pragma: no cover - depends on the machine
    from pypdf import PdfReader, PdfWriter


def number_pages(pdf_bytes, first=2, font="Times-Roman", size=13, top_mm=12):
    """Return ``pdf_bytes`` with page numbers centred at the top of every page from
    page ``first`` on (a one-page document is returned unchanged)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    if len(reader.pages) < first:
        return pdf_bytes
    writer = PdfWriter()
    for index, page in enumerate(reader.pages, start=1):
        if index >= first:
            width = float(page.mediabox.width)
            height = float(page.mediabox.height)
            overlay = io.BytesIO()
            pdf = canvas.Canvas(overlay, pagesize=(width, height))
            pdf.setFont(font, size)
            pdf.drawCentredString(width / 2, height - top_mm * 72 / 25.4, str(index))
            pdf.save()
            overlay.seek(0)
            page.merge_page(PdfReader(overlay).pages[0])
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_texts(pdf_bytes):
    """Text of each page (for tests and checks)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [page.extract_text() or "" for page in reader.pages]
