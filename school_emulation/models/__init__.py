from . import school_emulation_period
