"""Functions that SQLite lacks, registered on each new SQLite connection (CoreConfig.ready
connects `register`): what core.text_search needs to behave as PostgreSQL does."""

from .text_search import document_stems


def _casefold(text: str | None) -> str | None:
    return None if text is None else text.casefold()


def _stems(text: str | None, language: str) -> str:
    return document_stems(text or "", language)


def register(sender, connection, **kwargs) -> None:
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("elinvoima_casefold", 1, _casefold, deterministic=True)
    raw.create_function("elinvoima_stems", 2, _stems, deterministic=True)
