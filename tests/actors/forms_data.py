"""Form data shared by tests that post the organisation profile form."""

# The management forms of the contact and meeting place formsets, with no rows.
EMPTY_FORMSETS = {
    f"{prefix}-{key}": value
    for prefix in ("contacts", "places")
    for key, value in (
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    )
}
