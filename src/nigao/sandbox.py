"""Rendering a skeleton someone else wrote, under limits: size, steps, time and memory.

Jinja2's `SandboxedEnvironment` keeps a template away from Python internals, but not from the
machine: `{{ 'x' * 1000000000 }}`, `{{ 9 ** (9 ** 9) }}`, nested loops and a recursive macro
each exhaust memory or time. A user skeleton (`--library`) is such a template, so every render
runs here under four budgets, each a `LimitError` naming what ran out:

- steps: every loop iteration and every call (macros, methods, `loop()`) counts; a render may
  take `MAX_STEPS`. Loops are counted by rewriting each `{% for %}` to iterate through a
  counter, at parse time, so no loop escapes it;
- sizes: `*`, `**`, `+`, `%` and every call or filter are checked before they run, so no single
  operation can build a value beyond `MAX_TEXT` characters or an integer beyond `MAX_INT_BITS`;
- output: a rendered body over `MAX_TEXT` characters is refused;
- wall time and memory, as a backstop for anything the checks above do not foresee: an interval
  timer (`MAX_SECONDS`, main thread only) and an address-space limit raised by `MAX_MEMORY`
  over what the process already maps, both restored after the render.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

MAX_STEPS = 100_000  # loop iterations + calls in one render
MAX_TEXT = 1_000_000  # characters of any value or of the output
MAX_INT_BITS = 4_096  # about 1,200 decimal digits
MAX_SECONDS = 5
MAX_MEMORY = 256 * 1024 * 1024  # bytes of address space a render may add
MAX_RECURSION = 200  # nested macro calls

_WIDTH = re.compile(r"%[-+ #0]*(\d+)|\{[^{}]*?:[^{}]*?(\d+)")


class LimitError(Exception):
    """A render ran out of one of its budgets; the message is Chinese (what ran out)."""


class _Budget:
    def __init__(self) -> None:
        self.steps = 0
        self.depth = 0

    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_STEPS:
            raise LimitError(f"循环和调用次数超过上限（{MAX_STEPS} 次）")


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    return 1


def _check_value(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_INT_BITS:
            raise LimitError(f"整数过大（超过 {MAX_INT_BITS} 位二进制）")
    elif _size(value) > MAX_TEXT:
        raise LimitError(f"生成的文字过长（超过 {MAX_TEXT} 个字符）")
    return value


def _check_args(args: Iterable[Any]) -> None:
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_TEXT:
            raise LimitError(f"数值过大（超过 {MAX_TEXT}）")
        if isinstance(arg, str):
            for match in _WIDTH.finditer(arg):
                width = match.group(1) or match.group(2)
                if len(width) > 7 or int(width) > MAX_TEXT:
                    raise LimitError(f"格式宽度过大（超过 {MAX_TEXT}）")
        else:
            _check_value(arg)


def _guard_binop(op: str, left: Any, right: Any) -> None:
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if op == "**" and ints:
        if right > 0 and abs(left) > 1 and abs(left).bit_length() * right > MAX_INT_BITS:
            raise LimitError(f"乘方结果过大（超过 {MAX_INT_BITS} 位二进制）")
    elif op == "*":
        if ints:
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise LimitError(f"乘积过大（超过 {MAX_INT_BITS} 位二进制）")
        else:
            count = right if isinstance(right, int) else left if isinstance(left, int) else 1
            if count > 0 and max(_size(left), _size(right)) * count > MAX_TEXT:
                raise LimitError(f"生成的文字过长（超过 {MAX_TEXT} 个字符）")
    elif op == "+" and _size(left) + _size(right) > MAX_TEXT:
        raise LimitError(f"生成的文字过长（超过 {MAX_TEXT} 个字符）")
    elif op == "%" and isinstance(left, str):
        _check_args([left])


def environment(**options: Any) -> Any:
    """A SandboxedEnvironment whose renders are bounded (use `render` to run one)."""
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment
    from jinja2.visitor import NodeTransformer

    class _Counted(NodeTransformer):
        """Every `{% for %}` iterates through the step counter; every `~` joins through a check."""

        def visit_For(self, node: Any) -> Any:  # noqa: N802 - jinja2's visitor naming
            node = self.generic_visit(node)
            node.iter = nodes.Call(nodes.Name("_nigao_loop", "load"), [node.iter], [], None, None)
            return node

        def visit_Concat(self, node: Any) -> Any:  # noqa: N802
            node = self.generic_visit(node)
            return nodes.Call(nodes.Name("_nigao_concat", "load"), node.nodes, [], None, None)

    class Limited(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.budget = _Budget()
            self.globals["_nigao_loop"] = self._loop
            self.globals["_nigao_concat"] = self._concat
            self.filters = {name: self._filter(f) for name, f in self.filters.items()}

        def _loop(self, iterable: Any) -> Iterator[Any]:
            for item in iterable:
                self.budget.step()
                yield item

        def _filter(self, func: Any) -> Any:
            @functools.wraps(func)
            def checked(*args: Any, **kwargs: Any) -> Any:
                self.budget.step()
                _check_args([*args[1:], *kwargs.values()])
                return _check_value(func(*args, **kwargs))

            return checked

        def _concat(self, *parts: Any) -> str:
            self.budget.step()
            return _check_value("".join(map(str, parts)))

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            return _Counted().visit(super()._parse(source, name, filename))

        def wrap_str_format(self, value: Any) -> Any:
            """`'{:>999999999}'.format(…)`: the format string's widths are checked first."""
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            _check_args([value.__self__])

            def checked(*args: Any, **kwargs: Any) -> str:
                _check_args([*args, *kwargs.values()])
                return _check_value(wrapped(*args, **kwargs))

            return checked

        def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
            self.budget.step()
            _guard_binop(op, left, right)
            return _check_value(super().call_binop(context, op, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            __self.budget.step()
            _check_args([*args, *kwargs.values()])
            __self.budget.depth += 1
            try:
                if __self.budget.depth > MAX_RECURSION:
                    raise LimitError(f"宏或函数嵌套调用过深（超过 {MAX_RECURSION} 层）")
                result = super().call(__context, __obj, *args, **kwargs)
            finally:
                __self.budget.depth -= 1
            return _check_value(result)

    return Limited(**options)


def render(template: Any, context: dict[str, Any]) -> str:
    """Render under every budget; raise LimitError (Chinese) when one runs out."""
    env = template.environment
    env.budget = _Budget()
    with _deadline(), _memory_cap():
        try:
            text = template.render(context)
        except MemoryError:
            raise LimitError("占用内存超过上限") from None
        except RecursionError:
            raise LimitError("宏或函数嵌套调用过深") from None
        except OverflowError:
            raise LimitError("数值过大") from None
    if len(text) > MAX_TEXT:
        raise LimitError(f"生成的文字过长（超过 {MAX_TEXT} 个字符）")
    return text


@contextlib.contextmanager
def _deadline() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expired(_signum: int, _frame: Any) -> None:
        raise LimitError(f"生成时间超过上限（{MAX_SECONDS} 秒）")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_cap() -> Iterator[None]:
    """RLIMIT_AS raised only MAX_MEMORY above what the process maps now (Linux, main thread:
    the limit is the whole process's, so a server's request threads do without it)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            mapped = int(handle.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = mapped + MAX_MEMORY
        if soft != resource.RLIM_INFINITY and soft <= cap:
            yield
            return
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
