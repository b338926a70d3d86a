"""YAML files whose errors name the line: a safe loader that refuses duplicate keys, a map from every
data path to its line, and the formatting of pydantic error locations (``steps[3].click``). Shared by
journey files and cxaudit.yaml."""

from __future__ import annotations

from typing import Any

import yaml


class LineLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate keys."""


def construct_mapping(loader: LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
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
            key = key_node.value
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


class YamlSyntaxError(Exception):
    """The text is not YAML; ``line`` and a one-line ``problem`` say where and why."""

    def __init__(self, line: int, problem: str):
        super().__init__(f"{line}: {problem}")
        self.line = line
        self.problem = problem


def load_with_lines(text: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML text (duplicate keys refused) into its data and a map of data paths to lines."""
    try:
        node = yaml.compose(text, Loader=LineLoader)
        data = yaml.load(text, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
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
        raise YamlSyntaxError(line, " ".join(str(problem).split())) from None  # one line, whatever the parser said
    return data, (line_map(node) if node is not None else {})
