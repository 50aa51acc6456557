from . import test_access_rights
from . import test_catalogue
from . import test_import
from . import test_install
from . import test_people
from . import test_period
from . import test_translations
from . import test_ui
