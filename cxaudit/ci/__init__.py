"""CI as a library: cxaudit.yaml, the gate, comparing runs, shards, merging and repeated runs."""
