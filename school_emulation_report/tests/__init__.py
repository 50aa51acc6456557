from . import test_install
from . import test_translations
from . import test_documents
from . import test_tours
from . import test_sanitise
from . import test_isolation_reports
