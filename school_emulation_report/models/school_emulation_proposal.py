import hashlib
import io
import json
import re
import unicodedata
import zipfile

import pytz

from odoo import models
from odoo.exceptions import AccessError

from odoo.addons.base.models.ir_qweb import QWebException
from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)

from ..tools.vn_format import vn_date
from ..tools.xlsx_builder import build as build_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOSSIER_LIST_REPORT = "school_emulation_report.report_dossier_list"
# after every checklist document: the decisions of the competent body
DECISION_SEQUENCE = 10**6


def ascii_name(text, limit=60):
    """``text`` as a portable file name part: Vietnamese folded to ASCII ("Tờ
    trình" -> "To_trinh", "Đ" -> "D"), "/" of a number to "-", anything else
    but letters, digits, "-" and "." to "_"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D").replace("/", "-")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9.-]+", "_", text.encode("ascii", "ignore").decode())
    text = re.sub(r"_+", "_", text).strip("_.-")
    if len(text) > limit:  # cut between words where there is one
        cut = text[: limit + 1].rfind("_")
        text = text[: cut if cut > limit // 2 else limit]
    return text.rstrip("_.-")


class DossierEntries(list):
    """The documents of a dossier handed to the Bảng kê by the server only: a
    report's ``data`` that comes from a URL (JSON) is never one of these.
    ``date``: the school's date the dossier is built."""

    date = None


def _pdf_pages(data):
    if not data or not data.startswith(b"%PDF"):
        return None
    try:
        from PyPDF2 import PdfReader
    except ImportError:  # pragma: no cover - depends on the machine
        from pypdf import PdfReader
    try:
        return len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # noqa: BLE001 - a damaged upload has no page count
        return None


