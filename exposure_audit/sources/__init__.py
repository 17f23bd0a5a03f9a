"""Sources: folders, single photos and archives, read in place; profile URLs."""
