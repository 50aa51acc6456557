from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SchoolEmulationCase

PASSPHRASE = "kiem-phieu-2040-test"


@tagged("post_install", "-at_install")
class TestCouncil(SchoolEmulationCase):
    """Council sessions: quorum over all members, secret ballot in a sealed box,
    thresholds counted on the total number of members, minutes generated from the
    data and locked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_school()
        company = {"company_id": cls.school_a.id}
        # Ten members, each a user who can vote; the first chairs.
        cls.voters, employees = cls._council_members(9, "se_council", "Thành viên")
        cls.council = cls._council("Hội đồng TĐKT 2040-2041", employees)
        cls.cstdcs = cls.env.ref("school_emulation.title_cstdcs_2025")
        cls.ldtt = cls.env.ref("school_emulation.title_ldtt_2025")
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
                            "title_id": title.id,
                        }
                    )
                    for emp in (cls.emp_staff, cls.emp_leader)
                    for title in (cls.ldtt, cls.cstdcs)
                ],
                **company,
            }
        )
        cls.officer = cls.users["officer"]

    def _session(self, present=10):
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp xét cuối năm",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(self.proposal.ids)],
                }
            )
        )
        session.action_prepare()
        for att in session.attendance_ids[present:]:
            att.present = False
        return session

    def _vote(self, session, yes_count):
        """The first ``yes_count`` members vote yes for everyone, the others no."""
        for i, user in enumerate(self.voters):
            lines = session._ballot_lines() if i < yes_count else session.line_ids[:0]
            session.with_user(user).cast_vote(lines)

    def test_quorum_counts_all_members(self):
        session = self._session(present=7)  # 7 of 10 < 80 %
        self.assertFalse(session.quorum_reached)
        with self.assertRaisesRegex(UserError, "7 of 10"):
            session.action_open()
        session.attendance_ids[7].present = True  # 8 of 10 = 80 %
        self.assertTrue(session.quorum_reached)
        passphrase = session.action_open()
        self.assertEqual(session.state, "open")
        self.assertTrue(session.ballot_box_sealed)
        self.assertEqual(len(passphrase), 19, "generated for the sealing sheet")

    def test_minutes_numbered_from_the_register_at_the_close(self):
        """A closed session takes the next numbers of the school's minutes register:
        its minutes (01/BB-HĐTĐKT) and, after a secret ballot, the ballot-count
        minutes (02/BB-HĐTĐKT); a client cannot type one."""
        session = self._session()
        with self.assertRaises(UserError):
            session.with_user(self.officer).write({"minutes_number": "99/BB-HĐTĐKT"})
        session.action_open(PASSPHRASE)
        self.assertFalse(session.minutes_number)
        session.action_close(PASSPHRASE)
        self.assertRegex(session.minutes_number, r"^\d{2}/BB-HĐTĐKT$")
        first = int(session.minutes_number.split("/")[0])
        self.assertEqual(session.ballot_minutes_number, "%02d/BB-HĐTĐKT" % (first + 1))
        following = self.school_a._se_next_number("minutes", session.date)
        self.assertEqual(following, "%02d/BB-HĐTĐKT" % (first + 2))

    def test_quorum_follows_a_change_of_the_council_quorum(self):
        """The officer lowers the quorum: the session may open at once, without
        touching the attendance."""
        session = self._session(present=7)  # 7 of 10 < 80 %
        self.assertFalse(session.quorum_reached)
        self.council.quorum_pct = 70
        self.assertTrue(session.quorum_reached)
        session.action_open(PASSPHRASE)
        self.assertEqual(session.state, "open")
        self.council.quorum_pct = 90
        self.assertFalse(session.quorum_reached)

    def test_threshold_exactly_80_and_just_below(self):
        session = self._session()
        ballot = session._ballot_lines()
        self.assertEqual(len(ballot), 2, "only CSTĐCS needs a ballot")
        self.assertEqual(set(ballot.mapped("ballot_threshold_pct")), {80})
        passphrase = session.action_open()
        staff_line, leader_line = ballot.sorted("id")
        # 8 of 10 members for the first candidate, 7 for the second.
        for i, user in enumerate(self.voters):
            yes = staff_line if i < 8 else staff_line.browse()
            if i < 7:
                yes |= leader_line
            # half of the members vote as JSON-RPC sends it: line ids
            session.with_user(user).cast_vote(yes.ids if i % 2 else yes)
        session.action_close(passphrase)
        self.assertEqual((staff_line.vote_yes, staff_line.vote_members), (8, 10))
        self.assertTrue(staff_line.vote_passed)
        self.assertEqual(staff_line.council_result, "approved")
        self.assertEqual(leader_line.vote_yes, 7)
        self.assertFalse(leader_line.vote_passed)
        self.assertEqual(leader_line.council_result, "rejected")
        # LĐTT needs no ballot: consensus, approved at close.
        self.assertEqual(
            set((session.line_ids - ballot).mapped("council_result")), {"approved"}
        )
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", session.ballot_minutes_html)
        self.assertIn("8/10", session.ballot_minutes_html)
        self.assertIn(self.emp_staff.name, session.minutes_html)

    def test_absent_members_count_in_the_total(self):
        """8 yes of 8 present is 80 % of 10 members; 7 yes is not, even if all
        present voters agreed."""
        session = self._session(present=8)
        session.action_open(PASSPHRASE)
        for user in self.voters[:7]:
            session.with_user(user).cast_vote(session._ballot_lines())
        session.action_close(PASSPHRASE)
        self.assertFalse(any(session._ballot_lines().mapped("vote_passed")))
        self.assertEqual(session.voted_count, 7)

    def test_written_opinion_of_absent_member(self):
        session = self._session(present=9)
        absent = session.attendance_ids.filtered(lambda a: not a.present).member_id
        session.action_open(PASSPHRASE)
        with self.assertRaisesRegex(UserError, "vote only for themselves"):
            session.with_user(self.voters[0]).cast_vote(
                session._ballot_lines(), member=absent
            )
        present = session.attendance_ids.filtered("present")[:1].member_id
        with self.assertRaisesRegex(UserError, "votes in person"):
            session.with_user(self.officer).cast_vote(
                session._ballot_lines(), member=present, written=True
            )
        paper = session.with_user(self.officer).get_ballot_paper()
        self.assertEqual([v["id"] for v in paper["voters"]], absent.ids)
        session.with_user(self.officer).cast_vote(
            session._ballot_lines().ids, member=absent.id, written=True
        )
        voter = self.env["school.emulation.ballot.voter"].search(
            [("session_id", "=", session.id)]
        )
        self.assertEqual(voter.channel, "written")
        with self.assertRaisesRegex(UserError, "No written opinion is left"):
            session.with_user(self.officer).get_ballot_paper()

    def test_double_vote_and_vote_after_close_refused(self):
        session = self._session()
        with self.assertRaisesRegex(UserError, "closed"):
            session.with_user(self.voters[0]).cast_vote(session._ballot_lines())
        session.action_open(PASSPHRASE)
        session.with_user(self.voters[0]).cast_vote(session._ballot_lines())
        with self.assertRaisesRegex(UserError, "already voted"):
            session.with_user(self.voters[0]).cast_vote(session.line_ids[:0])
        stranger = self.users["staff"]
        with self.assertRaisesRegex(UserError, "Only members"):
            session.with_user(stranger).cast_vote(session._ballot_lines())
        with self.assertRaisesRegex(UserError, "ballot candidates"):
            session.with_user(self.voters[1]).cast_vote(session.line_ids)
        session.action_close(PASSPHRASE)
        with self.assertRaisesRegex(UserError, "closed"):
            session.with_user(self.voters[2]).cast_vote(session._ballot_lines())
        self.assertEqual(session.voted_count, 1)

    def test_sealed_ballot_has_no_voter_and_no_choice_column(self):
        Ballot = self.env["school.emulation.ballot"]
        relations = {
            f.comodel_name for f in Ballot._fields.values() if f.type == "many2one"
        }
        self.assertEqual(relations, {"res.company"})
        self.assertFalse(Ballot._log_access)
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'school_emulation_ballot'"
        )
        columns = {row[0] for row in self.env.cr.fetchall()}
        self.assertEqual(
            columns, {"id", "box_model", "box_id", "ciphertext", "company_id"}
        )
        session = self._session()
        session.action_open(PASSPHRASE)
        self._vote(session, 10)
        self.assertEqual(len(session._ballot_sealed_rows()), 10, "one row per voter")
        session.action_close(PASSPHRASE)
        self.assertFalse(session._ballot_sealed_rows(), "destroyed by the count")
        self.assertFalse(session._ballot_keys(), "key material destroyed")
        self.assertEqual(set(session._ballot_lines().mapped("vote_yes")), {10})

    def test_wrong_or_missing_passphrase_changes_nothing(self):
        session = self._session()
        session.action_open(PASSPHRASE)
        self._vote(session, 9)
        rows = session._ballot_sealed_rows()
        for wrong in ("kiem-phieu-2040-tesT", "", None, ["x"], 12345678):
            with self.subTest(passphrase=wrong):
                with self.assertRaisesRegex(UserError, "passphrase"):
                    session.action_close(wrong)
                self.assertEqual(session.state, "open")
                self.assertEqual(session._ballot_sealed_rows(), rows)
                self.assertTrue(session._ballot_keys())
                self.assertEqual(set(session._ballot_lines().mapped("vote_yes")), {0})
        # the board typed the passphrase with extra spaces around it
        session.action_close(f"  {PASSPHRASE} ")
        self.assertEqual(set(session._ballot_lines().mapped("vote_yes")), {9})

    def test_consensus_only_session_has_no_box(self):
        """No candidate needs a secret ballot: no box, no passphrase, no vote."""
        proposal = self.env["school.emulation.proposal"].create(
            {
                "period_id": self.year.id,
                "company_id": self.school_a.id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": self.emp_staff.id,
                            "title_id": self.ldtt.id,
                        }
                    )
                ],
            }
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Biểu quyết LĐTT",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        self.assertFalse(session.action_open())
        self.assertFalse(session._ballot_keys())
        with self.assertRaisesRegex(UserError, "no candidate for a secret ballot"):
            session.with_user(self.voters[0]).cast_vote([])
        session.action_close()
        self.assertEqual(session.line_ids.council_result, "approved")

    def test_weak_passphrase_refused_at_the_opening(self):
        session = self._session()
        with self.assertRaisesRegex(UserError, "at least 8"):
            session.action_open("1234")
        self.assertEqual(session.state, "draft")
        self.assertFalse(session._ballot_keys())

    def test_back_to_preparation_drops_the_unused_box(self):
        session = self._session()
        session.action_open(PASSPHRASE)
        session.action_back_to_draft()
        self.assertFalse(session._ballot_keys())
        session.action_open(PASSPHRASE)
        session.with_user(self.voters[0]).cast_vote([])
        with self.assertRaisesRegex(UserError, "only be closed"):
            session.action_back_to_draft()

    def test_paper_ballots_are_sealed(self):
        session = self._session(present=10)
        session.action_open(PASSPHRASE)
        for user in self.voters[:6]:
            session.with_user(user).cast_vote(session._ballot_lines())
        first, second = session._ballot_lines().sorted("id")
        with self.assertRaisesRegex(UserError, "counts must match"):
            session.record_paper_ballots([[first.id]])
        with self.assertRaisesRegex(UserError, "record ids"):
            session.record_paper_ballots([[[first.id]], [], [], []])
        with self.assertRaisesRegex(UserError, "record ids"):
            session.record_paper_ballots({"a": 1})
        self.assertEqual(session.voted_count, 6)
        session.record_paper_ballots([[first.id], [first.id, second.id], [], []])
        self.assertEqual(session.voted_count, 10)
        self.assertEqual(len(session._ballot_sealed_rows()), 10)
        session.action_close(PASSPHRASE)
        self.assertEqual((first.vote_yes, second.vote_yes), (8, 7))

    def test_closed_session_is_locked(self):
        """Nothing of a closed session changes: minutes, conclusions, attendance."""
        session = self._session()
        session.action_open(PASSPHRASE)
        self._vote(session, 10)
        session.action_close(PASSPHRASE)
        minutes = session.minutes_html
        officer_session = session.with_user(self.officer)
        for vals in (
            {"minutes_html": "<p>Biên bản khác</p>"},
            {"ballot_minutes_html": "<p>Biên bản khác</p>"},
            {"conclusion": "Kết luận khác"},
            {"location": "Phòng khác"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                officer_session.write(vals)
        with self.assertRaises(UserError), session._trusted():
            session.write({"minutes_html": "<p>Biên bản khác</p>"})
        with self.assertRaises(UserError):
            session.attendance_ids[:1].with_user(self.officer).write(
                {"written_opinion": "Ý kiến sau"}
            )
        self.assertEqual(session.minutes_html, minutes)

    def test_minutes_are_server_fields_and_sanitised(self):
        session = self._session()
        with self.assertRaises(UserError):
            session.with_user(self.officer).write({"minutes_html": "<p>x</p>"})
        session.conclusion = '<script>alert(1)</script><a href="javascript:x()">y</a>'
        session.action_open(PASSPHRASE)
        # even the server path cannot store a script in the minutes
        with session._trusted():
            session.write(
                {
                    "minutes_html": "<p>a</p><script>alert(1)</script>"
                    '<a href="javascript:alert(1)">b</a>'
                    '<img src="x" onerror="alert(1)"/>'
                }
            )
        for needle in ("<script", "javascript:", "onerror"):
            self.assertNotIn(needle, session.minutes_html)
        self._vote(session, 10)
        session.action_close(PASSPHRASE)
        for html in (session.minutes_html, session.ballot_minutes_html):
            self.assertNotIn("<script", html)
            self.assertNotIn('<a href="javascript:', html)
        self.assertIn("&lt;script&gt;", session.minutes_html, "shown as text")

    def test_only_officer_opens_and_closes(self):
        session = self._session()
        with self.assertRaisesRegex(UserError, "Only the emulation officer"):
            session.with_user(self.voters[0]).action_open()

    def test_ballot_paper_starts_with_nothing_ticked(self):
        """The dialog's data: the candidates, no choice; the choices are sent
        once, as arguments of ``cast_vote``."""
        session = self._session()
        session.action_open(PASSPHRASE)
        paper = session.with_user(self.voters[3]).get_ballot_paper()
        self.assertTrue(paper["self_vote"])
        self.assertEqual(paper["voters"], [])
        (race,) = paper["races"]
        self.assertEqual(
            [c["id"] for c in race["candidates"]], session._ballot_lines().ids
        )
        for candidate in race["candidates"]:
            self.assertEqual(set(candidate), {"id", "name", "detail"})
        session.with_user(self.voters[3]).cast_vote(session._ballot_lines()[:1].ids)
        self.assertTrue(session.with_user(self.voters[3]).has_voted)
        self.assertFalse(session.with_user(self.voters[4]).has_voted)
        with self.assertRaisesRegex(UserError, "Only members"):
            session.with_user(self.voters[3]).get_ballot_paper()
        with self.assertRaises(UserError):
            session.with_user(self.users["staff"]).get_ballot_paper()
        action = session.with_user(self.voters[4]).action_open_vote()
        self.assertEqual(action["tag"], "school_emulation.ballot_box")
        self.assertEqual(action["params"]["method"], "cast_vote")

    def test_posting_working_days(self):
        proposal = self.proposal
        proposal.company_id.resource_calendar_id = self.env.ref(
            "resource.resource_calendar_std"
        )
        friday = fields.Date.to_date("2041-05-24")  # a Friday
        self.assertEqual(friday.weekday(), 4)
        self.assertEqual(
            proposal._posting_end(friday), fields.Date.to_date("2041-05-28")
        )

    def test_provincial_title_needs_90_percent(self):
        tinh = self.env.ref("school_emulation.title_cstd_tinh_2025")
        proposal = self.env["school.emulation.proposal"].create(
            {
                "period_id": self.year.id,
                "company_id": self.school_a.id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": emp.id,
                            "title_id": tinh.id,
                        }
                    )
                    for emp in (self.emp_staff, self.emp_leader)
                ],
            }
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Xét CSTĐ cấp tỉnh",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        first, second = session.line_ids.sorted("id")
        self.assertEqual(first.ballot_threshold_pct, 90)
        passphrase = session.action_open()
        for i, user in enumerate(self.voters):
            yes = first if i < 9 else first.browse()
            if i < 8:
                yes |= second
            session.with_user(user).cast_vote(yes)
        session.action_close(passphrase)
        self.assertTrue(first.vote_passed)  # 9 of 10 = 90 %
        self.assertFalse(second.vote_passed)  # 8 of 10 = 80 % < 90 %

    def test_counting_board_enters_the_paper_tally(self):
        """Members without Odoo vote on paper; a member of the counting board
        enters the board's tally (papers and yes per candidate), sealed as
        nameless ballots that count like the others."""
        session = self._session()
        board = session.council_id.member_ids.sorted("id")[1:3]
        session.counting_board_ids = board
        session.action_open(PASSPHRASE)
        for user in self.voters[:6]:
            session.with_user(user).cast_vote(session._ballot_lines())
        first, second = session._ballot_lines().sorted("id")
        counter = board[0].user_id
        self.assertTrue(session.with_user(counter).is_counter)
        # neither a member outside the board nor a staff member enters papers
        outsider = (session.council_id.member_ids - board)[-1].user_id
        for user in (outsider, self.users["staff"]):
            with self.assertRaisesRegex(UserError, "counting board"):
                session.with_user(user).record_paper_tally(4, {first.id: 1})
        action = session.with_user(counter).action_open_paper_tally()
        sheet = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(sheet.paper_count, 4)
        self.assertEqual(sheet.line_ids.proposal_line_id, first | second)
        # a tally the papers cannot give is refused, nothing sealed
        with self.assertRaisesRegex(UserError, "5 yes votes on 4 paper ballots"):
            session.with_user(counter).record_paper_tally(4, {first.id: 5})
        with self.assertRaisesRegex(UserError, "counts must match"):
            session.with_user(counter).record_paper_tally(3, {first.id: 1})
        self.assertEqual(session.voted_count, 6)
        sheet.line_ids.filtered(lambda ln: ln.proposal_line_id == first).yes_count = 3
        sheet.line_ids.filtered(lambda ln: ln.proposal_line_id == second).yes_count = 1
        sheet.with_user(counter).action_confirm()
        self.assertFalse(sheet.exists())
        self.assertEqual(session.voted_count, 10)
        self.assertEqual(len(session._ballot_sealed_rows()), 10)
        session.action_close(PASSPHRASE)
        self.assertEqual((first.vote_yes, second.vote_yes), (9, 7))
        self.assertTrue(first.vote_passed)

    def test_a_candidate_on_the_council_does_not_vote_on_herself(self):
        member = self.council.member_ids.sorted("id")[2]
        proposal = self.env["school.emulation.proposal"].create(
            {
                "period_id": self.year.id,
                "level": "school",
                "authority_id": self.proposal.authority_id.id,
                "line_ids": [
                    Command.create(
                        {
                            "subject_type": "employee",
                            "employee_id": member.employee_id.id,
                            "title_id": self.cstdcs.id,
                        }
                    )
                ],
                "company_id": self.school_a.id,
            }
        )
        session = (
            self.env["school.emulation.council.session"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Họp bổ sung",
                    "council_id": self.council.id,
                    "proposal_ids": [Command.set(proposal.ids)],
                }
            )
        )
        session.action_prepare()
        session.action_open(PASSPHRASE)
        own = session._ballot_lines()
        paper = session.with_user(member.user_id).get_ballot_paper()
        self.assertFalse(paper["races"][0]["candidates"])
        self.assertEqual([r["id"] for r in paper["recused"]], own.ids)
        with self.assertRaisesRegex(UserError, "own candidacy"):
            session.with_user(member.user_id).cast_vote(own)
        # she still takes part in the session: her ballot counts as not "yes"
        session.with_user(member.user_id).cast_vote([])
        other = self.voters[0]
        self.assertTrue(
            session.with_user(other).get_ballot_paper()["races"][0]["candidates"]
        )
