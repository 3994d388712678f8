"""What the unit tests of the tray's service share."""

from __future__ import annotations

import pytest


@pytest.fixture
def app(tmp_path):
    """The service at Monday 09:25 on fakes (tests/unit/test_service.py ``Rig``), one step in."""
    from tests.unit.test_service import Rig

    a = Rig(tmp_path)
    a.service.step()
    yield a
    a.history.close()
