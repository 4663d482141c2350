#!/usr/bin/env bash
# End to end against a real llama.cpp llama-server with a real small model (SmolLM2-135M-Instruct, Q4_1):
# docgen documents repos/sample told only the server's base URL and a model name the registry does not know.
#
# Checks: the window is discovered from GET /props (2,048 tokens, -np 1), counts come from the server's tokenizer,
# every module is documented, the server answered no request with 400, truncation is reported, usage is recorded
# (the server's own counts), and the verifier's scores are printed. Bounded: the server starts within 120 s, each
# request has a generous timeout, max_tokens is small, and the whole run is cut at DOCGEN_E2E_TIMEOUT seconds.
#
#   bash scripts/e2e-llama-server.sh            (installs the server and model into the cache first; see
#                                                scripts/llama-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
timeout_seconds="${DOCGEN_E2E_TIMEOUT:-1500}"

started=$SECONDS
bash scripts/llama-server.sh install
echo "e2e-llama-server: server and model ready after $((SECONDS - started)) s"

swift build --product docgen >/dev/null
docgen="$root/.build/debug/docgen"

work="$(mktemp -d)"
export DOCGEN_LLAMA_RUN_DIR="$work/run"
cleanup() {
    bash "$root/scripts/llama-server.sh" stop || true
    rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
LLAMA_CTX=2048 LLAMA_SLOTS=1 bash scripts/llama-server.sh start "$port"

fail() {
    echo "e2e-llama-server: FAIL: $*" >&2
    echo "--- docgen stderr (last 40 lines)" >&2
    tail -n 40 "$work/stderr" >&2 || true
    exit 1
}

echo "e2e-llama-server: documenting repos/sample with smollm2-local at http://127.0.0.1:$port/v1"
run_started=$SECONDS
status=0
DOCGEN_TIMEOUT_SECONDS=300 timeout --kill-after=10 "$timeout_seconds" "$docgen" repos/sample \
    -o "$work/out" --provider compatible --base-url "http://127.0.0.1:$port/v1" --model smollm2-local \
    --completion-tokens 200 --json >"$work/summary.json" 2>"$work/stderr" || status=$?
echo "e2e-llama-server: docgen exited $status after $((SECONDS - run_started)) s"
[ "$status" -ne 124 ] && [ "$status" -ne 137 ] || fail "docgen did not finish within $timeout_seconds s"

python3 - "$work" "$DOCGEN_LLAMA_RUN_DIR/server.log" "$status" <<'PY' || fail "the checks above failed"
import json, re, sys
work, server_log, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
stderr = open(f"{work}/stderr", encoding="utf-8").read()
summary = json.load(open(f"{work}/summary.json", encoding="utf-8"))
metrics = json.load(open(f"{work}/out/metrics.json", encoding="utf-8"))
log = open(server_log, encoding="utf-8", errors="replace").read()
problems = []
passed = 0

def check(condition, message):
    global passed
    print(("ok   " if condition else "FAIL ") + message)
    passed += 1 if condition else 0
    if not condition:
        problems.append(message)

window = re.search(r"llama\.cpp server: window (\d+) tokens per request \(llama\.cpp GET /props", stderr)
check(window is not None and window.group(1) == "2048", "window discovered from GET /props: 2048 tokens")
check("the server's tokenizer (llama.cpp POST /apply-template + /tokenize)" in stderr
      or "the server's tokenizer (llama.cpp POST /tokenize)" in stderr, "prompts counted by the server's tokenizer")
check("concurrency 1 (the server's slot count" in stderr, "concurrency defaults to the server's 1 slot")
check(status == 0 and summary["status"] == "ok", f"docgen exit 0, status ok (exit {status}, {summary['status']})")
check(summary["documented"] + summary["cached"] == summary["modules"] and summary["failed"] == 0,
      f"every module documented ({summary['documented']}/{summary['modules']}, failed {summary['failed']})")
totals = metrics.get("totals", {})
replanned = totals.get("retries", {}).get("context_replanned", 0)
# llama-server logs every refused prompt ("… exceeds the available context size …") at error level.
refused = log.count("exceeds the available context size") + log.count("is larger than the max context size")
check(refused == 0 and replanned == 0, f"zero 400s from the server ({refused} refused, {replanned} re-planned)")
check(summary["truncated_modules"] >= 1, f"truncation reported ({summary['truncated_modules']} modules truncated)")
check(totals.get("prompt_tokens", 0) > 0 and totals.get("completion_tokens", 0) > 0,
      f"usage recorded ({totals.get('prompt_tokens')} prompt + {totals.get('completion_tokens')} completion tokens)")
if "truthfulness" in summary:
    print(f"verifier: truthfulness {summary['truthfulness']:.3f}, completeness {summary['completeness']:.3f}")
check("truthfulness" in summary and "completeness" in summary, "pages scored by the verifier")
print(f"llama-e2e: {passed} passed, {len(problems)} failed")
sys.exit(1 if problems else 0)
PY
echo "e2e-llama-server: passed in $((SECONDS - started)) s"
