from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Development tools: scale data (`manage.py generate_scale_data`) and benchmarks
    (`python -m elinvoima.bench`). Installed for its management command; no models, and no
    product module imports it."""

    name = "elinvoima.bench"
    label = "bench"
