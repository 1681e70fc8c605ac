"""Measures (toimenpiteet): their definition under a goal, implementers' period reports,
"my measures" and what needs attention. Builds on plans and goal cards (the periods)."""
