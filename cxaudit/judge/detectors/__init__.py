"""Detectors: pure functions over recorded observations, named by the checks that use them."""
