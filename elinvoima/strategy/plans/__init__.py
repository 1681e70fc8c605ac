"""Plans: the lists of an owner's plans, the one-page plan, versions and the approval chain,
priority areas, goals and their indicators."""
