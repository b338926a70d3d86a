"""``cxaudit explore``: find the way to cancel, uninstall, reach a person or sign up without a journey file,
and write the path found as one (search.py: the search; moves.py: what a page offers; words.py: what its
words say; write.py: the journey file)."""

from cxaudit.explore.search import ExploreOptions, ExploreResult, explore

__all__ = ["ExploreOptions", "ExploreResult", "explore"]
