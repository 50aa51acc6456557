from . import test_install
from . import test_period
from . import test_translations
from . import test_ui
