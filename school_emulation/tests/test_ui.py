from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["school_emulation"], ["vi_VN"])
        cls.school = cls.env["res.company"].create({"name": "THCS Tour"})
        cls.officer = new_test_user(
            cls.env,
            login="se_tour_officer",
            password="se_tour_officer",
            groups="school_emulation.group_school_emulation_officer",
            company_id=cls.school.id,
            company_ids=[cls.school.id],
            lang="vi_VN",
        )
        cls.period = cls.env["school.emulation.period"].create(
            {
                "name": "2030-2031",
                "date_start": "2030-09-01",
                "date_end": "2031-08-31",
                "company_id": cls.school.id,
            }
        )

    def test_officer_opens_school_year_in_vietnamese(self):
        self.start_tour(
            "/odoo", "school_emulation_period_tour", login="se_tour_officer"
        )
        self.assertEqual(self.period.state, "open")


@tagged("post_install", "-at_install")
class TestRpcMessages(JsonRpcMixin, HttpCase):
    """Bad input through JSON-RPC gets a clear message in the user's language and
    writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["school_emulation"], ["vi_VN"])
        cls.school = cls.env["res.company"].create({"name": "THCS RPC"})
        cls.manager = new_test_user(
            cls.env,
            login="se_rpc_manager",
            password="se_rpc_manager",
            groups="school_emulation.group_school_emulation_manager",
            company_id=cls.school.id,
            company_ids=[cls.school.id],
            lang="vi_VN",
        )

    def call(self, model, method, *args):
        return self.json_rpc(model, method, args, {"context": {"lang": "vi_VN"}})

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_bad_input_messages_in_vietnamese(self):
        self.authenticate("se_rpc_manager", "se_rpc_manager")
        ok, error = self.call(
            "school.student", "create", [{"code": "HS1", "name": "An"}]
        )
        self.assertTrue(ok and not error)
        _ok, error = self.call(
            "school.student", "create", [{"code": "HS1", "name": "Bình"}]
        )
        self.assertIn("Trường đã có học sinh mang mã này.", error["message"])
        _ok, error = self.call(
            "school.emulation.period",
            "create",
            [{"name": "X", "date_start": "2031-09-01", "date_end": "2030-09-01"}],
        )
        self.assertIn("Ngày kết thúc năm học phải sau ngày bắt đầu.", error["message"])
        ldtt = self.env.ref("school_emulation.title_ldtt_2025")
        _ok, error = self.call("school.emulation.title", "copy", [ldtt.id])
        self.assertIn("có hiệu lực trùng thời gian", error["message"])
        Student = self.env["school.student"].sudo()
        self.assertEqual(Student.search_count([("company_id", "=", self.school.id)]), 1)
        self.assertEqual(
            self.env["school.emulation.title"].search_count([("code", "=", "LDTT")]),
            4,
            "nothing half-written",
        )
