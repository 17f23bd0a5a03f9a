"""Letter texts, one string table per language (en, de, nl, fr); see README.md."""
