from django.urls import path  # noqa: F401 (each section below adds its paths)

app_name = "strategy"

urlpatterns = [
    # --- Plans: list, one-page plan, versions, decisions, priority areas, goals ---
    # --- Goal tracking cards and measures ---
    # --- Logic model, joy and worry lists, evaluation, hyte negotiations ---
]
