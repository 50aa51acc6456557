"""Council minutes and ballot-count minutes (issue 17): written at the close in the
school's language and time zone whoever closes them, the council roles in
Vietnamese, one title, the numbers from the register of minutes, the counting
board named, and no ballot-count minutes for a show-of-hands session."""

import re
import subprocess

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.tests.common import (
    BALLOT_PASSPHRASE,
    SchoolEmulationCase,
)


def plain(html):
    """The text a reader sees (tags dropped, spaces folded)."""
    text = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text).replace("&amp;", "&").strip()


def pdf_text(pdf):
    """The text of a PDF as pdftotext reads it (spaces folded)."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return re.sub(r"\s+", " ", out)


@tagged("post_install", "-at_install")
class TestMinutes(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()
        cls.year.action_open()
        env = cls.env
        cls.officer = cls.users["officer"]
        # the officer who closes works from New York in English: the minutes must
        # not care
        cls.officer.write({"tz": "America/New_York", "lang": "en_US"})
        cls.school_a.write(
            {
                "emulation_place": "Xuân Sơn",
                "emulation_superior_name": "UBND xã Xuân Sơn",
            }
        )
        cls.school_a.partner_id.tz = "Asia/Ho_Chi_Minh"
        cls.cstdcs = env.ref("school_emulation.title_cstdcs_2025")
        cls.commune = env.ref("school_emulation.authority_commune_chair")
        cls.voters, emps = cls._council_members(5, "h2_minutes", "Thành viên")
        roles = ["chair", "vice_chair", "secretary", "member", "member", "member"]
        cls.council = env["school.emulation.council"].create(
            {
                "name": "Hội đồng TĐKT năm học 2040-2041",
                "period_id": cls.year.id,
                "member_ids": [
                    Command.create({"employee_id": emp.id, "role": role})
                    for emp, role in zip(emps, roles, strict=True)
                ],
                "company_id": cls.school_a.id,
            }
        )
        cls.members = cls.council.member_ids.sorted(lambda m: m.id)
        cls.chair, cls.vice, cls.secretary = cls.members[:3]

    def _session(self, lines, **vals):
        proposal = (
            self.env["school.emulation.proposal"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.year.id,
                    "level": "school",
                    "authority_id": self.commune.id,
                    "line_ids": [
                        Command.create(
                            {"subject_type": "employee", "employee_id": e.id, **award}
                        )
                        for e, award in lines
                    ],
                    "company_id": self.school_a.id,
                }
            )
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp xét thi đua cuối năm",
                    "council_id": self.council.id,
                    # 08:30 at the school (UTC+7), 21:30 the day before in New York
                    "date": "2041-05-28 01:30:00",
                    "location": "Phòng họp Hội đồng",
                    "proposal_ids": [Command.set(proposal.ids)],
                    **vals,
                }
            )
        )
        session.action_prepare()
        return session

    def _ballot_session(self):
        session = self._session(
            [
                (self.emp_leader, {"title_id": self.cstdcs.id}),
                (self.emp_staff, {"title_id": self.ldtt.id}),
            ]
        )
        self.assertTrue(session.has_ballot)
        session.counting_board_ids = self.vice | self.members[3]
        session.action_open(BALLOT_PASSPHRASE)
        yes = session._ballot_lines()
        for user in self.voters[:5]:
            session.with_user(user).cast_vote(yes)
        session.with_user(self.voters[5]).cast_vote([])
        session.action_close(BALLOT_PASSPHRASE)
        return session

    def _html(self, report, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            f"school_emulation_report.{report}", records.ids
        )
        return html.decode()

    def test_minutes_in_school_time_and_vietnamese_roles(self):
        """Closed by an English-speaking officer in New York: the minutes say the
        school's 08:30 of 28/5 and the roles in Vietnamese ("Ủy viên", never the
        shared "Member" = "Đơn vị")."""
        session = self._ballot_session()
        text = plain(session.minutes_html)
        self.assertIn("hồi 08 giờ 30 phút, ngày 28 tháng 5 năm 2041", text)
        self.assertNotIn("21 giờ 30", text)
        for role in (
            "Chủ tịch Hội đồng",
            "Phó Chủ tịch Hội đồng",
            "Thư ký Hội đồng",
            "Ủy viên",
        ):
            self.assertIn(role, text)
        self.assertIn(f"Chủ trì: {self.chair.name}, Chủ tịch Hội đồng", text)
        self.assertIn(f"Thư ký: {self.secretary.name}, Thư ký Hội đồng", text)
        for wrong in ("(Chair)", "(Member)", "Đơn vị", "Ordinary Member"):
            self.assertNotIn(wrong, text)
        # 5 of 6 members: 83,33 % in the Vietnamese way
        self.assertIn("5/6 thành viên đồng ý (83,33 %)", text)

    def test_minutes_report_one_title_numbers_and_dates(self):
        session = self._ballot_session()
        self.assertRegex(session.minutes_number, r"^\d{2}/BB-HĐTĐKT$")
        self.assertRegex(session.ballot_minutes_number, r"^\d{2}/BB-HĐTĐKT$")
        self.assertNotEqual(session.minutes_number, session.ballot_minutes_number)
        html = self._html("report_council_minutes", session)
        text = plain(html)
        self.assertIn(f"Số: {session.minutes_number}", text)
        # header date = body date = the school's date of the session
        self.assertIn("Xuân Sơn, ngày 28 tháng 5 năm 2041", text)
        self.assertIn("ngày 28 tháng 5 năm 2041", text)
        self.assertNotIn("ngày 27 tháng 5", text)
        # one title on paper: the frame's; the screen title of the stored minutes
        # is hidden (the printed pages are checked in test_minutes_pdf)
        self.assertIn(".o_se_minutes_title { display: none; }", html)
        self.assertIn("Họp Hội đồng Thi đua - Khen thưởng năm học 2040-2041", text)
        self.assertIn(
            f"Biên bản kiểm phiếu số {session.ballot_minutes_number} kèm theo", text
        )
        self.assertIn(f"THƯ KÝ {self.secretary.name}", text)
        self.assertIn(f"CHỦ TỊCH HỘI ĐỒNG {self.chair.name}", text)

    def test_ballot_minutes_number_format_and_counting_board(self):
        session = self._ballot_session()
        text = plain(self._html("report_ballot_minutes", session))
        self.assertIn(f"Số: {session.ballot_minutes_number}", text)
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", text)
        self.assertIn("83,33 %", text)
        self.assertNotIn("83.33", text)
        self.assertIn("80 %", text)
        self.assertIn(f"Ban kiểm phiếu gồm: {self.vice.name} - Trưởng ban", text)
        self.assertIn(f"{self.members[3].name} - Thành viên", text)
        self.assertIn(f"TRƯỞNG BAN KIỂM PHIẾU {self.vice.name}", text)
        self.assertIn("số phiếu phát ra: 6", text)

    def test_counting_board_is_checked_by_the_server(self):
        session = self._session([(self.emp_leader, {"title_id": self.cstdcs.id})])
        # chosen by the officer only
        with self.assertRaisesRegex(UserError, "counting board"):
            session.with_user(self.users["staff"]).write(
                {"counting_board_ids": [Command.set(self.vice.ids)]}
            )
        # among this council's members
        other = self.env["school.emulation.council"].create(
            {
                "name": "Hội đồng sáng kiến",
                "kind": "initiative",
                "period_id": self.year.id,
                "member_ids": [Command.create({"employee_id": self.emp_other.id})],
                "company_id": self.school_a.id,
            }
        )
        with self.assertRaises(ValidationError):
            session.counting_board_ids = other.member_ids
        # among the members present, checked when the box is opened
        session.counting_board_ids = self.vice
        session.attendance_ids.filtered(
            lambda a: a.member_id == self.vice
        ).present = False
        with self.assertRaises(UserError):
            session.action_open(BALLOT_PASSPHRASE)
        self.assertEqual(session.state, "draft")
        session.attendance_ids.filtered(
            lambda a: a.member_id == self.vice
        ).present = True
        session.action_open(BALLOT_PASSPHRASE)
        # fixed once the box is open
        with self.assertRaises(UserError):
            session.counting_board_ids = self.members[3]

    def test_show_of_hands_session_has_no_ballot_minutes(self):
        session = self._session([(self.emp_staff, {"title_id": self.ldtt.id})])
        self.assertFalse(session.has_ballot)
        self.assertFalse(session.action_open())
        session.action_close()
        self.assertTrue(session.minutes_number)
        self.assertFalse(session.ballot_minutes_number)
        self.assertFalse(session.ballot_minutes_html)
        self.assertIn("Biểu quyết", plain(session.minutes_html))
        self.assertNotIn("Biên bản kiểm phiếu", plain(session.minutes_html))
        with self.assertRaises(UserError):
            self._html("report_ballot_minutes", session)

    def test_minutes_pdf(self):
        """The printed pages: number, the school's date, the roles, the signers."""
        if not (find_in_path("wkhtmltopdf") and find_in_path("pdftotext")):
            self.fail("wkhtmltopdf and pdftotext are required to check the documents")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        session = self._ballot_session()
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _kind = Report._render_qweb_pdf(
            "school_emulation_report.report_council_minutes", session.ids
        )
        text = pdf_text(pdf)
        self.assertEqual(text.count("BIÊN BẢN"), 1, "one title")
        self.assertIn(session.minutes_number, text)
        self.assertIn("ngày 28 tháng 5 năm 2041", text)
        self.assertIn("Phó Chủ tịch Hội đồng", text)
        self.assertIn("CHỦ TỊCH HỘI ĐỒNG", text)
        pdf, _kind = Report._render_qweb_pdf(
            "school_emulation_report.report_ballot_minutes", session.ids
        )
        text = pdf_text(pdf)
        self.assertEqual(text.count("BIÊN BẢN KIỂM PHIẾU"), 1, "one title")
        self.assertIn(session.ballot_minutes_number, text)
        self.assertIn("83,33 %", text)
        self.assertIn("TRƯỞNG BAN KIỂM PHIẾU", text)
