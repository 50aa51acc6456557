import hashlib
import io
import json
import zipfile

from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.base.models.ir_qweb import QWebException
from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    trusted_write,
)

from ..tools.xlsx_builder import build as build_xlsx

LIST_COLUMNS = [
    ("STT", 6, "int"),
    ("Họ và tên / Tập thể", 30, "text"),
    ("Năm sinh", 9, "int"),
    ("Giới tính", 9, "text"),
    ("Chức vụ, chức danh", 24, "text"),
    ("Đơn vị công tác", 28, "text"),
    ("Danh hiệu / hình thức đề nghị", 30, "text"),
    ("Tóm tắt thành tích", 60, "text"),
    ("Phiếu đồng ý", 10, "int"),
    ("Tổng số thành viên HĐ", 12, "int"),
    ("Ghi chú", 20, "text"),
]


OFFICER = "school_emulation.group_school_emulation_officer"


class SchoolEmulationProposal(models.Model):
    _inherit = "school.emulation.proposal"

    def _list_rows(self):
        self.ensure_one()
        rows = []
        lines = self.line_ids.filtered(lambda ln: ln.council_result != "rejected")
        for index, line in enumerate(lines, start=1):
            emp = line.employee_id.sudo()
            gender = {"female": "Nữ", "male": "Nam"}.get(emp.gender, "")
            rows.append(
                (
                    index,
                    line.subject_name,
                    emp.birthday.year if emp.birthday else None,
                    gender,
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

    def _list_xlsx(self):
        self.ensure_one()
        return build_xlsx(
            [
                {
                    "name": "Danh sách đề nghị",
                    "title": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM HỌC "
                    f"{self.period_id.name} ({self.name})",
                    "columns": LIST_COLUMNS,
                    "rows": self._list_rows(),
                }
            ]
        )

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
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return self._download(self._attach(name, self._list_xlsx(), mimetype))

    def _dossier_files(self):
        """``[(file name, bytes)]``: every PDF and XLSX of the dossier, then the
        files attached to the checklist."""
        self.ensure_one()
        Report = self.env["ir.actions.report"]
        files = []

        def pdf(report, records, name):
            # each document only if the reader may read what it is made of (the
            # record, and what its template reads: the proposal letter quotes the
            # council's votes)
            records = records._filtered_access("read")
            if not records:
                return
            try:
                data, _kind = Report._render_qweb_pdf(
                    f"school_emulation_report.{report}", records.ids
                )
            except (AccessError, QWebException) as error:
                if isinstance(error, QWebException) and not isinstance(
                    error.__cause__, AccessError
                ):
                    raise
                return
            files.append((name, data))

        slug = self.name.replace("/", "-")
        pdf("report_proposal", self, f"01-to-trinh-danh-sach-{slug}.pdf")
        for index, session in enumerate(self.session_ids, start=1):
            pdf("report_council_minutes", session, f"02-bien-ban-hop-{index}.pdf")
            pdf("report_ballot_minutes", session, f"03-bien-ban-kiem-phieu-{index}.pdf")
        for decision in self.decision_ids.filtered(lambda d: d.state != "draft"):
            pdf(
                "report_decision",
                decision,
                f"05-quyet-dinh-{decision.name.replace('/', '-')}.pdf",
            )
        files.append((f"04-danh-sach-de-nghi-{slug}.xlsx", self._list_xlsx()))
        seen = {name for name, _data in files}
        Attachment = self.env["ir.attachment"]
        for doc in self.document_ids._filtered_access("read"):
            readable = Attachment._filter_attachment_access(doc.attachment_ids.ids)
            for attachment in readable:
                name = f"ho-so/{doc.item_type_id.code}-{attachment.name}"
                while name in seen:
                    name = f"ho-so/{attachment.id}-{name.split('/')[-1]}"
                seen.add(name)
                files.append((name, attachment.raw or b""))
        return files

    def action_dossier_bundle(self):
        """One ZIP with the dossier and a manifest (file list, SHA-256, time,
        proposal reference), attached to the proposal and downloaded.

        Officers only: the ZIP is built with the reader's rights (a document whose
        record the reader may not read is left out) and only its builder may read
        it afterwards (``_attach``)."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group(OFFICER)):
            raise AccessError(
                self.env._(
                    "Only the emulation officer builds the dossier: it holds the "
                    "council and ballot-count minutes."
                )
            )
        self.check_access("write")
        files = self._dossier_files()
        manifest = {
            "proposal": self.name,
            "school": self.company_id.name,
            "school_year": self.period_id.name,
            "sent_to": self.authority_id.name or "",
            "generated_at": fields.Datetime.to_string(fields.Datetime.now()),
            "files": [
                {
                    "name": name,
                    "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
                for name, data in files
            ],
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files:
                archive.writestr(name, data)
            archive.writestr(
                "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2)
            )
        attachment = self._attach(
            f"ho-so-{self.name.replace('/', '-')}.zip",
            buffer.getvalue(),
            "application/zip",
        )
        self.message_post(
            body=self.env._(
                "Dossier bundle generated: %(count)s files.", count=len(files)
            ),
            attachment_ids=attachment.ids,
        )
        return self._download(attachment)
