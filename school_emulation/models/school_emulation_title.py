from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .school_emulation_authority import LEVELS

SUBJECT_TYPES = [
    ("individual", "Individual"),
    ("collective", "Collective"),
    ("student", "Student"),
    ("student_collective", "Student Collective"),
]
RATINGS = [
    ("htxsnv", "Excellent completion (HTXSNV)"),
    ("httnv", "Good completion (HTTNV)"),
    ("htnv", "Completion (HTNV)"),
    ("khtnv", "Non-completion (KHTNV)"),
]
DISCIPLINE_LEVELS = [
    ("reprimand", "Reprimand (khiển trách)"),
    ("warning", "Warning (cảnh cáo)"),
    ("demotion", "Salary/grade reduction (hạ bậc lương)"),
    ("dismissal_post", "Removal from post (cách chức)"),
    ("dismissal", "Dismissal (buộc thôi việc)"),
]
INITIATIVE_SCOPES = [
    ("school", "School (cơ sở)"),
    ("province", "Province"),
    ("national", "National"),
]
STUDENT_RATINGS = [
    ("good", "Good (Tốt)"),
    ("fair", "Fair (Khá)"),
    ("pass", "Pass (Đạt)"),
    ("fail", "Not yet passed (Chưa đạt)"),
]


class SchoolEmulationTitle(models.Model):
    """An emulation title (danh hiệu thi đua) as the law defines it between two dates.

    Each legal era has its own record for the same code; the eligibility conditions
    are parameters of the record. A second criterion set (``variant``) may be in force
    on the same dates; the default one is used unless a proposal picks another.
    """

    _name = "school.emulation.title"
    _description = "Emulation Title"
    _inherit = ["school.emulation.dated.mixin", "mail.thread"]
    _order = "sequence, code, date_start desc"
    _dated_key = ("code", "variant")

    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(required=True, tracking=True)
    variant = fields.Char(
        string="Criterion Set",
        required=True,
        default="default",
        help="Several criterion sets may be in force at once (e.g. the 2022 Law and "
        "the amended Law); exactly one per date is the default.",
    )
    is_default_variant = fields.Boolean(
        string="Default Criterion Set",
        default=True,
        help="Used unless a proposal explicitly applies another criterion set.",
    )
    sequence = fields.Integer(default=10)
    subject_type = fields.Selection(SUBJECT_TYPES, required=True, default="individual")
    level = fields.Selection(LEVELS, required=True, default="commune")
    authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Decided By",
        ondelete="restrict",
        tracking=True,
    )
    award_type = fields.Selection(
        [
            ("merit", "Merit (công trạng)"),
            ("ad_hoc", "Ad hoc (đột xuất)"),
            ("movement", "Movement or thematic (chuyên đề)"),
        ],
        default="merit",
        required=True,
        help="Ad-hoc and thematic awards never count in the chains of merit awards.",
    )
    annual = fields.Boolean(default=True)
    ballot_required = fields.Boolean(
        string="Ballot Required",
        tracking=True,
        help="The council must vote; the threshold counts over ALL council members.",
    )
    ballot_threshold_pct = fields.Integer(
        string="Ballot Threshold (%)",
        tracking=True,
        help="Yes votes needed, in percent of the total number of council members.",
    )
    bonus_coefficient = fields.Float(
        digits=(6, 2),
        tracking=True,
        help="Bonus = coefficient x base salary on the decision date, rounded up to "
        "the next 10,000 VND.",
    )
    # --- eligibility parameters -------------------------------------------------------
    prerequisite_code = fields.Char(
        string="Required Title (same year)",
        help="Code of a title the subject must hold in the same year, e.g. LDTT.",
    )
    min_rating = fields.Selection(
        RATINGS,
        string="Minimum Task Rating",
        help="Lowest yearly task-completion rating that qualifies.",
    )
    rating_initiative_rule = fields.Selection(
        [
            ("none", "No initiative condition"),
            ("rating_or_initiative", "Excellent rating OR a recognised initiative"),
            ("rating_and_initiative", "Excellent rating AND a recognised initiative"),
            ("initiative", "A recognised initiative"),
        ],
        string="Rating / Initiative Condition",
        default="none",
        required=True,
    )
    initiative_scope = fields.Selection(
        INITIATIVE_SCOPES,
        string="Required Initiative Scope",
        help="Lowest recognised scope of the initiative or research used.",
    )
    consecutive_code = fields.Char(
        string="Chain Title",
        help="Title that must be held in consecutive years (e.g. CSTDCS).",
    )
    consecutive_years = fields.Integer(
        help="How many consecutive school years of the chain title are required.",
    )
    min_months_recruited = fields.Integer(
        string="Minimum Months Since Recruitment",
        help="Not awarded to people recruited fewer months before.",
    )
    disqualifying_discipline = fields.Selection(
        DISCIPLINE_LEVELS,
        string="Disqualifying Discipline From",
        help="Discipline of this level or heavier during the year disqualifies.",
    )
    member_title_code = fields.Char(
        string="Members' Title",
        help="Title the collective's members must hold (e.g. LDTT).",
    )
    member_share_pct = fields.Integer(
        string="Members' Share (%)",
        help="Minimum share of members holding the members' title.",
    )
    member_share_strict = fields.Boolean(
        string="Strictly More Than",
        help="The share must exceed the percentage (e.g. more than 50 %).",
    )
    member_all_complete = fields.Boolean(
        string="All Members Complete Their Tasks",
    )
    member_excellent_code = fields.Char(
        string="Members' Higher Title",
        help="Title at least N members must hold (e.g. CSTDCS).",
    )
    member_excellent_min = fields.Integer(string="Members With Higher Title (min)")
    member_discipline = fields.Selection(
        DISCIPLINE_LEVELS,
        string="No Member Disciplined From",
    )
    dossier_item_type_ids = fields.Many2many(
        "school.emulation.dossier.item.type",
        "school_emulation_title_dossier_rel",
        "title_id",
        "item_type_id",
        string="Dossier Documents",
        help="Documents the dossier of this title needs in this legal era.",
    )
    quota_enabled = fields.Boolean(
        string="Quota Cap",
        help="Optional cap, off by default: no national cap exists since 01/01/2024.",
    )
    quota_pct = fields.Integer(string="Quota (%)")
    quota_base_code = fields.Char(
        string="Quota Base Title",
        help="The quota is a percentage of the number of holders of this title.",
    )
    student_conduct = fields.Selection(STUDENT_RATINGS, string="Minimum Conduct Result")
    student_learning = fields.Selection(
        STUDENT_RATINGS, string="Minimum Learning Result"
    )
    class_min_avg_total = fields.Float(
        string="Class Weekly Average (min)",
        digits=(8, 2),
        help="For class titles: the lowest average weekly class emulation total.",
    )
    student_min_subjects_ge_9 = fields.Integer(
        string="Subjects With Average >= 9.0",
        help="Minimum number of scored subjects with a year average of at least 9.0.",
    )

    _sql_constraints = [
        (
            "ballot_threshold_range",
            "CHECK(ballot_threshold_pct >= 0 AND ballot_threshold_pct <= 100)",
            "A ballot threshold is a percentage between 0 and 100.",
        ),
        (
            "member_share_range",
            "CHECK(member_share_pct >= 0 AND member_share_pct <= 100)",
            "A members' share is a percentage between 0 and 100.",
        ),
        (
            "positive_values",
            "CHECK(bonus_coefficient >= 0 AND min_months_recruited >= 0 "
            "AND consecutive_years >= 0 AND quota_pct >= 0)",
            "Coefficients, months, years and quotas cannot be negative.",
        ),
    ]

    @api.depends("code", "name", "variant", "date_start", "date_end")
    @api.depends_context("se_title_version")
    def _compute_display_name(self):
        """A title is named as people name it ("Lao động tiên tiến"): a picker
        offers only the version in force for the year (its domain), so the dates
        and criterion set are shown only where versions are compared, the legal
        catalogue (context ``se_title_version``)."""
        if not self.env.context.get("se_title_version"):
            for rec in self:
                rec.display_name = rec.name
            return
        for rec in self:
            period = rec.date_start and rec.date_start.strftime("%d/%m/%Y") or ""
            if rec.date_end:
                period = f"{period}-{rec.date_end.strftime('%d/%m/%Y')}"
            variant = f", {rec.variant}" if rec.variant != "default" else ""
            rec.display_name = f"{rec.name} ({period}{variant})"

    @api.constrains("code", "is_default_variant", "date_start", "date_end", "active")
    def _check_single_default(self):
        for rec in self.filtered(lambda r: r.active and r.is_default_variant):
            domain = [
                ("id", "!=", rec.id),
                ("code", "=", rec.code),
                ("company_id", "=", rec.company_id.id),
                ("is_default_variant", "=", True),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", rec.date_start),
            ]
            if rec.date_end:
                domain.append(("date_start", "<=", rec.date_end))
            if self.search_count(domain, limit=1):
                raise ValidationError(
                    self.env._(
                        "Title %(code)s has two default criterion sets on the same "
                        "dates; only one can be the default.",
                        code=rec.code,
                    )
                )

    @api.model
    def _get_rule(self, code, date, variant=None, company=None):
        """The title record for ``code`` in force on ``date``.

        Without ``variant``: the default criterion set in force. A missing rule raises.
        """
        domain = [("code", "=", code)]
        domain.append(
            ("variant", "=", variant) if variant else ("is_default_variant", "=", True)
        )
        return self._get_in_force(date, domain, company=company)

    @api.model
    def for_school_year(self, code, period_id):
        """The default title of ``code`` a school year is judged by: the record in
        force at the end of the year (as the eligibility engine reads it), for the
        year's school. A missing rule raises.

        Data and demo files name a title by code this way, never one legal era's
        record: ``<field name="title_id" model="school.emulation.title"
        eval="obj().for_school_year('LDTT', ref('...period_2024_demo')).id" />``.
        """
        period = self.env["school.emulation.period"].browse(period_id)
        return self._get_rule(code, period.date_end, company=period.company_id)

    def eligible_rules(self, date, variant=None, company=None):
        """The rule values in force on ``date`` for this title's code, for
        ``company`` (default: the record's school, else the current one).

        Returns a dict of the eligibility parameters (the catalogue record's values),
        plus ``rule_id``, ``legal_basis``, ``reliability`` and ``authority``.
        """
        self.ensure_one()
        rule = self._get_rule(
            self.code, date, variant=variant, company=company or self.company_id
        )
        return rule._rule_values()

    def _rule_values(self):
        """The eligibility parameters of this catalogue record (see eligible_rules)."""
        self.ensure_one()
        values = {name: self[name] for name in self._rule_fields()}
        values.update(
            rule_id=self.id,
            legal_basis=self.legal_basis_id.number or "",
            reliability=self.reliability,
            authority=self.authority_id.code or "",
        )
        return values

    @api.model
    def _rule_fields(self):
        return [
            "code",
            "variant",
            "subject_type",
            "level",
            "award_type",
            "ballot_required",
            "ballot_threshold_pct",
            "bonus_coefficient",
            "prerequisite_code",
            "min_rating",
            "rating_initiative_rule",
            "initiative_scope",
            "consecutive_code",
            "consecutive_years",
            "min_months_recruited",
            "disqualifying_discipline",
            "member_title_code",
            "member_share_pct",
            "member_share_strict",
            "member_all_complete",
            "member_excellent_code",
            "member_excellent_min",
            "member_discipline",
            "quota_enabled",
            "quota_pct",
            "quota_base_code",
            "student_conduct",
            "student_learning",
            "student_min_subjects_ge_9",
            "class_min_avg_total",
        ]
