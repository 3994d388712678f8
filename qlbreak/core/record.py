"""``Record``: ``typing.NamedTuple`` for the type checker, a plain namedtuple at run time.

The stretch window must paint fast, and importing ``typing`` costs ~5 ms of its start
(5% of a bare Tk window's). ``class Point(Record): x: int; y: int = 0`` gives the
same fields, defaults, methods and tuple behaviour as ``NamedTuple`` would, and the
type checker sees ``NamedTuple`` itself. Modules on the window's import path use it
and the ``TYPE_CHECKING = False`` idiom (mypy reads it as ``typing.TYPE_CHECKING``).
"""

TYPE_CHECKING = False
__all__ = ["TYPE_CHECKING", "Record"]
if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    from collections import namedtuple

    class _RecordType(type):
        def __new__(mcls, name, bases, namespace):
            if not bases:
                return super().__new__(mcls, name, bases, namespace)
            fields = list(namespace.get("__annotations__", {}))
            defaults = [namespace[f] for f in fields if f in namespace]
            base = namedtuple(name, fields, defaults=defaults, module=namespace.get("__module__"))
            body = {k: v for k, v in namespace.items() if k not in fields}
            return type(name, (base,), {**body, "__slots__": ()})

    class Record(metaclass=_RecordType):
        __slots__ = ()
