"""Page numbers stamped on rendered PDFs (report addon tools/pdf_pages.py)."""

import io

from conftest import load_by_path
from reportlab.pdfgen import canvas

pp = load_by_path("school_emulation_report/tools/pdf_pages.py", "se_pdf_pages")


def _pdf(pages):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for i in range(pages):
        pdf.drawString(100, 400, f"body {i + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_numbers_from_page_two_top_centre():
    texts = pp.page_texts(pp.number_pages(_pdf(3)))
    assert texts[0].split() == ["body", "1"]
    assert texts[1].split() == ["body", "2", "2"]
    assert texts[2].split() == ["body", "3", "3"]


def test_single_page_unchanged():
    data = _pdf(1)
    assert pp.number_pages(data) == data


def test_other_first_page():
    texts = pp.page_texts(pp.number_pages(_pdf(2), first=1))
    assert texts[0].split() == ["body", "1", "1"]
