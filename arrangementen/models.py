"""Models of arrangementen."""
