"""Test doubles of a model server for tests and users' tests: the loopback ``Responder`` and
``BatchServer`` (real HTTP on 127.0.0.1) and the in-process ``FakeModel`` (no socket). No library
module imports this package.
"""

from briefing.testing.batch_server import BatchServer
from briefing.testing.inprocess import FakeModel
from briefing.testing.responder import (
    LoopbackServer,
    RateLimits,
    Reply,
    Responder,
    completion_body,
    load_answers,
)

__all__ = ["BatchServer", "FakeModel", "LoopbackServer", "RateLimits", "Reply", "Responder", "completion_body",
           "load_answers"]
