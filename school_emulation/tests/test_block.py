from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import SchoolEmulationCase

PASSPHRASE = "kiem-phieu-khoi-2040"


@tagged("post_install", "-at_install")
class TestBlock(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        cls.table = cls.env["school.emulation.criterion.set"].create(
            {
                "name": "Bảng điểm khối",
                "company_id": cls.school_a.id,
                "criterion_ids": [
                    Command.create({"name": "Chất lượng giáo dục", "max_points": 60}),
                    Command.create({"name": "Phong trào", "max_points": 40}),
                    Command.create(
                        {"name": "Thưởng", "kind": "bonus", "max_points": 5}
                    ),
                    Command.create(
                        {"name": "Trừ", "kind": "penalty", "max_points": 10}
                    ),
                ],
            }
        )
        Block = cls.env["school.emulation.block"].with_user(cls.users["officer"])
        cls.block = Block.create(
            {
                "name": "Khối THCS",
                "period_id": cls.year.id,
                "criterion_set_id": cls.table.id,
                "company_id": cls.school_a.id,
            }
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"THCS {n}", "is_company": True} for n in "ABCDE"]
        )
        cls.units = cls.env["school.emulation.block.member"].create(
            [
                {"block_id": cls.block.id, "partner_id": p.id, "is_own_school": i == 0}
                for i, p in enumerate(partners)
            ]
        )
        for i, unit in enumerate(cls.units):
            unit.cross_checker_id = cls.units[(i + 1) % 5]

    def _score(self, finals):
        """finals: per unit (quality, movements, bonus, penalty); same at each stage."""
        for unit, values in zip(self.units, finals, strict=True):
            for line in unit.score_ids:
                index = ["Chất lượng giáo dục", "Phong trào", "Thưởng", "Trừ"].index(
                    line.criterion_id.name
                )
                value = values[index]
                line.write(
                    {"self_score": value, "cross_score": value, "final_score": value}
                )

    def _to_voting(self):
        self.block.action_start_scoring()
        self._score(
            [
                (58, 38, 5, 0),
                (55, 36, 0, 0),
                (55, 36, 0, 2),
                (50, 30, 0, 0),
                (45, 30, 0, 0),
            ]
        )
        self.block.action_start_voting(PASSPHRASE)

    def _count(self):
        self.block.action_close(PASSPHRASE)
        self.assertEqual(self.block.state, "done")

    def test_threshold_defaults_to_flag_title_rule(self):
        """The flag ballot threshold comes from the Cờ thi đua title in force (80 %)."""
        rule = self.env["school.emulation.title"]._get_rule(
            "CO_TINH", self.year.date_end
        )
        self.assertEqual(self.block.flag_threshold_pct, rule.ballot_threshold_pct)
        self.assertEqual(self.block.flag_threshold_pct, 80)

    def test_self_cross_final_flow_and_ranking(self):
        block = self.block
        with self.assertRaises(UserError):
            block.action_start_voting()  # pledge -> voting refused
        block.action_start_scoring()
        unit = self.units[1]
        self.assertEqual(len(unit.score_ids), 4)
        quality = unit.score_ids.filtered(
            lambda s: s.criterion_id.name == "Chất lượng giáo dục"
        )
        quality.write({"self_score": 58, "cross_score": 55})
        self.assertEqual((unit.self_total, unit.cross_total), (58, 55))
        self.assertFalse(unit.final_done)
        with self.assertRaisesRegex(UserError, "final scores"):
            block.action_start_voting()
        self._score(
            [
                (58, 38, 5, 0),
                (55, 36, 0, 0),
                (55, 36, 0, 2),
                (50, 30, 0, 0),
                (45, 30, 0, 0),
            ]
        )
        self.assertTrue(all(self.units.mapped("final_done")))
        self.assertEqual(self.units.mapped("final_total"), [101, 91, 89, 80, 75])
        self.assertEqual(self.units.mapped("rank"), [1, 2, 3, 4, 5])
        with self.assertRaises(ValidationError):
            quality.final_score = 61
        block.action_start_voting(PASSPHRASE)
        with self.assertRaisesRegex(UserError, "only while the block is scoring"):
            quality.final_score = 50

    def test_ranking_tie_rule(self):
        """Equal totals: fewer deductions first; equal on every rule: same rank."""
        self.block.action_start_scoring()
        self._score(
            [
                (50, 30, 0, 0),
                (52, 30, 0, 2),
                (50, 30, 0, 0),
                (40, 30, 0, 0),
                (30, 30, 0, 0),
            ]
        )
        self.assertEqual(self.units.mapped("final_total"), [80, 80, 80, 70, 60])
        self.assertEqual(self.units.mapped("rank"), [1, 3, 1, 4, 5])

    def test_ballot_thresholds_over_all_units(self):
        """Flag: 4 of 5 = 80 % passes, 3 of 5 does not; merit: > half by default."""
        self._to_voting()
        block, units = self.block, self.units
        for voter in units[:4]:
            block.cast_vote(voter, "flag", units[0])
        block.cast_vote(units[4], "flag", units[1])
        for voter in units[:3]:
            block.cast_vote(voter, "merit", units[1] | units[2])
        for voter in units[3:]:
            block.cast_vote(voter.id, "merit", units[1].ids)
        self.assertEqual(units.mapped("flag_votes"), [0] * 5, "sealed until the count")
        self._count()
        self.assertEqual(units.mapped("flag_votes"), [4, 1, 0, 0, 0])
        self.assertEqual(units[0].proposed_award, "flag")
        self.assertEqual(units[1].merit_votes, 5)
        self.assertEqual(units[1].proposed_award, "merit")
        self.assertEqual(units[2].merit_votes, 3)
        self.assertEqual(units[2].proposed_award, "merit", "3 * 100 >= 50 * 5")
        self.assertFalse(units[3].proposed_award)

    def test_flag_just_below_threshold(self):
        self._to_voting()
        for voter in self.units[:3]:
            self.block.cast_vote(voter, "flag", self.units[0])
        for voter in self.units[3:]:
            self.block.cast_vote(
                voter, "flag", self.env["school.emulation.block.member"]
            )
        self._count()
        self.assertEqual(self.units[0].flag_votes, 3)
        self.assertFalse(self.units[0].proposed_award, "3 * 100 < 80 * 5")

    def test_flag_only_for_the_highest_score(self):
        self._to_voting()
        for voter in self.units:
            self.block.cast_vote(voter, "flag", self.units[1])
        self._count()
        self.assertNotEqual(self.units[1].proposed_award, "flag")

    def test_ballot_refusals(self):
        with self.assertRaisesRegex(UserError, "not open"):
            self.block.cast_vote(self.units[0], "flag", self.units[0])
        self._to_voting()
        self.block.cast_vote(self.units[0], "flag", self.units[0])
        with self.assertRaisesRegex(UserError, "already voted"):
            self.block.cast_vote(self.units[0], "flag", self.units[0])
        other = self.env["school.emulation.block"].create(
            {
                "name": "Khối khác",
                "period_id": self.year.id,
                "criterion_set_id": self.table.id,
                "company_id": self.school_a.id,
            }
        )
        stranger = self.env["school.emulation.block.member"].create(
            {
                "block_id": other.id,
                "partner_id": self.env["res.partner"].create({"name": "X"}).id,
            }
        )
        with self.assertRaisesRegex(UserError, "not a member"):
            self.block.cast_vote(stranger, "flag", self.units[0])
        with self.assertRaisesRegex(UserError, "passphrase"):
            self.block.action_close("not-the-passphrase")
        self.assertEqual(self.block.state, "voting")
        self._count()
        with self.assertRaisesRegex(UserError, "not open"):
            self.block.cast_vote(self.units[1], "flag", self.units[0])

    def test_ballot_secrecy(self):
        """A unit's ballot is one sealed row (ciphertext only) next to the
        participation row; nobody reads it, the count destroys it."""
        Ballot = self.env["school.emulation.ballot"]
        for name in ("create_uid", "create_date", "write_uid", "write_date"):
            self.assertNotIn(name, Ballot._fields)
        self._to_voting()
        officer_block = self.block.with_user(self.users["officer"])
        paper = officer_block.get_ballot_paper()
        self.assertEqual([r["key"] for r in paper["races"]], ["flag", "merit"])
        self.assertEqual(len(paper["voters"]), 5)
        officer_block.cast_vote(self.units[0].id, "flag", self.units[:1].ids)
        officer_block.cast_vote(self.units[1].id, "flag", self.units.ids)
        rows = self.block._ballot_sealed_rows()
        self.assertEqual(len(rows), 2)
        self.assertEqual(len(set(map(len, rows.mapped("ciphertext")))), 1)
        columns = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_name = %s",
                    Ballot._table,
                )
            )
        ]
        self.assertEqual(
            sorted(columns), ["box_id", "box_model", "ciphertext", "company_id", "id"]
        )
        # Who voted is known; what they voted is not readable by anyone.
        Voter = self.env["school.emulation.block.voter"].with_user(
            self.users["officer"]
        )
        voters = Voter.search([("block_id", "=", self.block.id)])
        self.assertEqual(voters.member_id, self.units[:2])
        for role in ("officer", "manager"):
            with self.assertRaises(UserError):
                Ballot.with_user(self.users[role]).search([])
        self._count()
        self.assertFalse(self.block._ballot_sealed_rows())
        self.assertFalse(self.block._ballot_keys())
        self.assertEqual(self.units.mapped("flag_votes"), [2, 1, 1, 1, 1])

    def test_malformed_ballots_refused(self):
        self._to_voting()
        block = self.block.with_user(self.users["officer"])
        for voter, award, yes in (
            ([[self.units[0].id]], "flag", []),
            (self.units[0].id, "flag", [[self.units[1].id]]),
            (self.units[0].id, "flag", {"id": 1}),
            (self.units[0].id, "flag", "abc"),
            (self.units[0].id, ["flag"], []),
            (self.units[0].id, "gold", []),
            ({"id": self.units[0].id}, "flag", []),
        ):
            with self.subTest(voter=voter, award=award, yes=yes):
                with self.assertRaises(UserError):
                    block.cast_vote(voter, award, yes)
        self.assertFalse(self.block._ballot_sealed_rows())
        self.assertFalse(
            self.env["school.emulation.block.voter"].search(
                [("block_id", "=", self.block.id)]
            )
        )
        with self.assertRaisesRegex(UserError, "officer"):
            self.block.with_user(self.users["leader"]).cast_vote(
                self.units[0].id, "flag", []
            )

    def test_vote_counts_written_only_by_the_count(self):
        with self.assertRaisesRegex(UserError, "count"):
            self.units[0].with_user(self.users["officer"]).write({"flag_votes": 5})
        self._to_voting()
        with self.assertRaisesRegex(UserError, "only be closed"):
            self.block.cast_vote(self.units[0], "flag", self.units[0])
            self.block.action_back_to_scoring()

    def test_only_officer_moves_the_block(self):
        with self.assertRaises(UserError):
            self.block.with_user(self.users["leader"]).action_start_scoring()
