import io
from contextvars import ContextVar

from odoo import api, models

from ..tools.pdf_pages import number_pages

OUR_REPORTS = "school_emulation_report."
# Set while wkhtmltopdf renders one of our documents (a context variable: a
# client cannot set it, and it does not leak to the next report of the request).
_NO_JAVASCRIPT = ContextVar("school_emulation_report_no_javascript", default=False)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _build_wkhtmltopdf_args(
        self,
        paperformat_id,
        landscape,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Our documents print with JavaScript off: text a user typed (a story, a
        plan's content) cannot run in wkhtmltopdf even if it escaped the HTML
        sanitiser. Nothing of ours needs it: the header is in the body and the page
        numbers are stamped afterwards (tools/pdf_pages.py)."""
        args = super()._build_wkhtmltopdf_args(
            paperformat_id,
            landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
        if _NO_JAVASCRIPT.get() and "--disable-javascript" not in args:
            args.append("--disable-javascript")
        return args

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        report = self._get_report(report_ref) if report_ref else self
        token = _NO_JAVASCRIPT.set(
            bool(report.report_name) and report.report_name.startswith(OUR_REPORTS)
        )
        try:
            return super()._run_wkhtmltopdf(
                bodies,
                report_ref=report_ref,
                header=header,
                footer=footer,
                landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size,
            )
        finally:
            _NO_JAVASCRIPT.reset(token)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Number the pages of our administrative documents (top centre, from page
        2; NĐ 30/2020), one numbering per document."""
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        if not report.report_name.startswith(OUR_REPORTS):
            return streams
        if report.paperformat_id.orientation == "Landscape":
            return streams  # certificates: one page, no number
        for stream_data in streams.values():
            stream = stream_data.get("stream")
            if stream and not stream_data.get("attachment"):
                numbered = number_pages(stream.getvalue())
                stream_data["stream"] = io.BytesIO(numbered)
        return streams
