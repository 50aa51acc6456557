"""Rich text that leaves the database (a PDF, the anonymous public page) carries no
script: it is sanitised on write, again when the public page is rendered, and
wkhtmltopdf prints our documents with JavaScript off."""

from markupsafe import Markup

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL
from odoo.tools.misc import find_in_path

from odoo.addons.school_emulation.tests.common import SchoolEmulationCase

from ..tools.pdf_pages import page_texts

SCRIPT = "<script>document.write('PWNED')</script>"
LINK = "<a href=\"javascript:document.write('PWNED')\">Xem thêm</a>"
HANDLER = '<img src="x" onerror="document.write(\'PWNED\')"/>'
SAFE = "<p>Cô giáo dạy học sinh vùng cao. STORY-TEXT-OK</p>"
EVIL = SAFE + SCRIPT + LINK + HANDLER


def raw_html(env, record, fname, value):
    """Store ``value`` as is, past the ORM's sanitiser (text written before the
    rule, or by SQL): what the render-time defences must still neutralise."""
    env.cr.execute(
        SQL(
            "UPDATE %s SET %s = %s WHERE id = %s",
            SQL.identifier(record._table),
            SQL.identifier(fname),
            value,
            record.id,
        )
    )
    record.invalidate_recordset([fname])


@tagged("post_install", "-at_install")
class TestSanitiseOnWrite(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()

    def test_exemplar_story_sanitised_on_write(self):
        """Odoo's sanitiser removes the script, the javascript: link and the event
        handler of a story; the text itself stays."""
        exemplar = self.env["school.emulation.exemplar"].create(
            {"name": "Tấm gương", "subject_type": "school", "story": EVIL}
        )
        story = str(exemplar.story)
        self.assertIn("vùng cao", story)
        for bad in ("<script", "javascript:", "onerror", "PWNED"):
            self.assertNotIn(bad, story)
        self.assertTrue(exemplar._fields["story"].sanitize)

    def test_exemplar_news_link_must_be_http(self):
        exemplar = self.env["school.emulation.exemplar"].create(
            {"name": "Tấm gương", "subject_type": "school"}
        )
        for url in ("javascript:alert(1)", "data:text/html,x", "//evil", "file:///x"):
            with self.subTest(url=url):
                with self.assertRaises(ValidationError), self.cr.savepoint():
                    exemplar.media_url = url
                    exemplar.flush_recordset()
        exemplar.media_url = "https://thcs.edu.vn/tin/guong-sang"
        self.assertEqual(exemplar.media_url, "https://thcs.edu.vn/tin/guong-sang")

    def test_good_deed_text_becomes_escaped_html(self):
        """A good deed's plain text becomes the exemplar's story as text, never as
        markup."""
        officer = self.users["officer"]
        deed = (
            self.env["school.emulation.good.deed"]
            .with_user(officer)
            .create(
                {
                    "subject_type": "student",
                    "student_id": self.student_own.id,
                    "class_id": self.class_own.id,
                    "description": "Nhặt được ví " + SCRIPT,
                    "company_id": self.school_a.id,
                }
            )
        )
        deed.with_user(officer).action_make_exemplar()
        story = str(deed.exemplar_id.story)
        self.assertNotIn("<script", story)
        self.assertIn("Nhặt được ví", story)


@tagged("post_install", "-at_install")
class TestSanitisePdf(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls._setup_movement()

    def setUp(self):
        super().setUp()
        if not find_in_path("wkhtmltopdf"):
            self.fail("wkhtmltopdf is required to render the documents")
        # wkhtmltopdf must not fetch assets from the test server (see test_documents)
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        self.Report = self.env["ir.actions.report"].with_context(
            force_report_rendering=True
        )

    def _pdf_text(self, report, records):
        pdf, kind = self.Report._render_qweb_pdf(report, records.ids)
        self.assertEqual(kind, "pdf")
        return "\n".join(page_texts(pdf))

    def test_plan_pdf_runs_no_script(self):
        """A plan whose stored content holds a script (stored past the sanitiser)
        prints without running it: our reports run wkhtmltopdf with JavaScript
        off."""
        raw_html(self.env, self.movement, "content", EVIL)
        self.assertIn("<script", str(self.movement.content), "the script is stored")
        text = self._pdf_text(
            "school_emulation_report.report_movement_plan", self.movement
        )
        # (text extraction splits Vietnamese letters: look for an ASCII marker)
        self.assertIn("STORY-TEXT-OK", text)
        self.assertNotIn("PWNED", text)

    def test_javascript_flag_only_for_our_reports(self):
        """The control: the same script does run in a document that is not ours
        (so the test above would catch JavaScript being on), and the flag is
        added for our reports only."""
        body = Markup("<html><body><p>Kiểm tra</p>%s</body></html>") % Markup(SCRIPT)
        ours = self.env.ref("school_emulation_report.action_report_movement_plan")
        Report = self.env["ir.actions.report"]
        other = Report.create(
            {
                "name": "Not ours",
                "model": "res.partner",
                "report_type": "qweb-pdf",
                "report_name": "web.preview_internalreport",
                "paperformat_id": ours.paperformat_id.id,
            }
        )
        pdf = Report._run_wkhtmltopdf([body], report_ref=other)
        self.assertIn("PWNED", "".join(page_texts(pdf)))
        pdf = Report._run_wkhtmltopdf([body], report_ref=ours)
        self.assertNotIn("PWNED", "".join(page_texts(pdf)))


@tagged("post_install", "-at_install")
class TestSanitisePublicPage(HttpCase):
    def setUp(self):
        super().setUp()
        self.exemplar = self.env["school.emulation.exemplar"].create(
            {
                "name": "Gương sáng vùng cao",
                "subject_type": "school",
                "story": SAFE,
                "media_url": "https://thcs.edu.vn/tin/guong-sang",
            }
        )
        self.exemplar._write_state({"state": "recognised", "is_published": True})

    def test_public_page_sanitises_at_render_time(self):
        """A story stored past the sanitiser and a javascript: news link stored
        by SQL do not reach the anonymous page; the story's text does."""
        raw_html(self.env, self.exemplar, "story", EVIL)
        self.env.cr.execute(
            SQL(
                "UPDATE school_emulation_exemplar SET media_url = %s WHERE id = %s",
                "javascript:document.write('PWNED')",
                self.exemplar.id,
            )
        )
        response = self.url_open("/thi-dua/guong-dien-hinh")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Gương sáng vùng cao", page)
        self.assertIn("STORY-TEXT-OK", page)
        self.assertNotIn("PWNED", page)
        self.assertNotIn("javascript:", page)
        self.assertNotIn("document.write", page)
