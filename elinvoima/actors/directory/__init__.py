"""The public directory of organisations of a municipality or a county: search, filters,
sorting and exports."""
