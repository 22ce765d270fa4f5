"""Checks scenario files against the JSON Schema that `shockflow schema` generates, with an
independent validator (the `jsonschema` package, draft 2020-12), and writes the verdicts that
ScenarioJSONSchemaTests compares with shockflow's own validator.

    pip install jsonschema pyyaml
    swift run shockflow schema > Tests/ShockFlowFormatsTests/Fixtures/scenarios/scenario.schema.json
    python3 Tests/ShockFlowFormatsTests/Fixtures/scenarios/check_json_schema.py

Writes jsonschema-verdicts.json next to this script: the schema it used and, for every fixture in
good/ and bad/ and every shipped scenario in scenarios/, whether the file is valid under the schema.
"""

import json
import pathlib

import jsonschema
import yaml

HERE = pathlib.Path(__file__).resolve().parent
REPOSITORY = HERE.parents[3]


def main() -> None:
    schema = json.loads((HERE / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(HERE.glob("good/*.yaml")) + sorted(HERE.glob("bad/*.yaml")) + sorted(
        path for path in REPOSITORY.glob("scenarios/**/*.yaml") if not path.name.endswith(".sweep.yaml")  # sweep files have their own schema
    )
    verdicts = {}
    for path in files:
        if path.name.startswith("alias-bomb"):
            continue  # PyYAML would expand the aliases: shockflow refuses these files before parsing
        name = str(path.relative_to(REPOSITORY if path.is_relative_to(REPOSITORY / "scenarios") else HERE))
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # not YAML at all: nothing for a JSON Schema to say
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        verdicts[name] = {"valid": not errors, "first_error": errors[0].message if errors else None}
    output = {"schema": schema, "verdicts": verdicts}
    (HERE / "jsonschema-verdicts.json").write_text(json.dumps(output, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{sum(v['valid'] for v in verdicts.values())} valid, {sum(not v['valid'] for v in verdicts.values())} invalid")


if __name__ == "__main__":
    main()
