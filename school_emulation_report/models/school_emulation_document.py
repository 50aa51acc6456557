from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.school_emulation.models.school_emulation_state_mixin import (
    check_officer,
)

# Document type = the report template that prints it
# (report.school_emulation_report.<type>); another document joins with
# ``selection_add`` and a ``_default_texts`` on its report model.
DOCUMENT_TYPES = [
    ("report_proposal", "Proposal Letter (Tờ trình)"),
    ("report_decision", "Award Decision"),
    ("report_certificate", "Certificate"),
    ("report_year_end", "Year-End Report"),
]
# Explicit links to the source, by its model (record rules, navigation).
SOURCE_FIELDS = {
    "school.emulation.proposal": "proposal_id",
    "school.emulation.decision": "decision_id",
    "school.emulation.award": "award_id",
}
# Written by the chatter on any record, issued or not.
FREE_FIELDS = {"message_main_attachment_id", "message_follower_ids", "activity_ids"}
# The editable parts, as the templates read them (``_texts``).
TEXT_FIELDS = (
    "addressee",
    "legal_basis_text",
    "body",
    "recipients",
    "signer_title",
    "signer_name",
)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SchoolEmulationDocument(models.Model):
    """One generated administrative document (Tờ trình, decision, certificate...)
    of a source record: prepared from the data as a draft, edited by the officer,
    then issued. An issued document is frozen: its PDF is stored as an attachment
    of the source record and every later print returns that same PDF.

    Generic: the document type is the report that prints it; the report's model
    (``school.emulation.document.mixin``) generates the texts (``_default_texts``)
    and reads them back (``_document_texts``)."""

    _name = "school.emulation.document"
    _description = "Administrative Document"
    _inherit = ["mail.thread", "school.emulation.state.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _TRANSITIONS = {"draft": {"issued"}, "issued": set()}
    _SERVER_FIELDS = (
        "document_type",
        "res_model",
        "res_id",
        "proposal_id",
        "decision_id",
        "award_id",
        "number",
        "issued_date",
        "issued_by_id",
        "attachment_id",
    )
    _LOCKED_STATES = ("issued",)

    name = fields.Char(compute="_compute_name", store=True)
    document_type = fields.Selection(
        DOCUMENT_TYPES, string="Document", required=True, readonly=True
    )
    res_model = fields.Char(string="Source Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source ID", model_field="res_model", required=True, readonly=True
    )
    proposal_id = fields.Many2one(
        "school.emulation.proposal",
        string="Proposal",
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    decision_id = fields.Many2one(
        "school.emulation.decision",
        string="Decision",
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    award_id = fields.Many2one(
        "school.emulation.award",
        string="Award",
        index=True,
        ondelete="cascade",
        readonly=True,
        check_company=True,
    )
    number = fields.Char(
        readonly=True,
        help="From the source's register (Tờ trình number, decision number); "
        "frozen when the document is issued.",
    )
    date = fields.Date(
        help="Date of the document; empty: the date of the source (submission, "
        "decision)."
    )
    addressee = fields.Char(string="Addressed To", help="Kính gửi: ...")
    legal_basis_text = fields.Text(
        string="Legal Bases", help="One 'Căn cứ ...;' line per legal basis."
    )
    body = fields.Html(sanitize_style=True)
    recipients = fields.Text(
        string="Recipients (Nơi nhận)", help="One recipient per line."
    )
    signer_title = fields.Char()
    signer_name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    issued_date = fields.Datetime(string="Issued On", readonly=True, copy=False)
    issued_by_id = fields.Many2one(
        "res.users", string="Issued By", readonly=True, copy=False
    )
    attachment_id = fields.Many2one(
        "ir.attachment",
        string="Issued PDF",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company",
        string="School",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "source_unique",
            "UNIQUE(res_model, res_id, document_type)",
            "A record has one document of each type.",
        ),
    ]

    @api.depends("document_type", "number")
    def _compute_name(self):
        labels = dict(self._fields["document_type"]._description_selection(self.env))
        for rec in self:
            label = labels.get(rec.document_type, "")
            rec.name = f"{label} {rec.number}" if rec.number else label

    # --- guards -----------------------------------------------------------------
    def _check_write_locked(self, vals):
        """Nothing of an issued document changes, whoever calls."""
        names = set(vals) - FREE_FIELDS
        if names and self.filtered(lambda d: d.state == "issued"):
            raise UserError(
                self.env._(
                    "An issued document cannot be changed: it is printed as it was "
                    "issued."
                )
            )

    def write(self, vals):
        if not self._is_trusted() and set(vals) - FREE_FIELDS:
            check_officer(
                self.env, self.env._("Only the emulation officer edits documents.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        if any(rec.state == "issued" for rec in self):
            raise UserError(self.env._("An issued document cannot be deleted."))

    # --- source and texts -------------------------------------------------------
    def _source(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def _report(self):
        self.ensure_one()
        return self.env[f"report.school_emulation_report.{self.document_type}"]

    @api.model
    def _for_record(self, record, document_type):
        """The document of ``document_type`` of ``record`` (sudo: it is read as a
        part of its source, which the caller has checked), or an empty set."""
        if not record.id:
            return self.sudo().browse()
        return (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("document_type", "=", document_type),
                ],
                limit=1,
            )
        )

    @api.model
    def _issued_pdf_name(self, record, document_type):
        """Name of the stored PDF of ``record``'s issued document, or False: the
        reports' ``attachment`` expression (``attachment_use`` then returns the
        stored PDF on every print)."""
        document = self._for_record(record, document_type)
        if document.state != "issued":
            return False
        return document._pdf_name()

    def _pdf_name(self):
        self.ensure_one()
        number = (self.number or "").replace("/", "-")
        return f"{self.document_type}-{self.id}-{number}.pdf"

    def _texts(self):
        """The texts a template prints (``_document_texts``)."""
        self.ensure_one()
        texts = {
            "addressee": self.addressee or "",
            "bases": _lines(self.legal_basis_text),
            "body": self.body or Markup(),
            "recipients": _lines(self.recipients),
            "signer_title": self.signer_title or "",
            "signer_name": self.signer_name or "",
        }
        if self.number:
            texts["number"] = self.number
        if self.date:
            texts["date"] = self.date
        return texts

    @api.model
    def _values_from_texts(self, texts):
        return {
            "addressee": texts.get("addressee") or False,
            "legal_basis_text": "\n".join(texts.get("bases") or ()),
            "body": texts.get("body") or False,
            "recipients": "\n".join(texts.get("recipients") or ()),
            "signer_title": texts.get("signer_title") or False,
            "signer_name": texts.get("signer_name") or False,
        }

    # --- actions ----------------------------------------------------------------
    @api.model
    def action_prepare_document(self, res_model, res_ids, document_type):
        """Prepare (or open) the draft document of ``document_type`` of each
        record: generated from the data, then edited in its form. Officer only."""
        _ = self.env._
        check_officer(self.env, _("Only the emulation officer prepares documents."))
        if document_type not in dict(DOCUMENT_TYPES):
            raise UserError(
                _("Unknown document type %(type)s.", type=str(document_type))
            )
        Report = self.env[f"report.school_emulation_report.{document_type}"]
        if res_model != Report._document_model:
            raise UserError(
                _(
                    "A %(type)s is not prepared from %(model)s.",
                    type=dict(
                        self._fields["document_type"]._description_selection(self.env)
                    )[document_type],
                    model=str(res_model),
                )
            )
        ids = self.env["school.emulation.input.mixin"]._clean_ids(
            res_ids, _("Records"), allow_empty=False
        )
        records = self.env[res_model].browse(ids).exists()
        if not records:
            raise UserError(_("Nothing to prepare: the record no longer exists."))
        records.check_access("read")
        documents = self.browse()
        for record in records:
            document = self._for_record(record, document_type).sudo(False)
            if not document:
                document = self._create_from(record, document_type, Report)
            documents |= document
        action = {
            "type": "ir.actions.act_window",
            "name": _("Documents"),
            "res_model": self._name,
            "view_mode": "form" if len(documents) == 1 else "list,form",
            "domain": [("id", "in", documents.ids)],
        }
        if len(documents) == 1:
            action["res_id"] = documents.id
        return action

    @api.model
    def _create_from(self, record, document_type, report):
        texts = report._default_texts(record)
        vals = self._values_from_texts(texts)
        vals.update(
            {
                "document_type": document_type,
                "res_model": record._name,
                "res_id": record.id,
                "company_id": record.company_id.id,
            }
        )
        if record._name in SOURCE_FIELDS:
            vals[SOURCE_FIELDS[record._name]] = record.id
        with self._trusted():
            return self.create(vals)

    def action_issue(self):
        """Freeze the document: number and date as printed, the PDF stored."""
        check_officer(
            self.env, self.env._("Only the emulation officer issues documents.")
        )
        self._check_transition("issued")
        for rec in self:
            problems = rec._report()._issue_problems(rec._source())
            if problems:
                raise UserError(
                    self.env._(
                        "%(document)s cannot be issued yet: write %(missing)s first.",
                        document=rec.name or rec.document_type,
                        missing="; ".join(problems),
                    )
                )
        # the PDF itself, even under the test runner (which renders HTML unless
        # asked), and no attachment of Odoo's own: ours is made below
        Report = self.env["ir.actions.report"].with_context(
            report_pdf_no_attachment=True, force_report_rendering=True
        )
        for rec in self:
            source = rec._source()
            report = rec._report()
            texts = report._document_texts(source)
            date = texts.get("date") or rec.date or self._se_today(rec.company_id)
            number = texts.get("number") or False
            if report._register_kind and not rec.number:
                # a document numbered when it is issued: the next number of the
                # school's register of its kind (01/BC-THCSXS)
                number = rec.company_id._se_next_number(report._register_kind, date)
            with rec._trusted():
                rec.write({"number": number, "date": date})
            pdf, _kind = Report._render_qweb_pdf(
                f"school_emulation_report.{rec.document_type}", source.ids
            )
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": rec._pdf_name(),
                        "raw": pdf,
                        "mimetype": "application/pdf",
                        "res_model": source._name,
                        "res_id": source.id,
                        "company_id": rec.company_id.id,
                    }
                )
            )
            rec._write_state(
                {
                    "state": "issued",
                    "issued_date": fields.Datetime.now(),
                    "issued_by_id": self.env.uid,
                    "attachment_id": attachment.id,
                }
            )
            rec.message_post(
                body=self.env._(
                    "Issued by %(user)s: the stored PDF is printed from now on.",
                    user=self.env.user.name,
                )
            )
        return True

    def action_print(self):
        """Print the document from its source (the issued PDF once issued)."""
        self.ensure_one()
        return self.env.ref(
            f"school_emulation_report.action_{self.document_type}"
        ).report_action(self._source())
