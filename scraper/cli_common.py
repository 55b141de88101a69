"""What the `vnnews` command modules share."""

DEFAULT_DB = "data/archive.db"
