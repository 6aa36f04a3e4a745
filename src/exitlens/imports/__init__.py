"""Bring records from other systems into Exitlens: spreadsheets in, checked rows out."""
