"""Data stage: bytes → text → YAML values with positions → schema-checked files."""
