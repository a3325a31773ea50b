#!/usr/bin/env bash
# The setup snippets in editors/README.md for editors we cannot run here (Helix, Zed, Sublime LSP):
# each must parse (TOML / JSON) and start `copydesk server` for Markdown. This checks syntax and
# shape only; it is not a test in those editors (README says so).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 - <<'PY'
import json, re, sys, tomllib
text = open("editors/README.md", encoding="utf-8").read()
blocks = re.findall(r"```(\w+)\n(.*?)```", text, re.S)
toml_blocks = [b for lang, b in blocks if lang == "toml"]
json_blocks = [b for lang, b in blocks if lang == "json"]
checks = 0
def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        print("FAIL:", msg); sys.exit(1)
check(len(toml_blocks) == 2, f"expected 2 Helix TOML blocks, found {len(toml_blocks)}")
helix = tomllib.loads(toml_blocks[0])
server = helix["language-server"]["copydesk"]
check(server["command"] == "copydesk" and server["args"] == ["server"], f"Helix command: {server}")
check(server["config"]["copydesk"]["referenceDate"] == "2025-03-04", "Helix config nests settings under copydesk")
check(helix["language"][0]["name"] == "markdown" and "copydesk" in helix["language"][0]["language-servers"], "Helix markdown language")
text_lang = tomllib.loads(toml_blocks[1])["language"][0]
check(text_lang["language-servers"] == ["copydesk"] and "txt" in text_lang["file-types"], "Helix text language")
check(len(json_blocks) == 2, f"expected Zed and Sublime JSON blocks, found {len(json_blocks)}")
zed = json.loads(json_blocks[0])["lsp"]["copydesk"]
check(zed["binary"]["arguments"] == ["server"], "Zed arguments")
sublime = json.loads(json_blocks[1])["clients"]["copydesk"]
check(sublime["command"] == ["copydesk", "server"], "Sublime command")
check("text.html.markdown" in sublime["selector"], "Sublime selector")
for name, cfg in [("Zed", zed), ("Sublime", sublime)]:
    settings = cfg["settings"]["copydesk"]
    check(set(settings) <= {"referenceDate","inlayHints","maxDocumentSize","rules","select","ignore","knownSources","vaguePhrases","abbreviations"}, f"{name} settings keys")
print(f"editor snippets: {checks} passed, 0 failed")
PY
