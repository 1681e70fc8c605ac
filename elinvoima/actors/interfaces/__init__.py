"""Interfaces (yhdyspinnat) between a wellbeing services county and its municipalities: the
themes they work on together and who is the contact person on either side."""
