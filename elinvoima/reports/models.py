"""The reports app's models live in its sub-packages; importing them here lets Django
register them under the app's label."""

from elinvoima.reports.impact.models import GoalDomain  # noqa: F401
from elinvoima.reports.surveys.models import (  # noqa: F401
    StatementAnswer,
    Survey,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatement,
    ThemeAnswer,
)
from elinvoima.reports.welfare.models import (  # noqa: F401
    Contribution,
    Report,
    ReportDecision,
    ReportFile,
    ReportSection,
)
