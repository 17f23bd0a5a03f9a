"""The audit: the one private SQLite file that holds everything a scan learns."""
