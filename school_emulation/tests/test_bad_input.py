"""Bad input, on a school year the test builds, through the ORM and through JSON-RPC:
every case is refused with a clear Vietnamese message and leaves the database as it
was.

Each case is the call a user's browser (or a script) would make: a model, a method,
its arguments and the login that makes it. The same call is made twice: with
``odoo.api.call_kw`` in the test's environment and as a JSON-RPC request to
``/web/dataset/call_kw`` with the user's session. Before and after each call a probe
reads what the case could have changed."""

import base64

from psycopg2 import IntegrityError

from odoo import fields, http
from odoo.api import call_kw
from odoo.service.model import _as_validation_error
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import JsonRpcMixin, SchoolFixtures

SE = "school_emulation."
# the context key that used to unlock confirmed decisions: now it unlocks nothing
OLD_KEY = {"school_emulation_revoking": True}


@tagged("post_install", "-at_install")
class TestBadInput(JsonRpcMixin, SchoolFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_users()
        cls._setup_year()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["school_emulation"], ["vi_VN"])
        for user in cls.users.values():
            user.lang = "vi_VN"
        cls.cases = cls._cases()

    @classmethod
    def _cases(cls):
        env, ref = cls.env, cls.env.ref
        teacher_emp = cls.emp_staff
        registration = cls.reg_staff
        score = cls.score
        returned = cls.reg_submitted
        movement_closed = cls.movement_closed
        closed_session = cls.council_session
        decision = cls.decision
        award = decision.award_ids[0]
        draft_proposal = cls.proposal_draft
        posted = cls.proposal_published
        reviewed = cls.proposal_reviewed
        submitted = cls.proposal_submitted
        council = cls.council
        ldtt = cls.ldtt
        current = cls.year
        locked_score = cls.week_locked.line_ids[:1]
        open_score = cls.week_open.line_ids[:1]
        initiative = cls.initiative
        student = cls.student_own
        exemplar = cls.exemplar
        big = base64.b64encode(b"0" * (21 * 1024 * 1024)).decode()

        def count(model, domain=()):
            return lambda: env[model].sudo().search_count(list(domain))

        def read(record, *names):
            return lambda: record.sudo().read(list(names))

        def case(
            name, login, model, method, args, expect, probe, kwargs=None, context=None
        ):
            return {
                "name": name,
                "login": login,
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
                "context": context or {},
                "expect": expect,
                "probe": probe,
            }

        score_probe = read(score, "self_score", "group_score", "final_score")
        registrations = count("school.emulation.registration")
        return [
            # scores
            case(
                "out-of-range self score",
                "staff",
                "school.emulation.score",
                "write",
                [score.ids, {"self_score": score.criterion_id.max_points + 5}],
                "nằm ngoài khoảng",
                score_probe,
            ),
            case(
                "negative self score",
                "staff",
                "school.emulation.score",
                "write",
                [score.ids, {"self_score": -1}],
                "nằm ngoài khoảng",
                score_probe,
            ),
            case(
                "teacher gives the group score",
                "staff",
                "school.emulation.score",
                "write",
                [score.ids, {"group_score": 1}],
                "Bạn không được chấm điểm",
                score_probe,
            ),
            case(
                "teacher gives the council score",
                "staff",
                "school.emulation.score",
                "write",
                [score.ids, {"final_score": 1}],
                "Bạn không được chấm điểm",
                score_probe,
            ),
            case(
                "lock scores by a group leader",
                "leader",
                "school.emulation.registration",
                "action_lock_scores",
                [registration.ids, "khóa thử"],
                "cán bộ phụ trách thi đua",
                read(registration, "scores_locked"),
            ),
            # registrations
            case(
                "duplicate registration",
                "staff",
                "school.emulation.registration",
                "create",
                [
                    {
                        "movement_id": registration.movement_id.id,
                        "employee_id": teacher_emp.id,
                        "title_id": registration.title_id.id,
                        "award_form_id": registration.award_form_id.id,
                    }
                ],
                "đã đăng ký phong trào",
                registrations,
            ),
            case(
                "registration in a closed movement",
                "staff",
                "school.emulation.registration",
                "create",
                [{"movement_id": movement_closed.id, "employee_id": teacher_emp.id}],
                "không trong thời gian nhận đăng ký",
                registrations,
            ),
            case(
                "teacher accepts a registration",
                "staff",
                "school.emulation.registration",
                "action_accept",
                [returned.ids],
                "không có quyền",
                read(returned, "state"),
            ),
            case(
                "return without a reason",
                "leader",
                "school.emulation.registration",
                "action_return",
                [returned.ids, "  "],
                "lý do",
                read(returned, "state"),
            ),
            case(
                "lock scores without a reason",
                "officer",
                "school.emulation.registration",
                "action_lock_scores",
                [registration.ids, ""],
                "lý do",
                read(registration, "scores_locked"),
            ),
            # council and ballots
            case(
                "vote by a non-member",
                "staff",
                "school.emulation.council.session",
                "cast_vote",
                [closed_session.ids, closed_session.line_ids.ids],
                "không được phép truy cập",
                count("school.emulation.ballot"),
            ),
            case(
                "vote after close",
                "council",
                "school.emulation.council.session",
                "cast_vote",
                [closed_session.ids, closed_session.line_ids.ids],
                "không trong thời gian bỏ phiếu",
                count("school.emulation.ballot"),
            ),
            case(
                "paper ballots by a member",
                "council",
                "school.emulation.council.session",
                "record_paper_ballots",
                [closed_session.ids, [closed_session.line_ids.ids]],
                "Chỉ cán bộ phụ trách thi đua hoặc thành viên Ban kiểm phiếu được "
                "nhập phiếu giấy",
                count("school.emulation.ballot"),
            ),
            case(
                "session without a quorum or candidates",
                "officer",
                "school.emulation.council.session",
                "create",
                [{"name": "Phiên thử", "council_id": council.id, "date": False}],
                "trường bắt buộc chưa được đặt",
                count("school.emulation.council.session"),
            ),
            # proposals
            case(
                "submit before the public posting",
                "officer",
                "school.emulation.proposal",
                "action_submit",
                [reviewed.ids],
                "không thể chuyển từ trạng thái Hội đồng đã xét sang Đã gửi",
                read(reviewed, "state"),
            ),
            case(
                "council review with undecided candidates",
                "officer",
                "school.emulation.proposal",
                "action_council_review",
                [draft_proposal.ids],
                "Hội đồng chưa xét",
                read(draft_proposal, "state"),
            ),
            case(
                "record the decision of an unsubmitted proposal",
                "officer",
                "school.emulation.proposal",
                "action_record_decision",
                [posted.ids],
                "đề nghị đã gửi",
                count("school.emulation.decision"),
            ),
            case(
                "decision recorded by a group leader",
                "leader",
                "school.emulation.proposal",
                "action_record_decision",
                [submitted.ids],
                "Chỉ cán bộ phụ trách thi đua được ghi nhận quyết định",
                count("school.emulation.decision"),
            ),
            case(
                "posting days zero",
                "officer",
                "school.emulation.proposal",
                "write",
                [draft_proposal.ids, {"posting_days": 0}],
                "Thời gian công khai ít nhất một ngày làm việc",
                read(draft_proposal, "posting_days"),
            ),
            case(
                "candidate for a title and a form at once",
                "officer",
                "school.emulation.proposal.line",
                "create",
                [
                    {
                        "proposal_id": draft_proposal.id,
                        "employee_id": teacher_emp.id,
                        "title_id": ldtt.id,
                        "award_form_id": ref(SE + "award_form_gk_xa_2025").id,
                    }
                ],
                "một danh hiệu hoặc một hình thức khen thưởng",
                count("school.emulation.proposal.line"),
            ),
            # decisions and awards
            case(
                "decision edit after confirm",
                "officer",
                "school.emulation.decision",
                "write",
                [decision.ids, {"name": "999/QĐ-UBND"}],
                "Không thể sửa quyết định khen thưởng đã xác nhận",
                read(decision, "name", "state"),
            ),
            case(
                "award amount edit after confirm",
                "officer",
                "school.emulation.award",
                "write",
                [award.ids, {"bonus_amount": 99999999}],
                "Không thể sửa khen thưởng của quyết định đã xác nhận",
                read(award, "bonus_amount"),
            ),
            case(
                "decision deleted after confirm",
                "officer",
                "school.emulation.decision",
                "unlink",
                [decision.ids],
                "Không thể xóa quyết định khen thưởng đã xác nhận",
                count("school.emulation.decision"),
            ),
            case(
                "award added to a confirmed decision",
                "officer",
                "school.emulation.award",
                "create",
                [
                    {
                        "decision_id": decision.id,
                        "period_id": decision.period_id.id,
                        "subject_type": "employee",
                        "employee_id": cls.emp_other.id,
                        "title_id": ldtt.id,
                    }
                ],
                "chỉ thêm khen thưởng vào quyết định dự thảo",
                count("school.emulation.award"),
            ),
            # the old context key that unlocked a confirmed decision unlocks nothing
            case(
                "decision edit with the old revoking key",
                "officer",
                "school.emulation.decision",
                "write",
                [decision.ids, {"name": "999/QĐ-UBND", "date": "2026-01-01"}],
                "Không thể sửa quyết định khen thưởng đã xác nhận",
                read(decision, "name", "date", "state", "award_ids"),
                context=OLD_KEY,
            ),
            case(
                "decision awards detached with the old revoking key",
                "officer",
                "school.emulation.decision",
                "write",
                [decision.ids, {"award_ids": [fields.Command.unlink(award.id)]}],
                "Không thể sửa quyết định khen thưởng đã xác nhận",
                read(decision, "award_ids"),
                context=OLD_KEY,
            ),
            case(
                "decision note swapped after confirm",
                "officer",
                "school.emulation.decision",
                "write",
                [decision.ids, {"note": "đổi ghi chú"}],
                "Không thể sửa quyết định khen thưởng đã xác nhận",
                read(decision, "note"),
                context=OLD_KEY,
            ),
            case(
                "award bonus with the old revoking key",
                "officer",
                "school.emulation.award",
                "write",
                [award.ids, {"bonus_amount": 99999999, "so_vang_number": "1"}],
                "Không thể sửa khen thưởng của quyết định đã xác nhận",
                read(award, "bonus_amount", "so_vang_number", "state"),
                context=OLD_KEY,
            ),
            case(
                "award of a confirmed decision deleted",
                "officer",
                "school.emulation.award",
                "unlink",
                [award.ids],
                "Không thể xóa khen thưởng đã xác nhận",
                count("school.emulation.award"),
                context=OLD_KEY,
            ),
            case(
                "history award slipped into a confirmed decision",
                "officer",
                "school.emulation.award",
                "create",
                [
                    {
                        "decision_id": decision.id,
                        "source": "history",
                        "period_id": decision.period_id.id,
                        "subject_type": "employee",
                        "employee_id": cls.emp_other.id,
                        "award_form_id": ref(SE + "award_form_gk_xa_2025").id,
                    }
                ],
                "chỉ thêm khen thưởng vào quyết định dự thảo",
                count("school.emulation.award"),
                context=OLD_KEY,
            ),
            case(
                "same decision number behind a zero-width space",
                "officer",
                "school.emulation.decision",
                "create",
                [
                    {
                        "name": f"\u200f{decision.name}\u200b ",
                        "date": fields.Date.to_string(decision.date),
                        "authority_id": decision.authority_id.id,
                        "period_id": decision.period_id.id,
                    }
                ],
                decision.name,  # the message names the decision already recorded
                count("school.emulation.decision"),
            ),
            case(
                "second confirmation of a decision",
                "officer",
                "school.emulation.decision",
                "action_confirm",
                [decision.ids],
                "đã được xác nhận",
                read(decision, "state"),
            ),
            # initiatives, classes, catalogue, people
            case(
                "initiative shares not 100 %",
                "officer",
                "school.emulation.initiative",
                "create",
                [
                    {
                        "name": "Sáng kiến thử",
                        "period_id": current.id,
                        "author_ids": [
                            fields.Command.create(
                                {"employee_id": teacher_emp.id, "share": 60}
                            )
                        ],
                    }
                ],
                "phải bằng 100 %",
                count("school.emulation.initiative"),
            ),
            case(
                "initiative share over 100",
                "officer",
                "school.emulation.initiative.author",
                "write",
                [initiative.author_ids[:1].ids, {"share": 150}],
                "không quá 100 %",
                read(initiative.author_ids[:1], "share"),
            ),
            case(
                "score in a locked class week",
                "officer",
                "school.emulation.class.score",
                "write",
                [locked_score.ids, {"points": 1}],
                "đã khóa",
                read(locked_score, "points"),
            ),
            case(
                "class score out of range",
                "officer",
                "school.emulation.class.score",
                "write",
                [open_score.ids, {"points": 10**6}],
                "nằm ngoài khoảng",
                read(open_score, "points"),
            ),
            case(
                "school year ending before it starts",
                "manager",
                "school.emulation.period",
                "create",
                [
                    {
                        "name": "Năm lỗi",
                        "date_start": "2031-09-01",
                        "date_end": "2030-09-01",
                    }
                ],
                "Ngày kết thúc năm học phải sau ngày bắt đầu",
                count("school.emulation.period"),
            ),
            case(
                "overlapping title rule",
                "manager",
                "school.emulation.title",
                "copy",
                [ldtt.ids],
                "trùng thời gian",
                count("school.emulation.title"),
            ),
            case(
                "duplicate student code",
                "officer",
                "school.student",
                "create",
                [
                    {
                        "code": student.code,
                        "name": "Trùng mã",
                        "class_id": student.class_id.id,
                    }
                ],
                "Trường đã có học sinh mang mã này",
                count("school.student"),
            ),
            case(
                "oversize evidence file",
                "staff",
                "ir.attachment",
                "create",
                [
                    {
                        "name": "minh-chung.pdf",
                        "datas": big,
                        "res_model": "school.emulation.score",
                        "res_id": score.id,
                    }
                ],
                "không được vượt quá 20,0 MB",
                count("ir.attachment", [("res_model", "=", "school.emulation.score")]),
            ),
            case(
                "exemplar published by a teacher",
                "staff",
                "school.emulation.exemplar",
                "action_publish",
                [exemplar.ids],
                "Chỉ cán bộ phụ trách thi đua được công bố",
                read(exemplar, "is_published"),
            ),
        ]

    # -- the two paths -------------------------------------------------------------
    def _orm(self, case):
        user = self.users[case["login"]]
        env = self.env(user=user, context={"lang": "vi_VN"})
        with self.assertRaises(Exception) as caught, self.env.cr.savepoint():
            # as the web client calls it: the context travels in the keywords
            context = {**case.get("context", {}), "lang": "vi_VN"}
            kwargs = {**case["kwargs"], "context": context}
            call_kw(env[case["model"]], case["method"], case["args"], kwargs)
        error = caught.exception
        if isinstance(error, IntegrityError):
            # what Odoo's RPC layer turns a database refusal into
            error = _as_validation_error(env, error)
        return str(error.args[0] if error.args else error)

    def _rpc(self, case):
        login = self.users[case["login"]].login
        self.authenticate(login, login)
        context = {**case.get("context", {}), "lang": "vi_VN"}
        kwargs = {**case["kwargs"], "context": context}
        _result, error = self.json_rpc(
            case["model"], case["method"], case["args"], kwargs
        )
        self.assertTrue(error, f"{case['name']}: accepted through JSON-RPC")
        return error["message"]

    def _check(self, path):
        self.assertGreaterEqual(len(self.cases), 30)
        for case in self.cases:
            with self.subTest(case=case["name"], path=path.__name__):
                before = case["probe"]()
                message = path(case)
                self.assertTrue(message.strip(), "the refusal says nothing")
                self.assertIn(case["expect"], message)
                self.assertEqual(case["probe"](), before, "the database changed")

    @mute_logger("odoo.sql_db", "odoo.models", "odoo.http")
    def test_bad_input_through_the_orm(self):
        self._check(self._orm)

    @mute_logger("odoo.sql_db", "odoo.models", "odoo.http")
    def test_bad_input_through_json_rpc(self):
        self._check(self._rpc)

    @mute_logger("odoo.sql_db", "odoo.models", "odoo.http")
    def test_malformed_import_through_json_rpc(self):
        """Odoo's importer, as the Import screen drives it: a file with a bad date,
        then one with an unknown class and a duplicate code, each report their bad
        rows in Vietnamese and import nothing (the good rows neither)."""
        officer = self.users["officer"]
        self.authenticate(officer.login, officer.login)
        school = officer.company_id
        klass = self.env["school.class"].search(
            [("company_id", "=", school.id)], limit=1
        )
        head = "code,name,birth_date,gender,class_id\n"
        files = {  # what the messages must name -> the file
            ("dòng 2", "birth_date"): head
            + f"HS-RPC-1,Học sinh Một,2014-01-01,female,{klass.name}\n"
            + f"HS-RPC-2,Học sinh Hai,ngày-sai,male,{klass.name}\n",
            ("Lớp không có", "đã tồn tại"): head
            + f"HS-RPC-1,Học sinh Một,2014-01-01,female,{klass.name}\n"
            + "HS-RPC-3,Học sinh Ba,2014-02-02,male,Lớp không có\n"
            + f"HS-RPC-1,Trùng mã,2014-03-03,male,{klass.name}\n",
        }
        fields = ["code", "name", "birth_date", "gender", "class_id"]
        options = {
            "quoting": '"',
            "separator": ",",
            "has_headers": True,
            "date_format": "%Y-%m-%d",
        }
        before = self.env["school.student"].search_count([])
        for expected, content in files.items():
            with self.subTest(expected=expected):
                # as the Import screen does: create the import, upload, import
                wizard, error = self.json_rpc(
                    "base_import.import",
                    "create",
                    [{"res_model": "school.student"}],
                    {"context": {"lang": "vi_VN"}},
                )
                self.assertFalse(error)
                upload = self.url_open(
                    "/base_import/set_file",
                    data={"id": wizard, "csrf_token": http.Request.csrf_token(self)},
                    files={"ufile": ("hoc-sinh.csv", content.encode(), "text/csv")},
                )
                self.assertEqual(upload.status_code, 200)
                result, error = self.json_rpc(
                    "base_import.import",
                    "execute_import",
                    [wizard, fields, fields, options],
                    {"context": {"lang": "vi_VN"}},
                )
                self.assertFalse(error)
                problems = [m for m in result["messages"] if m["type"] == "error"]
                self.assertTrue(problems, result["messages"])
                said = " ".join(m["message"] for m in problems)
                for words in expected:
                    self.assertIn(words, said)
                self.assertFalse(result.get("ids"))
                self.assertEqual(self.env["school.student"].search_count([]), before)
