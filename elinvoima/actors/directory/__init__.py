"""The public directory of organisations of a municipality or a county: search, filters,
sorting and exports."""

# elinvoima/strategy/plan_forms.py imports the widget from here; drop this line once it
# imports it from elinvoima.actors.directory.forms.
from elinvoima.actors.directory.forms import QuickSelect  # noqa: F401
