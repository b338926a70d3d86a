"""The results contract: the versioned results.json model, its JSON Schema, and loading saved runs."""
