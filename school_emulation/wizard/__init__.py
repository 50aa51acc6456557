from . import school_emulation_registration_return
from . import school_emulation_movement_register
from . import school_emulation_block_vote
