from . import res_company
from . import ir_actions_report
from . import report_documents
from . import school_emulation_proposal
from . import school_emulation_award
from . import xlsx_exports
