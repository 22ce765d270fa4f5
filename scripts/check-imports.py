#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports.

For every Swift target (Sources/*, bench/shockflow-bench, Tests/*) the union of the `import X`
lines of its .swift files must equal its declared dependencies (targets and products), no more
and no less. Toolchain modules (Foundation, Testing, Glibc, ...) are not declared and are skipped;
any other import that is neither a target of this package nor a product of a dependency is
reported too. Prints one line per mismatch and exits 1; prints a summary and exits 0 when all agree.

The targets come from `swift package dump-package` (its JSON, a fraction of a second once the
manifest is cached). A product's module is taken to have the product's name (true of
ArgumentParser, Yams and Plot); list exceptions in PRODUCT_MODULES.

Run from the repository root (make test runs it before building):

    python3 scripts/check-imports.py
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Modules of the toolchain and the platform, never declared in Package.swift.
TOOLCHAIN = {
    "Swift", "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
    "FoundationXML", "CoreFoundation", "Dispatch", "Glibc", "Musl", "Darwin", "WinSDK", "Android",
    "Testing", "XCTest", "Synchronization", "Observation", "RegexBuilder", "Distributed", "_Concurrency",
    "_StringProcessing", "os",
}

# Product name -> module name, where they differ.
PRODUCT_MODULES: dict[str, str] = {}

IMPORT = re.compile(
    r"^[ \t]*(?:@\w+(?:\([^)]*\))?[ \t]+)*"  # @testable, @_exported, @preconcurrency, ...
    r"(?:(?:public|package|internal|fileprivate|private)[ \t]+)?"
    r"import[ \t]+(?:(?:struct|class|enum|protocol|typealias|func|let|var)[ \t]+)?"
    r"(\w+)",
    re.M,
)


def package_description() -> dict:
    result = subprocess.run(
        ["swift", "package", "--package-path", str(ROOT), "dump-package"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        sys.exit(f"check-imports: swift package dump-package failed:\n{result.stderr}")
    return json.loads(result.stdout)


def declared_modules(target: dict) -> set[str]:
    modules = set()
    for dependency in target["dependencies"]:
        (kind, value), = dependency.items()
        name = value[0]
        modules.add(PRODUCT_MODULES.get(name, name) if kind == "product" else name)
    return modules


def source_files(target: dict) -> list[Path]:
    default = "Tests" if target["type"] == "test" else "Sources"
    folder = ROOT / (target.get("path") or f"{default}/{target['name']}")
    excluded = [folder / path for path in target.get("exclude", [])]
    return sorted(
        path for path in folder.rglob("*.swift")
        if not any(path == folder_ or folder_ in path.parents for folder_ in excluded)
    )


def imports_of(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # block comments (doc examples may show imports)
    text = re.sub(r"//[^\n]*", "", text)
    return set(IMPORT.findall(text))


def main() -> int:
    package = package_description()
    targets = [target for target in package["targets"] if target["type"] != "system"]
    # What a target may declare: the package's own targets and the products some target already declares.
    known = {target["name"] for target in package["targets"]}.union(*(declared_modules(t) for t in targets))
    problems = []
    for target in targets:
        declared = declared_modules(target)
        used: dict[str, list[str]] = {}
        for path in source_files(target):
            for module in imports_of(path) - TOOLCHAIN:
                used.setdefault(module, []).append(str(path.relative_to(ROOT)))
        name = target["name"]
        for module in sorted(declared - set(used)):
            problems.append(f"{name}: declares {module} but no file imports it")
        for module in sorted(set(used) - declared):
            files = ", ".join(used[module][:3]) + (" …" if len(used[module]) > 3 else "")
            if module in known:
                problems.append(f"{name}: imports {module} without declaring it ({files})")
            else:
                problems.append(f"{name}: imports {module}: not a target, a declared product or a toolchain module ({files})")
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-imports: {len(problems)} mismatch(es) between Package.swift and the import lines")
        return 1
    print(f"check-imports: the dependencies of all {len(targets)} Swift targets match their imports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
