"""Export formats: one module per target, each a pure function from phrases to bytes."""
