"""Goal tracking cards: a goal's card (seed 001), its static part and tasks, and the
update of each four-month period."""
