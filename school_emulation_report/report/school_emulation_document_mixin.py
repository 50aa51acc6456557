import re

from markupsafe import Markup

from odoo import api, models

from odoo.addons.school_emulation.tools import pagination
from odoo.addons.school_emulation.tools.vn_format import format_date, format_number

from ..tools.vn_format import money, vn_date

# Task ratings in words (NĐ 90/2020, NĐ 233/2026): a certificate never prints the
# abbreviation. Words of the Vietnamese document, not interface text.
RATING_WORDS = {
    "HTXSNV": "hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "hoàn thành tốt nhiệm vụ",
    "HTNV": "hoàn thành nhiệm vụ",
    "KHTNV": "không hoàn thành nhiệm vụ",
}
# Citations ordered by legal force (NĐ 30/2020: law, resolution, decree, ...).
BASIS_RANK = {
    "law": 0,
    "resolution": 1,
    "decree": 2,
    "circular": 3,
    "decision": 4,
    "guidance": 5,
    "plan": 6,
    "other": 7,
}
# Levels whose decisions the school's governing body issues (company settings).
GOVERNING_LEVELS = ("commune",)


class SchoolEmulationDocumentMixin(models.AbstractModel):
    """Values every administrative document needs (NĐ 30/2020 layout): agency
    block, place and date, number formats."""

    _name = "school.emulation.document.mixin"
    _description = "Administrative Document Values"
    _document_model = None
    # the school's register numbering the document when it is issued
    # (res.company REGISTERS), for a document that has no number of its source
    _register_kind = None

    @api.model
    def _agency(self, company):
        return {
            "superior": (company.emulation_superior_name or "").upper(),
            "agency": (company.name or "").upper(),
            "agency_name": company.name or "",
            "code": company.emulation_doc_code or "",
            "place": company.emulation_place or company.city or "",
            "head_title": company.emulation_head_title or "HIỆU TRƯỞNG",
            "head_name": company.emulation_head_name or "",
        }

    @api.model
    def _issuer(self, company, authority=None, department=None):
        """Who issues a document, and how it is headed, addressed and signed.

        - a group (tổ, ``department``): under the school, signed by its leader;
        - the company itself (no ``authority`` or one at the company's own level:
          a school's principal, a commune's chairman): its own block and head;
        - the school's governing body (a commune-level ``authority``): its own
          agency block and signer, from the school's settings (res.company);
        - any other body: its catalogue name.

        ``own``: the school (or its group) issues it itself; otherwise the school
        prepares a draft that the body signs.
        """
        base = self._agency(company)
        level = authority.level if authority else company.emulation_level
        if department:
            return {
                "superior": base["agency"],
                "agency": (department.name or "").upper(),
                "authority": department.name or "",
                "signer_title": "TỔ TRƯỞNG",
                "signer_name": department.sudo().manager_id.name or "",
                "place": base["place"],
                "own": True,
            }
        if level == company.emulation_level:
            # the company's own (a school's principal, a commune's chairman)
            head = company.emulation_head_title or authority.name or "Hiệu trưởng"
            return {
                "superior": base["superior"],
                "agency": base["agency"],
                "authority": f"{head.capitalize()} {company.name}",
                "signer_title": base["head_title"],
                "signer_name": base["head_name"],
                "place": base["place"],
                "own": True,
            }
        if level in GOVERNING_LEVELS:
            body = (
                company.emulation_superior_full_name
                or company.emulation_superior_name
                or authority.name
            )
            head = company.emulation_superior_head_title or authority.name
            return {
                "superior": "",
                "agency": body.upper(),
                "authority": head,
                "signer_title": (
                    company.emulation_superior_signer_title or head
                ).upper(),
                "signer_name": company.emulation_superior_head_name or "",
                "place": base["place"],
                "own": False,
            }
        return {
            "superior": "",
            "agency": (authority.name or "").upper(),
            "authority": authority.name or "",
            "signer_title": (authority.name or "").upper(),
            "signer_name": "",
            "place": base["place"],
            "own": False,
        }

    @api.model
    def _body_name(self, company, authority):
        """A deciding body by its real name, as its documents head and sign them
        ("Chủ tịch Ủy ban nhân dân xã Xuân Sơn"), never the catalogue's generic
        "Chủ tịch UBND cấp xã"."""
        if not authority:
            return ""
        return self._issuer(company, authority)["authority"]

    @api.model
    def _catalogue_laws(self, date):
        """The laws the catalogue's titles and award forms rest on, those in force
        on ``date`` (the Luật Thi đua, khen thưởng and its amendments): cited
        before the texts that detail them."""
        records = (
            self.env["school.emulation.title"]
            .sudo()
            .with_context(active_test=False)
            .search([])
        )
        forms = (
            self.env["school.emulation.award.form"]
            .sudo()
            .with_context(active_test=False)
            .search([])
        )
        laws = (records.legal_basis_id | forms.legal_basis_id).filtered(
            lambda b: b.document_type == "law"
        )
        return laws.filtered(
            lambda b: (not b.date_effective or b.date_effective <= date)
            and not (b.date_expired and b.date_expired < date)
        )

    @api.model
    def _basis_lines(self, bases, date=None):
        """``Căn cứ ...;`` lines of legal bases (catalogue records), by legal
        force then date, those not in force on ``date`` left out."""
        bases = bases.filtered(
            lambda b: not date
            or (
                not (b.date_expired and b.date_expired < date)
                and not (b.date_effective and b.date_effective > date)
            )
        )
        bases = bases.sorted(
            lambda b: (BASIS_RANK.get(b.document_type, 9), str(b.date_issued or ""))
        )
        return [f"Căn cứ {b.citation};" for b in bases if b.citation]

    @api.model
    def _person_name(self, record):
        """A person or unit as a document names it: a student by name, without the
        school's internal code."""
        if record.student_id:
            return record.student_id.name or ""
        return record.subject_name or ""

    @api.model
    def _unit_of(self, record):
        """Where a candidate a unit sent works, as the body above's documents
        print it: "Giáo viên Toán, Trường THCS Xuân Sơn" (empty otherwise)."""
        line = record.inbox_line_id.sudo() if "inbox_line_id" in record else None
        if not line:
            return ""
        return ", ".join(p for p in (line.job_title, line.sender_name) if p)

    @api.model
    def _count_phrase(self, collectives, individuals, bold=False):
        """'5 tập thể và 27 cá nhân', without a part that is zero."""
        wrap = (lambda n: Markup("<b>%s</b>") % n) if bold else str
        parts = []
        if collectives:
            parts.append(Markup("%s tập thể") % wrap(collectives))
        if individuals:
            parts.append(Markup("%s cá nhân") % wrap(individuals))
        return Markup(" và ").join(parts)

    @api.model
    def _in_words(self, text):
        """A text with its rating and title abbreviations in words: '(xếp loại
        HTXSNV)' -> '(xếp loại hoàn thành xuất sắc nhiệm vụ)', 'LĐTT' ->
        'Lao động tiên tiến' (title names from the catalogue)."""
        if not text:
            return ""
        words = dict(RATING_WORDS)
        for title in self.env["school.emulation.title"].sudo().search([]):
            name = (title.name or "").strip()
            initials = "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()
            if len(initials) > 2:
                words.setdefault(initials, f"“{name}”")
        pattern = re.compile(
            r"\b("
            + "|".join(sorted(map(re.escape, words), key=len, reverse=True))
            + r")\b"
        )
        return pattern.sub(lambda m: words[m.group(1)], text)

    @api.model
    def _document_texts(self, record):
        """The editable texts of ``record``'s document: those of its prepared
        document (school.emulation.document) when there is one, else generated
        from the data by ``_default_texts``."""
        texts = self._default_texts(record)
        document = self.env["school.emulation.document"]._for_record(
            record, self._name.split(".")[-1]
        )
        if document:
            texts.update(document._texts())
        texts["document"] = document
        return texts

    @api.model
    def _default_texts(self, record):
        """Hook: ``{number, date, addressee, bases, body, recipients,
        signer_title, signer_name}`` of a document generated from ``record``."""
        return {}

    @api.model
    def _issue_problems(self, record):
        """Hook: what ``record`` still lacks for its document to be issued (a list
        of translated phrases); empty: it may be issued."""
        return []

    @api.model
    def _render_body(self, template, record, **values):
        """The body of a document (Markup) from its QWeb ``template``."""
        report_values = self._get_report_values(record.ids)
        report_values.update(o=record, **values)
        return self.env["ir.qweb"]._render(
            f"school_emulation_report.{template}", report_values
        )

    @api.model
    def _se_pages(self, rows, cells, widths_pct, header, heading_mm=35.0, font_pt=12.0):
        """The rows of a table cut into pages that wkhtmltopdf prints whole, each
        page with its header row again (``tools/pagination.py``): ``cells(row)``
        gives a row's texts, ``widths_pct`` the columns' widths in percent of the
        text width, ``heading_mm`` the height taken above the table on its first
        page. The sizes come from the documents' paper format."""
        paper = self.env.ref("school_emulation_report.paperformat_admin_a4")
        return pagination.a4_pages(
            rows,
            cells,
            widths_pct,
            header,
            heading_mm=heading_mm,
            font_pt=font_pt,
            margins_mm=(
                paper.margin_top,
                paper.margin_bottom,
                paper.margin_left,
                paper.margin_right,
            ),
            shrink=1.0 if paper.disable_shrinking else pagination.SHRINK,
        )

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._document_model].browse(docids)
        # the templates read related records (ballots, awards, people) that the
        # reader may not open: the documents themselves must be readable first
        readable = docs
        if docs._name == "hr.employee" and not docs.browse().has_access("read"):
            # no HR rights: the employee is read through its public profile
            readable = self.env["hr.employee.public"].browse(docids)
        readable.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": self._document_model,
            "docs": docs,
            "agency": self._agency,
            "vn_date": vn_date,
            "money": money,
            "vn_number": format_number,
            "vn_short_date": format_date,
            "today": self._se_today(),
            "texts": self._document_texts,
            "issuer": self._issuer,
            "body_name": self._body_name,
            "person_name": self._person_name,
            "unit_of": self._unit_of,
            "count_phrase": self._count_phrase,
            "in_words": self._in_words,
            "table_pages": self._se_pages,
        }
