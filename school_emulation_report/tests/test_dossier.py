"""The dossier ZIP the commune receives (issue 17): a Bảng kê hồ sơ (PDF) beside the
manifest, the documents in the checklist order under readable ASCII names, only
issued or signed documents, the school's local time with its zone."""

import base64
import hashlib
import io
import json
import re
import subprocess
import zipfile
from datetime import datetime
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.tests.common import (
    BALLOT_PASSPHRASE,
    SchoolEmulationCase,
)

from ..models.school_emulation_proposal import ascii_name

LIST = "00_Bang_ke_ho_so.pdf"
NAME = re.compile(r"^\d{2}_[A-Za-z0-9_.-]+$")


@tagged("post_install", "-at_install")
class TestDossier(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_year()
        cls.school_a.write(
            {
                "emulation_superior_name": "UBND xã Xuân Sơn",
                "emulation_superior_head_title": "Chủ tịch Ủy ban nhân dân xã Xuân Sơn",
                "emulation_place": "Xuân Sơn",
                "emulation_doc_code": "THCSTA",
                "emulation_head_name": "Nguyễn Văn Hùng",
            }
        )
        cls.officer = cls.users["officer"]
        cls.proposal = cls.proposal_decided.with_user(cls.officer)
        # wkhtmltopdf must not wait for the test server (see test_documents)
        cls.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )

    def _bundle(self, proposal=None, utc=datetime(2041, 7, 15, 1, 30)):
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        proposal = (proposal or self.proposal).with_context(force_report_rendering=True)
        with patch.object(type(proposal), "_se_utcnow", return_value=utc):
            action = proposal.action_dossier_bundle()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        return zipfile.ZipFile(io.BytesIO(attachment.with_user(self.officer).raw))

    def _documents(self, proposal):
        return proposal.with_context(
            force_report_rendering=True
        )._se_dossier_documents()

    def test_bundle_list_order_names_and_manifest(self):
        """Rule: the Bảng kê first, the documents numbered in the checklist order
        (Tờ trình, list, minutes, ballot-count minutes, the attached files),
        ASCII names without internal prefixes, the manifest last with a SHA-256
        per file and the school's local time with its zone."""
        archive = self._bundle()
        names = archive.namelist()
        self.assertEqual(names[0], LIST)
        self.assertEqual(names[-1], "manifest.json")
        docs = names[1:-1]
        self.assertTrue(all(NAME.match(n) for n in docs), docs)
        self.assertEqual([int(n[:2]) for n in docs], list(range(1, len(docs) + 1)))
        number = ascii_name(self.proposal.to_trinh_number)
        self.assertRegex(number, r"^\d+-TTr")
        self.assertEqual(docs[0], f"01_To_trinh_{number}.pdf")
        kinds = [re.sub(r"^\d{2}_", "", n) for n in docs]
        tr, xlsx = (
            kinds.index(f"To_trinh_{number}.pdf"),
            kinds.index(f"Danh_sach_de_nghi_{number}.xlsx"),
        )
        minutes = next(i for i, k in enumerate(kinds) if k.startswith("Bien_ban_hop"))
        ballot = next(
            i for i, k in enumerate(kinds) if k.startswith("Bien_ban_kiem_phieu")
        )
        self.assertLess(tr, xlsx)
        self.assertLess(xlsx, minutes)
        self.assertEqual(ballot, minutes + 1)
        self.assertFalse([n for n in names if "TO_TRINH" in n or "ho-so/" in n])
        for info in archive.infolist():
            self.assertFalse(info.flag_bits & 0x800)  # plain ASCII names
            self.assertEqual(info.date_time, (2041, 7, 15, 8, 30, 0))
        manifest = json.loads(archive.read("manifest.json"))
        self.assertEqual(manifest["generated_at"], "2041-07-15T08:30:00+07:00")
        self.assertEqual(manifest["proposal"], self.proposal.name)
        self.assertEqual(manifest["proposal_letter"], self.proposal.to_trinh_number)
        # the receiving body by its name, not the catalogue's generic one
        self.assertEqual(manifest["sent_to"], "Chủ tịch Ủy ban nhân dân xã Xuân Sơn")
        self.assertTrue(set(manifest["labels"]) >= {"school_year", "files", "sha256"})
        files = manifest["files"]
        self.assertEqual([f["name"] for f in files], names[:-1])
        for entry in files:
            data = archive.read(entry["name"])
            self.assertEqual(hashlib.sha256(data).hexdigest(), entry["sha256"])
            self.assertEqual(len(data), entry["size"])
        first = files[1]
        self.assertEqual(first["number"], self.proposal.to_trinh_number)
        self.assertIn("Tờ trình", first["document"])  # the checklist's name
        self.assertTrue(first["pages"] >= 2)  # letter and its list
        self.assertTrue(archive.read(docs[0]).startswith(b"%PDF"))
        self.assertTrue(archive.read(LIST).startswith(b"%PDF"))

    def test_dossier_list_pdf_lists_every_file(self):
        """Rule: the Bảng kê is an administrative document (agency, national motto)
        listing each document with its number and its file in the ZIP."""
        archive = self._bundle()
        pdf = archive.read(LIST)
        text = subprocess.run(
            ["pdftotext", "-raw", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        flat = re.sub(r"\s+", "", text)
        for expected in (
            "UBNDXÃXUÂNSƠN",
            "THCSTESTA",
            "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM",
            "Độclập-Tựdo-Hạnhphúc",
            "XuânSơn,ngày15tháng7năm2041",
            re.sub(r"\s+", "", self.proposal.to_trinh_number),
            "NguyễnVănHùng",
        ):
            self.assertIn(expected, flat)
        for name in archive.namelist()[1:-1]:
            # a file name wraps inside its cell: compare without line breaks
            self.assertIn(name, flat)

    def test_secret_ballot_minutes_in_show_of_hands_not(self):
        """Rule: the ballot-count minutes join the dossier only for a session
        voted by secret ballot; a show-of-hands session has its minutes alone."""
        env = self.env
        proposal = (
            env["school.emulation.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "school",
                    "authority_id": self.commune.id,
                    "company_id": self.school_a.id,
                    "line_ids": [
                        Command.create(
                            {
                                "subject_type": "employee",
                                "employee_id": self.emp_other.id,
                                "title_id": self.ldtt.id,
                            }
                        )
                    ],
                }
            )
        )
        session = (
            env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp biểu quyết giơ tay",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        session.action_open(BALLOT_PASSPHRASE)
        session.action_close(BALLOT_PASSPHRASE)
        self.assertEqual(session.state, "closed")
        self.assertFalse(proposal.line_ids.ballot_required)
        shorts = [d["short"] for d in self._documents(proposal)]
        self.assertIn("Bien_ban_hop_HDTDKT", shorts)
        self.assertNotIn("Bien_ban_kiem_phieu", shorts)
        shorts = [d["short"] for d in self._documents(self.proposal)]
        self.assertIn("Bien_ban_kiem_phieu", shorts)

    def test_only_issued_or_signed_documents(self):
        """Rule: no draft enters: a proposal not yet submitted has no Tờ trình or
        list; the commune's decision enters only by its signed copy."""
        shorts = [d["short"] for d in self._documents(self.proposal_draft)]
        self.assertNotIn("To_trinh", shorts)
        self.assertNotIn("Danh_sach_de_nghi", shorts)
        submitted = [d["short"] for d in self._documents(self.proposal_submitted)]
        self.assertIn("To_trinh", submitted)
        # the commune's decision, confirmed but without its signed copy
        self.assertEqual(self.decision.state, "confirmed")
        self.assertNotEqual(self.decision.authority_id.level, "school")
        shorts = [d["short"] for d in self._documents(self.proposal)]
        self.assertNotIn("Quyet_dinh", shorts)
        signed = self.env["ir.attachment"].create(
            {
                "name": "QD-125-ban-ky.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 signed copy"),
                "res_model": self.decision._name,
                "res_id": self.decision.id,
            }
        )
        self.decision.with_user(self.officer).write(
            {"attachment_ids": [Command.link(signed.id)]}
        )
        docs = self._documents(self.proposal)
        self.assertEqual(docs[-1]["short"], "Quyet_dinh")  # after the checklist
        self.assertEqual(docs[-1]["data"], b"%PDF-1.4 signed copy")
        self.assertEqual(docs[-1]["number"], "125/QĐ-UBND")
        archive = self._bundle()
        self.assertTrue(archive.namelist()[-2].endswith("_Quyet_dinh_125-QD-UBND.pdf"))

    def test_list_data_from_a_url_is_ignored(self):
        """Rule: the documents of a printed Bảng kê are the server's, never a
        list sent in the report's data (as /report/pdf?options= would)."""
        forged = [
            {
                "no": 1,
                "label": "FORGED DECISION",
                "number": "999/QĐ-UBND",
                "date": False,
                "pages": 1,
                "file": "x.pdf",
                "note": "",
            }
        ]
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_html(
                "school_emulation_report.report_dossier_list",
                self.proposal.ids,
                data={"se_dossier": forged},
            )
        )
        html = html.decode()
        self.assertNotIn("FORGED DECISION", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn(self.proposal.to_trinh_number, html)

    def test_teacher_set_has_no_minutes(self):
        """Rule: the files are built with the reader's rights: a teacher who reads
        the proposal gets its list, never the council or ballot-count minutes."""
        teacher = self.proposal_decided.with_user(self.users["staff"])
        names = [name for name, _data in teacher._dossier_files()]
        self.assertTrue([n for n in names if "_Danh_sach_de_nghi_" in n], names)
        self.assertFalse([n for n in names if "_Bien_ban_" in n], names)
        names = [name for name, _data in self.proposal._dossier_files()]
        self.assertTrue([n for n in names if "_Bien_ban_kiem_phieu_" in n], names)

    def test_ascii_names(self):
        self.assertEqual(ascii_name("01/TTr-THCSXS"), "01-TTr-THCSXS")
        self.assertEqual(ascii_name("Biên bản họp Hội đồng"), "Bien_ban_hop_Hoi_dong")
        self.assertEqual(ascii_name("Đặng Thị Ngọc Ánh"), "Dang_Thi_Ngoc_Anh")
        self.assertEqual(ascii_name("125/QĐ-UBND"), "125-QD-UBND")
        self.assertEqual(ascii_name("a" * 10 + " " + "b" * 10, 15), "aaaaaaaaaa")

    def test_decision_notice_names_the_body_as_the_decision_prints_it(self):
        decision = self.proposal.decision_ids
        self.assertTrue(decision)
        _subject, note = decision._se_decision_texts(decision)
        self.assertIn("Chủ tịch Ủy ban nhân dân xã Xuân Sơn", note)
        self.assertNotIn("UBND cấp xã", note)