class SchoolEmulationProposal(models.Model):
    _inherit = "school.emulation.proposal"

    def _list_columns(self):
        _ = self.env._
        return [
            (_("No."), 5, "int"),
            (_("Full Name or Collective"), 22, "text"),
            (_("Year of Birth"), 7, "int"),
            (_("Gender"), 7, "text"),
            (_("Position, Title"), 15, "text"),
            (_("Workplace"), 16, "text"),
            (_("Proposed Title or Award Form"), 20, "text"),
            (_("Summary of Achievements"), 36, "text"),
            (_("Votes in Favour"), 8, "int"),
            (_("Council Members"), 9, "int"),
            (_("Note"), 12, "text"),
        ]

    def _list_lines(self):
        self.ensure_one()
        return self.line_ids.filtered(lambda ln: ln.council_result != "rejected")

    def _list_rows(self):
        self.ensure_one()
        genders = {"female": self.env._("Female"), "male": self.env._("Male")}
        rows = []
        for index, line in enumerate(self._list_lines(), start=1):
            emp = line.employee_id.sudo()
            rows.append(
                (
                    index,
                    line.subject_name,
                    emp.birthday.year if emp.birthday else None,
                    genders.get(emp.gender, ""),
                    emp.job_title or "",
                    emp.department_id.name
                    or line.department_id.name
                    or line.student_id.class_id.name
                    or "",
                    line.award_name,
                    line.achievement or "",
                    line.vote_yes if line.ballot_required else None,
                    line.vote_members if line.ballot_required else None,
                    line.initiative_id.name or "",
                )
            )
        return rows

    def _list_sheet(self):
        """The list of candidates as the commune files it: the Tờ trình's annex."""
        self.ensure_one()
        _ = self.env._
        lines = self._list_lines()
        people = lines.filtered(lambda ln: ln.subject_type in ("employee", "student"))
        subtitle = _("School year %(year)s", year=self.period_id.name)
        if self.to_trinh_number:
            subtitle = _(
                "(Attached to Proposal Letter No. %(number)s, %(date)s)",
                number=self.to_trinh_number,
                date=vn_date(self.submitted_date),
            )
        return {
            "name": _("Award Proposal List"),
            "title": _(
                "LIST OF AWARD PROPOSALS, SCHOOL YEAR %(year)s",
                year=self.period_id.name,
            ),
            "subtitle": subtitle,
            "columns": self._list_columns(),
            "rows": self._list_rows(),
            "totals": {
                "label": _(
                    "Total: %(people)s individuals, %(groups)s collectives",
                    people=len(people),
                    groups=len(lines - people),
                )
            },
            **self.env["school.emulation.xlsx.export"]._frame(
                self.company_id, self.submitted_date
            ),
        }

    def _list_xlsx(self):
        self.ensure_one()
        lang = self.env["school.emulation.xlsx.export"]._document_lang()
        return build_xlsx([self.with_context(lang=lang)._list_sheet()])

    def _attach(self, name, data, mimetype):
        """A file built for its reader, readable by that reader alone: an
        attachment without ``res_id`` is read by its creator only. Attached to the
        proposal, every reader of the proposal could read what the builder read
        (the officer's student lines, the council and ballot-count minutes of the
        dossier); the binary field's ``groups`` would not stop them either, since
        reading an attachment by id checks the record, not the field."""
        Attachment = self.env["ir.attachment"]
        with trusted_write("ir.attachment"):  # built here: no upload size limit
            return Attachment.create(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": False,
                }
            )

    def _download(self, attachment):
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_export_xlsx(self):
        self.ensure_one()
        name = f"danh-sach-de-nghi-{self.name.replace('/', '-')}.xlsx"
        return self._download(self._attach(name, self._list_xlsx(), XLSX))

    # --- the dossier --------------------------------------------------------------
    def _se_dossier_render(self, report, records):
        """The PDF of ``report`` on ``records``, or None when the reader may not
        read them or what the template reads (the proposal letter quotes the
        council's votes)."""
        records = records._filtered_access("read")
        if not records:
            return None
        try:
            data, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
                f"school_emulation_report.{report}", records.ids
            )
        except (AccessError, QWebException) as error:
            if isinstance(error, QWebException) and not isinstance(
                error.__cause__, AccessError
            ):
                raise
            return None
        return data

    def _se_dossier_item(self, code):
        """The checklist document type of ``code`` (this proposal's, else the
        catalogue's): its name and its place in the checklist."""
        item = self.document_ids.item_type_id.filtered(lambda t: t.code == code)[:1]
        return item or self.env["school.emulation.dossier.item.type"].search(
            [("code", "=", code)], limit=1
        )

    def _se_dossier_issued(self):
        """The school's Tờ trình (and its list) is a document once submitted: it
        has its number from the register and its date."""
        self.ensure_one()
        return bool(
            self.to_trinh_number
            and self.submitted_date
            and self.state in ("submitted", "decided")
        )

    @staticmethod
    def _se_session_has_ballot(session):
        """A session voted by secret ballot has ballot-count minutes; a
        show-of-hands session has none."""
        if "has_ballot" in session._fields:
            return session.has_ballot
        return bool(session._ballot_lines())

    def _se_dossier_documents(self):
        """The documents of the dossier, issued or signed only, in the checklist
        order (the dossier item types' sequence), the decisions last. Override to
        draw them from elsewhere (e.g. a register of issued documents).

        Each is a dict: ``key`` (sort), ``label`` (its name in the Bảng kê),
        ``short`` (ASCII file name part), ``number``, ``date``, ``data``, ``ext``,
        ``note``. What enters:

        - the school's own documents once numbered: the Tờ trình and its list once
          submitted, the council minutes once the session is closed, the
          ballot-count minutes only for a session voted by secret ballot;
        - the files attached to the checklist (reports of achievements,
          confirmations, the signed Tờ trình...);
        - a decision once confirmed: the superior body's by its signed copy only,
          the school's own by its signed copy, else as the school printed it.

        Built with the reader's rights: what the reader may not read is left out.
        """
        self.ensure_one()
        _ = self.env._
        docs = []

        # sort keys, all integers: (checklist sequence, type, 0 generated / 1
        # attached, ...); the decisions after the checklist
        def item_key(code, *rest):
            item = self._se_dossier_item(code)
            return (item.sequence if item else DECISION_SEQUENCE - 1, item.id, 0, *rest)

        def add(key, label, short, data, ext="pdf", number="", date=None, note=""):
            if data is None:
                return
            docs.append(
                {
                    "key": key,
                    "label": label,
                    "short": short,
                    "number": number or "",
                    "date": date,
                    "data": data,
                    "ext": ext,
                    "note": note,
                }
            )

        if self._se_dossier_issued():
            item = self._se_dossier_item("TO_TRINH")
            add(
                item_key("TO_TRINH", 0),
                item.name or _("Proposal letter"),
                "To_trinh",
                self._se_dossier_render("report_proposal", self),
                number=self.to_trinh_number,
                date=self.submitted_date,
                note=_("With the list of candidates"),
            )
            item = self._se_dossier_item("DANH_SACH")
            add(
                item_key("DANH_SACH", 0),
                item.name or _("List of award proposals"),
                "Danh_sach_de_nghi",
                self._list_xlsx() if self._filtered_access("read") else None,
                ext="xlsx",
                number=self.to_trinh_number,
                date=self.submitted_date,
                note=_("Excel, annex of the proposal letter"),
            )
        sessions = self.session_ids._filtered_access("read").filtered(
            lambda s: s.state == "closed"
        )
        for index, session in enumerate(sessions.sorted("date")):
            day = self._se_local_datetime(session.date, session.company_id).date()
            add(
                item_key("BIEN_BAN", index, 0),
                _("Minutes of the Emulation and Awards Council meeting"),
                "Bien_ban_hop_HDTDKT",
                self._se_dossier_render("report_council_minutes", session),
                number=session.minutes_number,
                date=day,
            )
            if self._se_session_has_ballot(session):
                add(
                    item_key("BIEN_BAN", index, 1),
                    _("Ballot-count minutes"),
                    "Bien_ban_kiem_phieu",
                    self._se_dossier_render("report_ballot_minutes", session),
                    number=session["ballot_minutes_number"]
                    if "ballot_minutes_number" in session._fields
                    else session.minutes_number,
                    date=day,
                    note=_("Secret ballot"),
                )
        Attachment = self.env["ir.attachment"]
        for doc in self.document_ids._filtered_access("read"):
            readable = Attachment._filter_attachment_access(doc.attachment_ids.ids)
            item = doc.item_type_id
            label = item.name
            if doc.line_id:
                label = f"{label}: {doc.line_id.subject_name}"
            for attachment in readable.sorted("id"):
                stem, dot, ext = (attachment.name or "").rpartition(".")
                if not dot:
                    stem, ext = attachment.name or "", "bin"
                add(
                    (
                        item.sequence,
                        item.id,
                        1,
                        doc.line_id.sequence,
                        doc.line_id.id or 0,
                        attachment.id,
                    ),
                    label,
                    "_".join(
                        part
                        for part in (
                            ascii_name(item.name.split("(")[0], 30),
                            ascii_name(doc.line_id.subject_name, 30),
                            ascii_name(stem, 40),
                        )
                        if part
                    ),
                    attachment.raw or b"",
                    ext=ascii_name(ext.lower(), 8) or "bin",
                    note=doc.note or _("Attached file"),
                )
        decisions = self.decision_ids._filtered_access("read").filtered(
            lambda d: d.state == "confirmed"
        )
        Report = self.env["report.school_emulation_report.report_proposal"]
        for decision in decisions.sorted("date"):
            body = Report._body_name(self.company_id, decision.authority_id)
            signed = Attachment._filter_attachment_access(decision.attachment_ids.ids)
            own = decision._se_own_register()
            files = [(a.raw or b"", a.name) for a in signed.sorted("id")]
            if not files and own:
                files = [(self._se_dossier_render("report_decision", decision), "")]
            for index, (data, name) in enumerate(files):
                ext = (name.rpartition(".")[2] if "." in name else "pdf").lower()
                add(
                    (
                        DECISION_SEQUENCE,
                        0,
                        0,
                        decision.date.toordinal(),
                        decision.id,
                        index,
                    ),
                    _("Award decision"),
                    "Quyet_dinh",
                    data,
                    ext=ascii_name(ext, 8) or "pdf",
                    number=decision.name,
                    date=decision.date,
                    note=_("Signed copy, %(body)s", body=body) if name else body,
                )
        return sorted(docs, key=lambda d: d["key"])

    def _se_dossier_entries(self):
        """The numbered entries of the Bảng kê: each document with its file name
        in the ZIP ("01_To_trinh_01-TTr-THCSXS.pdf") and its page count."""
        entries = DossierEntries()
        for index, doc in enumerate(self._se_dossier_documents(), start=1):
            ref = ascii_name(doc["number"], 30)
            stem = "_".join(p for p in (f"{index:02d}", doc["short"], ref) if p)
            pages = _pdf_pages(doc["data"]) if doc["ext"] == "pdf" else None
            entries.append(
                {**doc, "no": index, "file": f"{stem}.{doc['ext']}", "pages": pages}
            )
        return entries

    def _dossier_files(self):
        """``[(file name, bytes)]``: the documents of the dossier in its order."""
        self.ensure_one()
        return [(e["file"], e["data"]) for e in self._se_dossier_entries()]

    def _se_dossier_manifest(self, entries, list_name, list_data, local_now):
        _ = self.env._

        def file_row(entry):
            return {
                "no": entry["no"],
                "name": entry["file"],
                "document": entry["label"],
                "number": entry["number"],
                "date": entry["date"].strftime("%d/%m/%Y") if entry["date"] else "",
                "pages": entry["pages"],
                "note": entry["note"],
                "size": len(entry["data"]),
                "sha256": hashlib.sha256(entry["data"]).hexdigest(),
            }

        listing = {
            "no": None,
            "file": list_name,
            "label": _("Dossier list"),
            "number": "",
            "date": local_now.date(),
            "pages": _pdf_pages(list_data),
            "note": "",
            "data": list_data,
        }
        return {
            "title": _("AWARD PROPOSAL DOSSIER LIST"),
            "proposal": self.name,
            "school": self.company_id.name,
            "school_year": self.period_id.name,
            "sent_to": self.env[
                "report.school_emulation_report.report_proposal"
            ]._body_name(self.company_id, self.authority_id),
            "proposal_letter": self.to_trinh_number or "",
            "generated_at": local_now.isoformat(timespec="seconds"),
            "time_zone": str(local_now.tzinfo),
            "labels": {
                "title": _("Document title"),
                "proposal": _("Proposal"),
                "school": _("Proposing unit"),
                "school_year": _("School year"),
                "sent_to": _("Sent to"),
                "proposal_letter": _("Proposal letter No."),
                "generated_at": _("Prepared at"),
                "time_zone": _("Time zone"),
                "files": _("Files"),
                "no": _("No."),
                "name": _("File name"),
                "document": _("Document"),
                "number": _("Number"),
                "date": _("Date"),
                "pages": _("Pages"),
                "note": _("Note"),
                "size": _("Size (bytes)"),
                "sha256": _("SHA-256 checksum"),
            },
            "files": [file_row(listing)] + [file_row(e) for e in entries],
            # what the body above imports (its own database): school_emulation
            "package": self._se_package_values(),
        }

    def action_dossier_bundle(self):
        """One ZIP with the dossier: the Bảng kê hồ sơ (PDF), the documents in the
        checklist order and a manifest (Vietnamese labels, SHA-256 of each file,
        the school's local time with its zone), attached and downloaded.

        File names are ASCII ("01_To_trinh_01-TTr-THCSXS.pdf"): every unzip tool
        and mail or document system at the commune reads them the same; the
        Vietnamese names are in the Bảng kê and the manifest.

        Officers only: the ZIP is built with the reader's rights (a document whose
        record the reader may not read is left out) and only its builder may read
        it afterwards (``_attach``)."""
        self.ensure_one()
        if not (self.env.su or self.env.user._se_is_officer(self.company_id)):
            raise AccessError(
                self.env._(
                    "Only the emulation officer builds the dossier: it holds the "
                    "council and ballot-count minutes."
                )
            )
        self.check_access("write")
        lang = self.env["school.emulation.xlsx.export"]._document_lang()
        proposal = self.with_context(lang=lang)
        entries = proposal._se_dossier_entries()
        tz = pytz.timezone(self._se_tz(self.company_id))
        local_now = pytz.utc.localize(self._se_utcnow()).astimezone(tz)
        local_now = local_now.replace(microsecond=0)
        entries.date = local_now.date()
        list_data, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_pdf(
                DOSSIER_LIST_REPORT, self.ids, data={"se_dossier": entries}
            )
        )
        list_name = "00_Bang_ke_ho_so.pdf"
        manifest = proposal._se_dossier_manifest(
            entries, list_name, list_data, local_now
        )
        stamp = local_now.timetuple()[:6]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            names = [(list_name, list_data)]
            names += [(e["file"], e["data"]) for e in entries]
            names.append(
                (
                    "manifest.json",
                    json.dumps(manifest, ensure_ascii=False, indent=2).encode(),
                )
            )
            for name, data in names:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        attachment = self._attach(
            f"ho-so-{ascii_name(self.name)}.zip", buffer.getvalue(), "application/zip"
        )
        self.message_post(
            body=self.env._(
                "Dossier bundle generated: %(count)s files.", count=len(entries) + 1
            ),
            attachment_ids=attachment.ids,
        )
        return self._download(attachment)
