"""Models of monitor."""
