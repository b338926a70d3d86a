"""The effort checks' helpers: the log-normal curve they score on (Lighthouse's tests) and the curve they read."""

from __future__ import annotations

import math

import pytest

from cxaudit.judge.detectors._effort import curve_of
from cxaudit.judge.scoring import log_normal_score


def test_log_normal_matches_lighthouse_control_points():
    p10, median = 3785, 7300
    assert log_normal_score(7300, p10, median) == 0.5
    assert log_normal_score(3785, p10, median) == 0.9
    assert log_normal_score(0, p10, median) == 1
    for value, expected in [(1000, 1.0), (2500, 0.98), (5000, 0.77), (7500, 0.48), (10000, 0.27), (30000, 0.0)]:
        assert log_normal_score(value, p10, median) == pytest.approx(expected, abs=0.01)
    assert log_normal_score(1_000_000, p10, median) == 0


@pytest.mark.parametrize("p10,median", [(200, 600), (3387, 5800), (0.1, 0.25), (28 * 1024, 128 * 1024), (2, 7), (1.0, 2.0)])
def test_log_normal_bands(p10, median):
    assert log_normal_score(math.nextafter(p10, 0), p10, median) >= 0.9
    assert log_normal_score(p10, p10, median) == 0.9
    assert log_normal_score(math.nextafter(p10, math.inf), p10, median) < 0.9
    assert log_normal_score(median, p10, median) == 0.5
    assert log_normal_score(math.nextafter(median, math.inf), p10, median) < 0.5
    assert log_normal_score(-5, p10, median) == 1
    assert log_normal_score(1e300, p10, median) >= 0


def test_log_normal_rejects_bad_parameters():
    for p10, median in [(500, 500), (1000, 500), (0, 5), (5, 0)]:
        with pytest.raises(ValueError):
            log_normal_score(1, p10, median)


def test_curve_of_accepts_mapping_model_or_default():
    from cxaudit.judge.catalogue import Curve

    assert curve_of({"curve": {"p10": 2, "median": 7}}) == (2, 7)
    assert curve_of({"curve": Curve(p10=1, median=3)}) == (1, 3)
    assert curve_of({}, (3, 4)) == (3, 4)
    with pytest.raises(KeyError):
        curve_of({})
