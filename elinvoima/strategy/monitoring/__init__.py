"""Following a plan through: the logic model, causes for joy and worry, yearly evaluation
reports with recommendations to networks, and a county's hyte negotiations."""
