from . import school_emulation_registration_return
from . import school_emulation_movement_register
from . import school_emulation_revoke
from . import school_emulation_proposal_reason
from . import school_emulation_eligibility_wizard
from . import school_emulation_adhoc_award
from . import school_emulation_paper_tally
from . import school_emulation_proposal_acceptance
