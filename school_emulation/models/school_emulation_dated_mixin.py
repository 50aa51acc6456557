from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

RELIABILITY = [
    ("verified", "Verified against the legal text"),
    ("secondary", "Reliable secondary source"),
    ("practice", "Practice or pattern"),
    ("unverified", "Unverified: confirm before use"),
    ("configurable", "Configurable by province or school"),
]


class SchoolEmulationDatedMixin(models.AbstractModel):
    """A legal value in force between two dates, with its legal basis.

    Records sharing the same ``_dated_key`` values (e.g. the title code and its
    criterion set) may not overlap in time: exactly one is in force on any date.
    """

    _name = "school.emulation.dated.mixin"
    _description = "Value in force between two dates"
    _dated_key = ("code",)

    date_start = fields.Date(
        string="In Force From",
        required=True,
        index=True,
        help="First day this value applies.",
    )
    date_end = fields.Date(
        string="In Force Until",
        index=True,
        help="Last day this value applies; empty while still in force.",
    )
    legal_basis_id = fields.Many2one(
        "school.emulation.legal.basis",
        string="Legal Basis",
        ondelete="restrict",
    )
    reliability = fields.Selection(
        RELIABILITY,
        default="secondary",
        required=True,
        help="How the value was checked (see the domain specification).",
    )
    note = fields.Text(help="Sources, caveats, and what still has to be confirmed.")
    company_id = fields.Many2one(
        "res.company",
        string="School",
        index=True,
        help="Empty: the value applies to every school in the database.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_start", "date_end", "company_id", "active")
    def _check_dated_overlap(self):
        for rec in self.filtered("active"):
            if rec.date_end and rec.date_end < rec.date_start:
                raise ValidationError(
                    self.env._(
                        "%(record)s: the period in force ends before it starts.",
                        record=rec.display_name,
                    )
                )
            domain = [
                ("id", "!=", rec.id),
                ("company_id", "=", rec.company_id.id),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", rec.date_start),
            ]
            for fname in self._dated_key:
                value = rec[fname]
                domain.append(
                    (fname, "=", value.id if hasattr(value, "_name") else value)
                )
            if rec.date_end:
                domain.append(("date_start", "<=", rec.date_end))
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "%(record)s is in force on dates already covered by %(other)s "
                        "(from %(start)s). Close the older record first.",
                        record=rec.display_name,
                        other=other.display_name,
                        start=self._se_format_date(other.date_start),
                    )
                )

    @api.model
    def _in_force_domain(self, date, company=None):
        company = company or self.env.company
        return [
            ("date_start", "<=", date),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date),
            ("company_id", "in", [company.id, False]),
        ]

    @api.model
    def _get_in_force(self, date, domain=None, company=None, raise_if_missing=True):
        """The records in force on ``date``; a school's own record overrides the shared
        one with the same key. A missing value is an error, never a silent default."""
        date = fields.Date.to_date(date)
        records = self.search([*(domain or []), *self._in_force_domain(date, company)])
        by_key = {}
        for rec in records.sorted(lambda r: bool(r.company_id)):
            by_key[tuple(rec[f] for f in self._dated_key)] = rec
        found = self.browse([r.id for r in by_key.values()])
        if not found and raise_if_missing:
            raise UserError(
                self.env._(
                    "No %(what)s is in force on %(date)s for %(criteria)s. An "
                    "administrator must add it to the legal catalogue.",
                    what=self._description,
                    date=self._se_format_date(date),
                    criteria=domain or "-",
                )
            )
        return found
