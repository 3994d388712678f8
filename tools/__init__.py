"""Build-time only: never shipped in the wheel (a test checks)."""
