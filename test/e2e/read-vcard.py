"""Reads a vCard with vobject (Debian python3-vobject), an independent parser, and prints
its values as JSON for the tests to compare: {property: [value, ...]}."""
import json
import sys

import vobject

card = vobject.readOne(open(sys.argv[1], encoding="utf-8").read())
out = {}
for child in card.getChildren():
    value = child.value
    if child.name == "N":
        value = [value.family, value.given, value.additional, value.prefix, value.suffix]
    elif child.name == "ADR":
        value = [value.box, value.extended, value.street, value.city, value.region, value.code, value.country]
    out.setdefault(child.name, []).append(value)
print(json.dumps(out, ensure_ascii=False))
