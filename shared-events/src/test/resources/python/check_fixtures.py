"""Runs the Python example of docs/events.md on the stored sealed fixtures and prints what it made of them as JSON."""
import copy
import json
import sys

sys.path.insert(0, sys.argv[1])
from commonplace_decrypt import decrypt, keys_from  # noqa: E402

fixtures = sys.argv[2]
names = sys.argv[3].split(",")


def load(name):
    with open(fixtures + "/" + name + ".json", encoding="utf-8") as file:
        return json.load(file)


keys, erased = keys_from(load("keys"))
comment = load("CommentPosted.v3")
sealed_body = comment["payload"]["encrypted"]["fields"]["body"]

tampered = copy.deepcopy(comment)
flipped = "B" if sealed_body[20] != "B" else "C"
tampered["payload"]["encrypted"]["fields"]["body"] = sealed_body[:20] + flipped + sealed_body[21:]
moved = copy.deepcopy(comment)
moved["sequence"] = comment["sequence"] + 1
forged = copy.deepcopy(comment)
forged["payload"]["encrypted"]["fields"]["commentId"] = sealed_body

print(json.dumps({
    "fixtures": {name: decrypt(load(name), keys, erased) for name in names},
    "erased": decrypt(comment, {}, {comment["payload"]["encrypted"]["keyId"]}),
    "tampered": decrypt(tampered, keys, erased),
    "moved": decrypt(moved, keys, erased),
    "forged": decrypt(forged, keys, erased),
}, ensure_ascii=False))
