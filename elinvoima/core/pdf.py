"""A page on paper: a self-contained HTML document as a tagged PDF (WeasyPrint), fetching
nothing — the print templates reference no file, and the fetcher refuses every URL but
`data:` (the wellbeing card, a meeting's agenda and minutes)."""

from pathlib import Path

from django.http import HttpResponse

# Relative URLs resolve here, never against a server; nothing under it is fetched.
BASE_URL = (Path(__file__).parent / "templates").as_uri() + "/"


def pdf_response(pdf: bytes, name: str) -> HttpResponse:
    """A PDF shown in the browser, saved as `name`.pdf."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def pdf_from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML document (tagged, for screen readers)."""
    from weasyprint import HTML, URLFetcher  # lazily: only the PDF pages need Pango

    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    return document.write_pdf(pdf_tags=True)
