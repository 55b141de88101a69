"""vnnews archive: SQLite storage for scraped articles, browsed with Datasette."""

from archive.store import Archive, UpsertStatus

__all__ = ["Archive", "UpsertStatus"]
