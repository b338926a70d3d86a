"""YAML files whose errors name the line: a safe loader that refuses duplicate keys, a map from every
data path to its line, and the formatting of pydantic error locations (``steps[3].click``). Shared by
journey files and cxaudit.yaml.

Loading is bounded, so that no file can make cxaudit hang or fail inside: a file is at most ``MAX_BYTES``
long, nests at most ``MAX_DEPTH`` levels, expands (aliases included) to at most ``MAX_VALUES`` values, and
writes no number longer than ``MAX_NUMBER`` characters. The README's "Journey files" lists the limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_VALUES = 100_000
MAX_NUMBER = 100


class YamlSyntaxError(Exception):
    """The text is not YAML; ``line`` and a one-line ``problem`` say where and why."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"{line}: {problem}")
        self.line = line
        self.problem = problem

    @property
    def message(self) -> str:
        return f"YAML syntax error: {self.problem}"


class YamlLimitError(YamlSyntaxError):
    """The text is YAML but over one of cxaudit's limits (size, nesting, values, number length)."""

    @property
    def message(self) -> str:
        return self.problem


class _Limit(yaml.MarkedYAMLError):
    """Raised while parsing when the text goes over a limit; becomes a YamlLimitError."""


def short(value: Any, size: int = 60) -> str:
    """``repr(value)`` cut to ``size`` characters, for a message that stays one readable line."""
    text = repr(value)
    return text if len(text) <= size else text[: size - 1] + "…"


class LineLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate keys and unhashable keys, nesting deeper than ``MAX_DEPTH`` and
    numbers longer than ``MAX_NUMBER``, and turns a scalar it cannot convert (``2001-13-45``, ``!!int x``)
    into an error at its line."""

    def __init__(self, stream: Any):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Limit(None, None, f"nested deeper than {MAX_DEPTH} levels, the most cxaudit reads; "
                             "flatten the structure", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:  # a scalar its type cannot hold
            tag = node.tag.rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None, None, f"{short(node.value)} is not a valid {tag} ({exc}); quote it if it is text",
                node.start_mark) from None

    def construct_number(self, node: yaml.ScalarNode) -> Any:
        if len(node.value) > MAX_NUMBER:
            raise _Limit(None, None, f"a number of {len(node.value):,} characters; cxaudit reads numbers of at most "
                         f"{MAX_NUMBER}; quote it if it is text", node.start_mark)
        return (self.construct_yaml_int if node.tag.endswith(":int") else self.construct_yaml_float)(node)


LineLoader.add_constructor("tag:yaml.org,2002:int", LineLoader.construct_number)
LineLoader.add_constructor("tag:yaml.org,2002:float", LineLoader.construct_number)


def construct_mapping(loader: LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, f"a key must be text or a number, got a {type(key).__name__}", key_node.start_mark
            ) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)


def line_map(node: yaml.Node, path: tuple = (), out: dict | None = None) -> dict[tuple, int]:
    """Map every data path (keys and list indexes) to the 1-based line where it starts."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            out[path + (key,)] = key_node.start_mark.line + 1
            line_map(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            line_map(item, path + (i,), out)
    return out


def nice_loc(loc: tuple) -> tuple:
    """Drop the union tags pydantic puts in locations (steps.3.click.click.name -> steps.3.click.name)."""
    out: list = []
    for part in loc:
        if out and part == out[-1] and isinstance(part, str):
            continue
        if isinstance(part, str) and part.startswith("function-"):
            continue
        out.append(part)
    return tuple(out)


def format_path(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_for(loc: tuple, lines: dict[tuple, int]) -> int:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _expanded(node: yaml.Node, level: int, memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(values, levels) of a node with its aliases expanded, memoised per node so that a billion laughs costs
    one visit a node; ``_Limit`` as soon as either passes cxaudit's limit (a recursive alias does both)."""
    if id(node) in memo:
        values, levels = memo[id(node)]
    else:
        if level > MAX_DEPTH:  # before the children: an alias that contains itself never ends
            _too_deep(node)
        values, levels = 1, 1
        children = ([part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode)
                    else node.value if isinstance(node, yaml.SequenceNode) else [])
        for child in children:
            child_values, child_levels = _expanded(child, level + 1, memo)
            values, levels = values + child_values, max(levels, child_levels + 1)
        memo[id(node)] = values, levels
    if level + levels - 1 > MAX_DEPTH:
        _too_deep(node)
    if values > MAX_VALUES:
        raise _Limit(None, None, f"its aliases expand to more than {MAX_VALUES:,} values, the most cxaudit reads "
                     "(an alias bomb?); write the values out or use fewer aliases", node.start_mark)
    return values, levels


def _too_deep(node: yaml.Node) -> None:
    raise _Limit(None, None, f"nested deeper than {MAX_DEPTH} levels once its aliases are expanded, the most "
                 "cxaudit reads (an alias that contains itself?); flatten the structure", node.start_mark)


def read_yaml(path: str | Path) -> str:
    """A YAML file's text, read only up to ``MAX_BYTES``: ``YamlLimitError`` when it is longer; OSError and
    UnicodeDecodeError as reading raises them."""
    with open(path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise YamlLimitError(1, f"the file is larger than {MAX_BYTES // 1024 // 1024} MB, the most cxaudit reads "
                             "from a YAML file; split it into smaller files")
    return raw.decode("utf-8")


def load_with_lines(text: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML text (duplicate keys refused, within the limits above) into its data and a map of data
    paths to lines."""
    if len(text) > MAX_BYTES:
        raise YamlLimitError(1, f"the text is longer than {MAX_BYTES // 1024 // 1024} MB, the most cxaudit reads "
                             "from a YAML file; split it into smaller files")
    loader: LineLoader | None = None
    try:
        loader = LineLoader(text)  # the reader refuses control characters here already
        node = loader.get_single_node()
        if node is not None:
            _expanded(node, 1, {})
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        context, cmark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and cmark is not None and cmark.line + 1 != line:
            problem += f" ({context} on line {cmark.line + 1})"
        if isinstance(exc, yaml.reader.ReaderError):
            line = text[: exc.position].count("\n") + 1
            problem = f"character {exc.character!r} is not allowed in YAML ({exc.reason}); remove it"
        error = YamlLimitError if isinstance(exc, _Limit) else YamlSyntaxError
        raise error(line, " ".join(str(problem).split())) from None  # one line, whatever the parser said
    finally:
        if loader is not None:
            loader.dispose()
    return data, (line_map(node) if node is not None else {})
