"""The sealed ballot box against everyone who can read the data (docs/sealed-ballot.md):
another member or the admin role over RPC, the database administrator in SQL (every
column, ``xmin``, ``ctid``, id order), and after the close.

Each vote runs in its own savepoint: PostgreSQL gives a subtransaction its own
transaction id, so ``xmin`` separates the votes as separate requests would."""

import base64

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL

from ..tools import voting
from .common import SchoolEmulationCase

PASSPHRASE = "ban-kiem-phieu-2040"
# every table a vote may write: who voted, and the sealed ballot
VOTE_TABLES = {"school_emulation_ballot_voter", "school_emulation_ballot"}


@tagged("post_install", "-at_install")
class TestBallotSecrecy(SchoolEmulationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        company = {"company_id": cls.school_a.id}
        cls.voters, employees = cls._council_members(5, "se_secret", "Ủy viên")
        cls.council = cls._council("Hội đồng TĐKT bỏ phiếu kín", employees)
        cstdcs = cls.env.ref("school_emulation.title_cstdcs_2025")
        cls.proposal = cls.env["school.emulation.proposal"].create(
            {
                "period_id": cls.year.id,
                "level": "school",
                "authority_id": cls.env.ref(
                    "school_emulation.authority_commune_chair"
                ).id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": emp.id,
                            "title_id": cstdcs.id,
                        }
                    )
                    for emp in (cls.emp_staff, cls.emp_leader, employees[1])
                ],
                **company,
            }
        )
        cls.officer = cls.users["officer"]
        cls.manager = cls.users["manager"]

    def setUp(self):
        super().setUp()
        self.session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp bỏ phiếu kín",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(self.proposal.ids)],
                }
            )
        )
        self.session.action_prepare()
        self.lines = self.session._ballot_lines().sorted("id")
        self.assertEqual(len(self.lines), 3)
        self.session.action_open(PASSPHRASE)

    # ------------------------------------------------------------------ helpers
    def _xact_stats(self):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del "
            "FROM pg_stat_xact_user_tables"
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    @staticmethod
    def _diff(before, after):
        """``{table: (inserted, updated, deleted)}`` between two snapshots."""
        zero = (0,) * 3
        return {
            table: tuple(
                a - b for a, b in zip(counts, before.get(table, zero), strict=True)
            )
            for table, counts in after.items()
            if counts != before.get(table, zero)
        }

    def _rows(self, table, where):
        return self.env.execute_query_dict(
            SQL(
                "SELECT xmin::text AS xmin, ctid::text AS ctid, * FROM %s WHERE %s "
                "ORDER BY id",
                SQL.identifier(table),
                where,
            )
        )

    def _vote_all(self, choices):
        """Each member votes through the dialog's own server path, ``cast_vote``
        with the ids, in a transaction of its own; returns what each wrote."""
        written = []
        for user, yes in zip(self.voters, choices, strict=True):
            before = self._xact_stats()
            with self.env.cr.savepoint():
                self.session.with_user(user).cast_vote(yes.ids)
            written.append(self._diff(before, self._xact_stats()))
        return written

    def _plaintext_markers(self):
        """The plaintext of every possible ballot, and its JSON skeleton."""
        ids = self.lines.ids
        subsets = [[i for k, i in enumerate(ids) if mask >> k & 1] for mask in range(8)]
        return [b'{"r":', b'"y":['] + [voting.serialize("", yes) for yes in subsets]

    def _assert_only_ciphertext(self, row):
        self.assertEqual(
            set(row) - {"xmin", "ctid"},
            {"id", "box_model", "box_id", "ciphertext", "company_id"},
        )
        self.assertEqual(
            (row["box_model"], row["box_id"]), (self.session._name, self.session.id)
        )
        raw = base64.b64decode(row["ciphertext"])
        for marker in self._plaintext_markers():
            self.assertNotIn(marker, raw)

    # -------------------------------------------------------------------- tests
    def test_1_no_choice_next_to_a_user_over_rpc(self):
        """Members, the officer and the admin role read who voted, never what."""
        lines = self.lines
        self._vote_all([lines, lines[:1], lines[1:], lines.browse(), lines, lines])
        transient = [
            name
            for name, model in self.env.registry.items()
            if model._transient and ("vote" in name or "ballot" in name)
        ]
        self.assertEqual(transient, [], "no ballot paper is a stored wizard row")
        Voter = self.env["school.emulation.ballot.voter"]
        choice_fields = {
            name
            for name, field in Voter._fields.items()
            if field.type in ("boolean", "many2many", "one2many")
            or getattr(field, "comodel_name", None)
            in ("school.emulation.proposal.line", "school.emulation.ballot")
        }
        self.assertEqual(choice_fields, set(), "participation rows hold no choice")
        for user in (self.voters[1], self.officer, self.manager):
            for model in ("school.emulation.ballot", "school.emulation.ballot.key"):
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search_read([], [])
        rows = Voter.with_user(self.manager).search_read(
            [("session_id", "=", self.session.id)], []
        )
        self.assertEqual(len(rows), 6)
        for row in rows:
            self.assertNotIn("yes", row)
            self.assertEqual(row["channel"], "in_person")
        with self.assertRaises(AccessError):
            Voter.with_user(self.voters[1]).search_read([], [])

    def test_2_sql_joins_on_xmin_order_and_ctid_give_only_ciphertexts(self):
        lines = self.lines
        written = self._vote_all(
            [lines, lines[:1], lines[1:], lines.browse(), lines[2:], lines]
        )
        for diff in written:
            self.assertEqual(set(diff), VOTE_TABLES, "a vote writes two rows")
            # one row inserted in each (a stored related field may update it
            # in the same transaction), nothing deleted
            self.assertEqual(
                {(ins, dele) for ins, _upd, dele in diff.values()}, {(1, 0)}
            )
        voters = self._rows(
            "school_emulation_ballot_voter",
            SQL("session_id = %s", self.session.id),
        )
        sealed = self._rows(
            "school_emulation_ballot",
            SQL("box_model = %s AND box_id = %s", self.session._name, self.session.id),
        )
        self.assertEqual(len(voters), len(sealed), 6)
        self.assertEqual(
            set(voters[0]) - {"xmin", "ctid"},
            {
                "id",
                "session_id",
                "member_id",
                "channel",
                "company_id",
                "create_uid",
                "create_date",
                "write_uid",
                "write_date",
            },
        )
        # what the database administrator can pair: same xmin, same rank in id
        # order, same rank in physical order; each pair ends in a ciphertext
        by_xmin = {row["xmin"]: row for row in sealed}
        self.assertEqual(len(by_xmin), 6, "one vote per transaction")
        by_ctid = sorted(
            sealed, key=lambda r: tuple(map(int, r["ctid"][1:-1].split(",")))
        )
        for i, voter in enumerate(voters):
            for row in (by_xmin[voter["xmin"]], sealed[i], by_ctid[i]):
                self._assert_only_ciphertext(row)
        self.assertEqual(len({len(row["ciphertext"]) for row in sealed}), 1)
        self.assertEqual(len({row["ciphertext"] for row in sealed}), 6)
        # the key material holds no private key in clear
        (key,) = self._rows(
            "school_emulation_ballot_key",
            SQL("box_model = %s AND box_id = %s", self.session._name, self.session.id),
        )
        self.assertEqual(
            set(key) - {"xmin", "ctid"},
            {"id", "box_model", "box_id", "public_key", "sealed_key", "payload_size"},
        )
        self.assertNotIn(PASSPHRASE, str(key))

    def test_3_close_writes_tallies_in_one_transaction_and_destroys_the_box(self):
        lines = self.lines
        self._vote_all([lines, lines[:1], lines[1:], lines.browse(), lines[2:], lines])
        before = self._xact_stats()
        with self.env.cr.savepoint():
            self.session.action_close(PASSPHRASE)
        diff = self._diff(before, self._xact_stats())
        # (inserted, updated, deleted): the sealed rows and the key are deleted
        self.assertEqual(diff["school_emulation_ballot"], (0,) * 2 + (6,))
        self.assertEqual(diff["school_emulation_ballot_key"], (0,) * 2 + (1,))
        for table, (inserted, _updated, _deleted) in diff.items():
            self.assertLess(inserted, 6, f"{table}: no row per voter at the close")
        tallies = self._rows(
            "school_emulation_proposal_line", SQL("id IN %s", tuple(lines.ids))
        )
        (session_row,) = self._rows(
            "school_emulation_council_session", SQL("id = %s", self.session.id)
        )
        self.assertEqual(
            {row["xmin"] for row in tallies}, {session_row["xmin"]}, "one transaction"
        )
        self.assertEqual([row["vote_yes"] for row in tallies], [3, 3, 4])
        count = self.env.execute_query(
            SQL(
                "SELECT (SELECT count(*) FROM school_emulation_ballot "
                "        WHERE box_model = %(m)s AND box_id = %(id)s), "
                "       (SELECT count(*) FROM school_emulation_ballot_key "
                "        WHERE box_model = %(m)s AND box_id = %(id)s)",
                m=self.session._name,
                id=self.session.id,
            )
        )
        self.assertEqual(count, [(0,) * 2])
        self.assertFalse(self.session.ballot_box_sealed)

    def test_4_tally_equals_what_was_sent(self):
        lines = self.lines
        choices = [lines, lines[:2], lines[1:], lines.browse(), lines[2:], lines[:1]]
        self._vote_all(choices)
        self.session.action_close(PASSPHRASE)
        expected = [sum(line in yes for yes in choices) for line in lines]
        self.assertEqual(lines.mapped("vote_yes"), expected)
        self.assertEqual(set(lines.mapped("vote_cast")), {6})
        self.assertEqual(set(lines.mapped("vote_members")), {6})
        # 80 % of 6 members: 5 votes pass, 4 do not
        self.assertEqual(
            lines.mapped("vote_passed"), [yes * 100 >= 80 * 6 for yes in expected]
        )

    def test_5_malformed_ids_refused_and_nothing_written(self):
        member = self.session.with_user(self.voters[0])
        line = self.lines[0]
        before = self._xact_stats()
        for yes, kwargs in (
            ([[line.id]], {}),
            ([line.id, [line.id]], {}),
            ({"id": line.id}, {}),
            ("abc", {}),
            ([1.5], {}),
            ([True], {}),
            ([-line.id], {}),
            (line.id * 1000, {}),  # no such candidate
            ([line.id], {"member": [[1]]}),
            ([line.id], {"member": {"id": 1}}),
            ([line.id], {"member": "x"}),
        ):
            with self.subTest(yes=yes, kwargs=kwargs):
                with self.assertRaises(UserError):
                    member.cast_vote(yes, **kwargs)
        diff = self._diff(before, self._xact_stats())
        self.assertFalse(set(diff) & VOTE_TABLES, "nothing written")
        self.assertEqual(self.session.voted_count, 0)

    def test_6_wrong_passphrase_refused(self):
        lines = self.lines
        # the second member is the third candidate: no vote on her own candidacy
        self._vote_all([lines, lines[:2]] + [lines] * 4)
        for wrong in ("ban-kiem-phieu-2041", "", None):
            with self.subTest(passphrase=wrong):
                with self.assertRaisesRegex(UserError, "passphrase"):
                    self.session.action_close(wrong)
        self.assertEqual(self.session.state, "open")
        self.assertEqual(len(self.session._ballot_sealed_rows()), 6)
        self.session.action_close(PASSPHRASE)
        self.assertEqual(lines.mapped("vote_yes"), [6, 6, 5])

    def test_7_ballots_and_voters_must_match(self):
        """A sealed row added or removed behind the server's back: no count."""
        self._vote_all([self.lines, self.lines[:2]] + [self.lines] * 4)
        self.session._ballot_sealed_rows()[:1].unlink()
        with self.assertRaisesRegex(UserError, "5 sealed ballots for 6 voters"):
            self.session.action_close(PASSPHRASE)
