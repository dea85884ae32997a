"""Models of meldingen."""
