#!/usr/bin/env python3
"""Finishes a Trunk build for hosting: the Content-Security-Policy and the
offline copy.

Run by Trunk after every build (a `post_build` hook in Trunk.toml, on the
staging directory) or by hand on any built folder: `python3 tools/post_build.py DIR`.
It is idempotent: a second run replaces what the first wrote.

1. index.html gets a `<meta http-equiv="Content-Security-Policy">` right after
   its charset: scripts only from the folder itself plus the hashes of the inline
   scripts Trunk writes (the module loader), WebAssembly compilation
   ('wasm-unsafe-eval', never 'unsafe-eval'), connections and workers only to
   the page's own origin. README.md ("Hosting") explains it for whoever hosts
   the folder.
2. sw.js (from assets/sw.js) gets the build's manifest: every file of the
   folder with its SHA-256 (subresource-integrity form) and a version computed
   from all of them, so a changed file makes a new service worker and the old
   one keeps serving its own files until the page is reloaded.
"""
import base64
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SW_SOURCE = os.path.join(HERE, "..", "assets", "sw.js")

CSP_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>\n?', re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
CHARSET = re.compile(r'<meta charset="utf-8"\s*/?>', re.I)


def sri(data: bytes) -> str:
    """A file's SHA-256 in the form CSP and subresource integrity use."""
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def policy(inline_hashes):
    """The Content-Security-Policy for the built page (see README.md, Hosting)."""
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'"] + [f"'{h}'" for h in inline_hashes])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        # Yew writes style attributes (chart colours, bar widths)
        "style-src 'self' 'unsafe-inline'",
        # chart PNGs are drawn from a data: SVG; downloads are blob: links
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_csp(html: str) -> str:
    html = CSP_META.sub("\n", html, count=1)
    hashes = [sri(m.group(1).encode("utf-8")) for m in INLINE_SCRIPT.finditer(html)]
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}" />'
    m = CHARSET.search(html)
    if not m:
        sys.exit("post_build: index.html has no <meta charset=\"utf-8\">")
    return html[: m.end()] + "\n    " + meta + html[m.end():]


def manifest(folder: str):
    files = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name == "sw.js" or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            files.append([name, sri(f.read())])
    version = hashlib.sha256(json.dumps(files).encode("utf-8")).hexdigest()[:16]
    return version, files


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not folder:
        sys.exit("usage: post_build.py DIR (or run as a Trunk post_build hook)")
    if len(sys.argv) == 1 and os.environ.get("TRUNK_PROFILE") == "debug":
        # `trunk serve` injects its reload script inline, and a cached copy would
        # hide each rebuild: the policy and the offline copy are for release builds
        print("post_build: debug build, no CSP and no service worker")
        return
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    with open(index, "w", encoding="utf-8") as f:
        f.write(add_csp(html))
    version, files = manifest(folder)
    with open(SW_SOURCE, encoding="utf-8") as f:
        sw = f.read()
    sw = sw.replace('"__VERSION__"', json.dumps(version)).replace("[] /* __FILES__ */", json.dumps(files))
    with open(os.path.join(folder, "sw.js"), "w", encoding="utf-8") as f:
        f.write(sw)
    print(f"post_build: CSP written, sw.js version {version} ({len(files)} files)")


if __name__ == "__main__":
    main()
