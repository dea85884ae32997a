"""Models of poort."""
