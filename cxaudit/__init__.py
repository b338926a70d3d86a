"""cxaudit: audit customer journeys on websites for friction, with evidence.

Library first; the CLI wraps these:

    from cxaudit import load_journeys, run_journeys, RunOptions
    run, folder = run_journeys(load_journeys(["journeys/demo"]), RunOptions(base_url="http://127.0.0.1:8765"))
"""

from cxaudit.shipped import VERSION as __version__

__all__ = ["RunOptions", "__version__", "judge_run", "load_journey", "load_journeys", "load_run", "run_journeys"]


def __getattr__(name: str):  # lazy: `cxaudit --help` must not import the browser stack
    if name in ("load_journeys", "load_journey"):
        from cxaudit import journey

        return getattr(journey, name)
    if name in ("run_journeys", "RunOptions"):
        from cxaudit.record import runner

        return getattr(runner, name)
    if name == "judge_run":
        from cxaudit.judge.engine import judge_run

        return judge_run
    if name == "load_run":
        from cxaudit.results.model import load_run

        return load_run
    raise AttributeError(name)
