"""Model stage: frozen types built from checked files, cross-file checks, derived facts."""
