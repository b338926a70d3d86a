"""Detectors: pure functions over recorded observations, one module per check, named after the check's id
(``login_wall.py`` judges checks/login_wall.yaml); helpers several checks share start with ``_``."""
