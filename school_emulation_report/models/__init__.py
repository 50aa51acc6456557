from . import ir_actions_report
from . import res_company
from . import school_emulation_award
from . import school_emulation_document
from . import school_emulation_movement
from . import school_emulation_period
from . import school_emulation_proposal
from . import school_emulation_xlsx_export
