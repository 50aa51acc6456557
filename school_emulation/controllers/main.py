from odoo import http
from odoo.http import request
from odoo.tools import html_sanitize

from ..models.school_emulation_exemplar import is_safe_url

# Only these fields leave the database for the public page; students appear by name
# and class only.
EXEMPLAR_FIELDS = ["name", "exemplar_type", "public_name", "story", "media_url"]


def public_html(value):
    """Rich text for the anonymous page, sanitised again at render time: the
    stored value was sanitised on write, but a value written before that rule, by
    SQL or through a field without it must not carry a script or a javascript:
    link to the public."""
    if not value:
        return ""
    return html_sanitize(
        value,
        sanitize_tags=True,
        sanitize_attributes=True,
        sanitize_style=True,
        sanitize_form=True,
        strip_style=True,
        strip_classes=True,
    )


class SchoolEmulationPublic(http.Controller):
    """Public page of published exemplars and recognised initiatives."""

    def _published_exemplars(self, company_id=None):
        domain = [
            ("is_published", "=", True),
            ("state", "in", ("recognised", "replicated")),
        ]
        if company_id:
            domain.append(("company_id", "=", company_id))
        # sudo(): the public user has no ACL; the domain above is the whole filter
        # and only EXEMPLAR_FIELDS are read.
        return request.env["school.emulation.exemplar"].sudo().search(domain)

    def _published_initiatives(self, company_id=None):
        domain = [("is_published", "=", True), ("state", "=", "recognised")]
        if company_id:
            domain.append(("company_id", "=", company_id))
        return request.env["school.emulation.initiative"].sudo().search(domain)

    @http.route(
        ["/thi-dua/guong-dien-hinh", "/thi-dua/guong-dien-hinh/<int:company_id>"],
        type="http",
        auth="public",
        website=False,
        sitemap=False,
    )
    def exemplars(self, company_id=None, **kwargs):
        exemplars = self._published_exemplars(company_id)
        initiatives = self._published_initiatives(company_id)
        types = dict(
            exemplars._fields["exemplar_type"]._description_selection(request.env)
        )
        values = {
            "exemplars": [
                {
                    "id": row["id"],
                    "name": row["name"],
                    "type": types.get(row["exemplar_type"], ""),
                    "who": row["public_name"],
                    "story": public_html(row["story"]),
                    "media_url": row["media_url"]
                    if is_safe_url(row["media_url"])
                    else False,
                }
                for row in exemplars.read(EXEMPLAR_FIELDS)
            ],
            # No photo of a minor on the public page.
            "has_image": {
                rec.id: bool(rec.image) and rec.subject_type != "student"
                for rec in exemplars
            },
            "initiatives": [
                {
                    "name": rec.name,
                    "authors": ", ".join(rec.author_ids.employee_id.mapped("name")),
                    "scope": dict(
                        rec._fields["recognised_scope"]._description_selection(
                            request.env
                        )
                    ).get(rec.recognised_scope, ""),
                    "year": rec.period_id.name,
                }
                for rec in initiatives
            ],
        }
        return request.render("school_emulation.public_exemplars", values)

    @http.route(
        "/thi-dua/guong-dien-hinh/anh/<int:exemplar_id>",
        type="http",
        auth="public",
        sitemap=False,
    )
    def exemplar_image(self, exemplar_id, **kwargs):
        exemplar = self._published_exemplars().filtered(lambda r: r.id == exemplar_id)
        if not exemplar or not exemplar.image or exemplar.subject_type == "student":
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_image_stream_from(exemplar, "image")
            .get_response()
        )
