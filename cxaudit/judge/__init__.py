"""Judging without a browser: the check catalogue, lexicons, language, the engine, detectors and scoring."""
