from django.urls import path  # noqa: F401 (each section below adds its paths)

app_name = "indicators"

urlpatterns = [
    # --- Sotkanet import: upload, progress, summary ---
    # --- Catalogue, indicator pages and charts ---
    # --- HYTE coefficient, indicator sets, experiential data ---
]
