"""Journey files: the validated model of a journey (``model``) and the loader with file:line errors (``loader``).

``cxaudit.journey`` is the public module: what a caller needs is importable from here.
"""

from cxaudit.journey.loader import journey_files, load_journey, load_journeys, parse_journey, validate_files
from cxaudit.journey.model import (
    GOALS,
    SECRET_MASK,
    STEP_MODELS,
    STEP_OPTION_KEYS,
    ChatParams,
    Condition,
    FillParams,
    GateParams,
    Journey,
    Target,
)

__all__ = ["GOALS", "SECRET_MASK", "STEP_MODELS", "STEP_OPTION_KEYS", "ChatParams", "Condition", "FillParams", "GateParams",
           "Journey", "Target", "journey_files", "load_journey", "load_journeys", "parse_journey",
           "validate_files"]
