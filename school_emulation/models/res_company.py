from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# The levels of the chain a company may stand at (the bodies above a school that
# run emulation in this product): a subset of the authorities' levels.
COMPANY_LEVELS = [
    ("school", "School"),
    ("commune", "Commune / Ward"),
    ("province", "Province"),
]
LEVEL_RANK = {code: rank for rank, (code, _label) in enumerate(COMPANY_LEVELS)}

# The school's registers (sổ đăng ký văn bản, NĐ 30/2020 Art. 15: numbers restart
# on 1 January). kind -> (name, prefix, suffix, padding, yearly)
REGISTERS = {
    "proposal": ("Award Proposals", "DN/%(range_year)s/", "", 4, True),
    "to_trinh": ("Submissions (Tờ trình)", "", "/TTr", 2, True),
    "decision": ("Award Decisions", "", "/QĐ", 2, True),
    "minutes": ("Council Minutes", "", "/BB-HĐTĐKT", 2, True),
    "report": ("Reports (Báo cáo)", "", "/BC", 2, True),
    # one Golden Book (Sổ vàng) per deciding body, never restarted
    "so_vang": ("Golden Book", "", "", 0, False),
}
REGISTER_CODE = "school_emulation.register.%s"


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "school.emulation.award.history.mixin"]

    emulation_doc_code = fields.Char(
        string="Document Code",
        help="Abbreviation of the school in document numbers, e.g. THCSXS.",
    )

    emulation_level = fields.Selection(
        COMPANY_LEVELS,
        string="Emulation Level",
        default="school",
        required=True,
        help="Where this company stands in the chain: a school, the commune/ward "
        "People's Committee above schools, or the province.",
    )
    emulation_superior_id = fields.Many2one(
        "res.company",
        string="Superior Body",
        compute="_compute_emulation_superior_id",
        store=True,
        readonly=False,
        index=True,
        help="The body above this one that receives its proposals and returns the "
        "awards it decides (since 01/07/2025 the commune/ward above a school). "
        "Follows Odoo's parent company when there is one.",
    )
    emulation_unit_ids = fields.One2many(
        "res.company", "emulation_superior_id", string="Units Below"
    )
    emulation_authority_id = fields.Many2one(
        "school.emulation.authority",
        string="Deciding Authority",
        help="The deciding authority of the legal catalogue this body acts as, "
        "e.g. the Chairman of the commune's People's Committee.",
    )

    @api.depends("parent_id")
    def _compute_emulation_superior_id(self):
        for rec in self:
            if rec.parent_id:
                rec.emulation_superior_id = rec.parent_id
            elif not rec.emulation_superior_id:
                rec.emulation_superior_id = False

    @api.constrains("emulation_superior_id", "emulation_level")
    def _check_emulation_superior(self):
        for rec in self:
            superior = rec.emulation_superior_id
            if not superior:
                continue
            if rec in superior._se_superiors():
                raise ValidationError(
                    self.env._(
                        "%(company)s cannot stand below %(superior)s: the chain of "
                        "bodies would loop.",
                        company=rec.name,
                        superior=superior.name,
                    )
                )
            if LEVEL_RANK[superior.emulation_level] <= LEVEL_RANK[rec.emulation_level]:
                raise ValidationError(
                    self.env._(
                        "The superior body of %(company)s must stand at a higher "
                        "level than it (%(superior)s does not).",
                        company=rec.name,
                        superior=superior.name,
                    )
                )

    def _se_superiors(self, include_self=True):
        """The bodies above this one, nearest first (with itself first)."""
        self.ensure_one()
        # a school reads its superior's link, not the superior's record
        chain = self.browse()
        current = self.sudo() if include_self else self.sudo().emulation_superior_id
        while current and current not in chain:
            chain |= current
            current = current.emulation_superior_id
        return self.browse(chain.ids)

    def _se_with_units(self):
        """Those of these companies that have units below them (one search)."""
        found = self.sudo().search([("emulation_superior_id", "in", self.ids)])
        return self.browse(found.emulation_superior_id.ids)

    def _se_superior_name(self):
        """The name of the body above, as its documents print it (hook: the
        report addon falls back on the name typed for a body outside Odoo)."""
        self.ensure_one()
        return self.sudo().emulation_superior_id.name or ""

    def _se_level_label(self):
        self.ensure_one()
        return dict(COMPANY_LEVELS)[self.emulation_level]

    def _se_register_code(self, kind, book=None):
        if kind not in REGISTERS:
            raise UserError(self.env._("Unknown register %(kind)s.", kind=kind))
        code = REGISTER_CODE % kind
        return f"{code}.{book.id}" if book else code

    def _se_register_values(self, kind, book=None):
        """Values of a new register of this school (hook: a school code suffix)."""
        self.ensure_one()
        name, prefix, suffix, padding, yearly = REGISTERS[kind]
        label = name
        if book:
            label = f"{label}: {book.display_name}"
        return {
            "name": f"{label} ({self.name})",
            "code": self._se_register_code(kind, book),
            "company_id": self.id,
            "prefix": prefix,
            "suffix": suffix,
            "padding": padding,
            "number_increment": 1,
            "implementation": "no_gap",
            "use_date_range": yearly,
        }

    def _se_register(self, kind, book=None):
        """The school's register of ``kind`` (for ``book``), created on demand."""
        self.ensure_one()
        Sequence = self.env["ir.sequence"].sudo()
        code = self._se_register_code(kind, book)
        register = Sequence.search(
            [("code", "=", code), ("company_id", "=", self.id)], limit=1
        )
        if not register:
            return Sequence.create(self._se_register_values(kind, book))
        # a register made with another padding (0001/TTr): the register's padding
        # applies from the next number; numbers already given stay as they are
        padding = REGISTERS[kind][3]
        if register.padding != padding:
            register.padding = padding
        return register

    def _se_next_number(self, kind, date=None, book=None):
        """The next number of the school's register ``kind``: proposal, to_trinh,
        decision, minutes, report (yearly, by ``date``), or so_vang of ``book`` (the
        deciding authority, continuous). Server code only: call it from a method
        that has checked its caller, e.g.
        ``self.company_id._se_next_number("minutes", session.date)``.
        """
        self.ensure_one()
        date = fields.Date.to_date(date) or self._se_today(self)
        number = self._se_register(kind, book).next_by_id(sequence_date=date)
        return self._se_number_with_code(kind, number)

    def _se_number_with_code(self, kind, number):
        """Documents the school issues end in its code (12/QĐ-THCSXS, 01/TTr-THCSXS,
        NĐ 30/2020 Appendix I); hook for another layout."""
        code = (self.emulation_doc_code or "").strip()
        if (
            code
            and kind in ("to_trinh", "decision", "report")
            and not number.endswith(code)
        ):
            number = f"{number}-{code}"
        return number
