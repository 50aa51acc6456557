from odoo.tests import HttpCase, new_test_user, tagged


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
