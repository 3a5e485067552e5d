"""The JSON Schema accepts what the loader accepts: an editor never underlines a valid file.

Editors parse YAML with their own types (yaml-language-server: YAML 1.2 by default, 1.1 as
an option; https://github.com/redhat-developer/yaml-language-server "yaml.yamlVersion") while
the loader keeps each scalar as written and lets pydantic convert it. So every inventory the
loader accepts is checked here against ``schemas/inventory.schema.json`` with ``jsonschema``,
parsed both ways: the samples, the test suite's inventories, ``zoneplan sample`` output and
random inventories whose scalars are written in every form YAML allows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.core.test_loader import BASE
from tests.core.test_validate_ux import HAND_WRITTEN
from tests.hosts.conftest import TINY
from tests.support.inventories import inventory_data
from tests.support.paths import REPO, SAMPLES
from tests.support.strategies import inventory_params
from zoneplan.loader import parse_inventory
from zoneplan.samplegen import generate_inventory_yaml

SCHEMA = json.loads((REPO / "schemas" / "inventory.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


class Yaml12(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's tag resolution (YAML 1.2.2, 10.3.2): only
    true/false are booleans, no base-60 or leading-zero octal integers, no ``yes``/``on``."""


Yaml12.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _int12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


Yaml12.add_constructor("tag:yaml.org,2002:int", _int12)
PARSERS = {"yaml-1.2": Yaml12, "yaml-1.1": yaml.SafeLoader}


def _schema_errors(text: str, loader: type[yaml.SafeLoader]) -> list[str]:
    data = yaml.load(text, Loader=loader)  # noqa: S506 - SafeLoader subclasses only
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in VALIDATOR.iter_errors(data)]


def _inventories() -> list[tuple[str, str]]:
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.yaml"))]
    out += [("tests/core/test_loader.py BASE", BASE), ("tests/hosts TINY", TINY)]
    fixed = HAND_WRITTEN.replace("os: esxi", "os: vmware").replace("wwnp", "wwpn")
    fixed = fixed.replace(
        "20:00:00:90:fa:c1:00:02 10:00:00:90:fa:c1:00:02", "10:00:00:90:fa:c1:00:02"
    )
    out.append(("tests/core/test_validate_ux.py HAND_WRITTEN, fixed", fixed))
    out.append(("zoneplan sample --hosts 30", generate_inventory_yaml(30, seed=3)))
    return out


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize(("name", "text"), _inventories(), ids=[n for n, _ in _inventories()])
def test_every_inventory_the_loader_accepts_is_valid_under_the_schema(name, text, parser):
    if not parse_inventory(text, name).ok:
        assert name == "broken.yaml", f"{name} no longer loads"
        pytest.skip("the loader refuses it (see the test below)")
    assert _schema_errors(text, PARSERS[parser]) == []


def test_the_schema_is_not_vacuous():
    """What the broken sample gets wrong at the schema level, the schema says too."""
    errors = _schema_errors((SAMPLES / "broken.yaml").read_text(encoding="utf-8"), Yaml12)
    text = "\n".join(errors)
    assert "colour" in text and "'10:00:00:90:fa:c1:00'" in text and "db01" in text


def _rewrite(value: object, draw) -> object:  # noqa: ANN001
    """A scalar as an admin may write it: quoted or not, ``8`` or ``"8"``, ``yes``/``true``."""
    if isinstance(value, bool):
        return draw(st.sampled_from([value, str(value).lower(), "yes" if value else "no"]))
    if isinstance(value, int):
        return draw(st.sampled_from([value, str(value)]))
    if isinstance(value, str) and value.isdigit() and not value.startswith("0"):
        return draw(st.sampled_from([value, int(value)]))
    return value


def _rewrite_all(data: object, draw) -> object:  # noqa: ANN001
    if isinstance(data, dict):
        return {k: _rewrite_all(v, draw) for k, v in data.items()}
    if isinstance(data, list):
        return [_rewrite_all(v, draw) for v in data]
    return _rewrite(data, draw)


@given(inventory_params(max_hosts=4), st.data(), st.sampled_from(sorted(PARSERS)))
def test_random_inventories_written_any_way_agree(params, data, parser):
    doc = _rewrite_all(inventory_data(params), data.draw)
    text = yaml.safe_dump(doc, sort_keys=False)
    if not parse_inventory(text, "random.yaml").ok:
        return  # only what the loader accepts is the schema's business here
    assert _schema_errors(text, PARSERS[parser]) == []


def test_a_shipped_schema_is_the_one_the_models_make():
    from zoneplan.schemas import generate_schemas

    assert json.loads(generate_schemas()["inventory.schema.json"]) == SCHEMA
    assert Path(REPO / "schemas" / "inventory.schema.json").is_file()
