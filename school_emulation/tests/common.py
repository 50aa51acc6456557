from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

PREFIX = "school_emulation."
ROLE_GROUPS = {
    "staff": "group_school_emulation_user",
    "leader": "group_school_emulation_leader",
    "officer": "group_school_emulation_officer",
    "manager": "group_school_emulation_manager",
    "council": "group_school_emulation_council",
}


class SchoolEmulationCase(TransactionCase):
    """Users per role (one per security group) in two schools (companies)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school_a = cls.env["res.company"].create({"name": "THCS Test A"})
        cls.school_b = cls.env["res.company"].create({"name": "THCS Test B"})
        cls.users = {}
        for role, group in ROLE_GROUPS.items():
            cls.users[role] = new_test_user(
                cls.env,
                login=f"se_{role}",
                groups=PREFIX + group,
                company_id=cls.school_a.id,
                company_ids=[cls.school_a.id],
            )
        cls.officer_b = new_test_user(
            cls.env,
            login="se_officer_b",
            groups=PREFIX + ROLE_GROUPS["officer"],
            company_id=cls.school_b.id,
            company_ids=[cls.school_b.id],
        )
        cls.Period = cls.env["school.emulation.period"]

    @classmethod
    def _period(cls, name, start, end, company):
        return cls.Period.create(
            {
                "name": name,
                "date_start": start,
                "date_end": end,
                "company_id": company.id,
            }
        )
