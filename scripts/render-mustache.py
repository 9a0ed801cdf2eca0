#!/usr/bin/env python3
"""Render a wuyou mustache template with a JSON view model, for previewing templates.

Usage: scripts/render-mustache.py TEMPLATE.mustache VIEWMODEL.json OUT.html

Partials ({{> name}}) are read from the template's own folder (name.mustache).
Needs: pip install chevron   (a plain mustache implementation; the binary uses swift-mustache)
"""
import json
import os
import sys

import chevron


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 64
    template_path, model_path, out_path = sys.argv[1:]
    with open(template_path, encoding="utf-8") as f:
        template = f.read()
    with open(model_path, encoding="utf-8") as f:
        model = json.load(f)
    html = chevron.render(template, model,
                          partials_path=os.path.dirname(os.path.abspath(template_path)),
                          partials_ext="mustache", warn=True)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
