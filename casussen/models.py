"""Models of casussen."""
