import io

from odoo import models

from ..tools.pdf_pages import number_pages


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Number the pages of our administrative documents (top centre, from page
        2; NĐ 30/2020), one numbering per document."""
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        if not report.report_name.startswith("school_emulation_report."):
            return streams
        if report.paperformat_id.orientation == "Landscape":
            return streams  # certificates: one page, no number
        for stream_data in streams.values():
            stream = stream_data.get("stream")
            if stream and not stream_data.get("attachment"):
                numbered = number_pages(stream.getvalue())
                stream_data["stream"] = io.BytesIO(numbered)
        return streams
