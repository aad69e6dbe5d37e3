#!/usr/bin/env python3
"""What takes the space in a wasm module (issue 17): code and data, then the
code by crate and, for EduPlan's own crates, by module — raw bytes and each
group's bytes gzipped on their own (groups compress together a little better
than apart, so the gzip column is a share, not a sum).

Reads a module that still has its function names (scripts/size.sh builds one
exactly as the release is built, names kept). Standard library only.
Usage: python3 tools/size_report.py MODULE.wasm [--top N]
"""
import collections
import gzip
import re
import sys


def leb(b, i):
    """An unsigned LEB128 at b[i]: (value, next index)."""
    value, shift = 0, 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return value, i


def sections(b):
    """(id, name of a custom section or '', payload) in file order."""
    if b[:4] != b"\0asm":
        raise SystemExit("not a wasm module")
    i, out = 8, []
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        payload = b[i:i + size]
        name = ""
        if sid == 0:
            n, j = leb(payload, 0)
            name = payload[j:j + n].decode("utf-8", "replace")
        out.append((sid, name, payload))
        i += size
    return out


def imported_functions(payload):
    """How many functions the import section brings in (they come first in the index space)."""
    count, i = leb(payload, 0)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(payload, i)
            i += n
        kind = payload[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb(payload, i)
            functions += 1
        elif kind == 1:  # table: reftype, limits
            i += 1
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 2:  # memory: limits
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 3:  # global: valtype (one byte in the MVP and reference types), mutability
            i += 2
        elif kind == 4:  # tag
            i += 1
            _, i = leb(payload, i)
        else:
            raise SystemExit(f"unknown import kind {kind}")
    return functions


def bodies(payload):
    """Each function body's bytes, in order."""
    count, i = leb(payload, 0)
    out = []
    for _ in range(count):
        size, i = leb(payload, i)
        out.append(payload[i:i + size])
        i += size
    return out


def function_names(payload):
    """{function index: name} from the name section's function subsection."""
    j = leb(payload, 0)
    i = j[1] + j[0]  # skip the section's own name ("name")
    names = {}
    while i < len(payload):
        kind = payload[i]
        size, i = leb(payload, i + 1)
        if kind == 1:
            k = i
            count, k = leb(payload, k)
            for _ in range(count):
                idx, k = leb(payload, k)
                n, k = leb(payload, k)
                names[idx] = payload[k:k + n].decode("utf-8", "replace")
                k += n
        i += size
    return names


OWN = ("eduplan", "eduplan_model", "eduplan_web")


def group(name, deep):
    """The crate a function belongs to (its type's crate for `<T as Trait>`),
    with the module for EduPlan's own crates when `deep`."""
    n = re.sub(r"^(<|&|mut |dyn |\()+", "", name)
    parts = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", n)
    if not parts:
        return "(unnamed)"
    crate = parts[0]
    if deep and crate in OWN and len(parts) > 1:
        sub = parts[1]
        if sub in ("components", "engine", "catalogue") and len(parts) > 2:
            sub += "::" + parts[2]
        return f"{crate}::{sub}"
    return crate


def gz(data):
    return len(gzip.compress(data, 9))


def table(rows, top):
    print(f"{'':44} {'raw':>10} {'gzip alone':>11}")
    for key, raw, packed in rows[:top]:
        print(f"{key[:44]:44} {raw / 1000:9.1f}K {packed / 1000:10.1f}K")


def main():
    args = sys.argv[1:]
    top = 25
    if "--top" in args:
        k = args.index("--top")
        try:
            top = int(args[k + 1])
        except (IndexError, ValueError):
            raise SystemExit("--top needs a number of rows")
        del args[k:k + 2]
    if len(args) != 1:
        raise SystemExit(__doc__)
    b = open(args[0], "rb").read()
    try:
        secs = sections(b)
        imports = next((imported_functions(p) for s, _, p in secs if s == 2), 0)
        code = next((p for s, _, p in secs if s == 10), b"")
        data = next((p for s, _, p in secs if s == 11), b"")
        names = next((function_names(p) for s, n, p in secs if s == 0 and n == "name"), {})
        fns = bodies(code)
    except IndexError:
        raise SystemExit(f"{args[0]}: a section ends early (not a whole wasm module?)")
    if not names:
        raise SystemExit("the module has no function names (build it with scripts/size.sh)")
    print(f"whole module (names included)        {len(b) / 1000:9.1f}K {gz(b) / 1000:10.1f}K")
    print(f"code section                         {len(code) / 1000:9.1f}K {gz(code) / 1000:10.1f}K")
    print(f"data section (strings, tables, data) {len(data) / 1000:9.1f}K {gz(data) / 1000:10.1f}K")
    for deep, title in ((False, "code by crate"), (True, "EduPlan's own code by module")):
        groups = collections.defaultdict(list)
        for k, body in enumerate(fns):
            key = group(names.get(imports + k, "(unnamed)"), deep)
            if deep and key.split("::")[0] not in OWN:
                continue
            groups[key].append(body)
        rows = sorted(((key, sum(map(len, bs)), gz(b"".join(bs))) for key, bs in groups.items()),
                      key=lambda r: -r[1])
        print(f"\n{title} (function bodies; Yew's generic code built for each component counts as yew)")
        table(rows, top)


if __name__ == "__main__":
    main()
