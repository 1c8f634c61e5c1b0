#!/usr/bin/env bash
# Installs Oefengesprek into ./.venv.
#   scripts/install.sh         the app (no system packages, no model downloads)
#   scripts/install.sh --dev   also the test tools, the local llama.cpp backend and the
#                              system packages the tests use (chromium, postgresql)
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1
python=${PYTHON:-python3}
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip

if [ "$dev" -eq 0 ]; then
    .venv/bin/python -m pip install --quiet -e .
    exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
    missing=""
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
    # the PDF export's Unicode font (roleplay/export.py falls back to a core font without it)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
    [ -x /usr/lib/postgresql/*/bin/postgres ] 2>/dev/null || missing="$missing postgresql"
    if [ -n "$missing" ]; then
        echo "installing system packages:$missing"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $missing >/dev/null
    fi
fi

# llama-cpp-python has no wheels here. Its native build crashes on some CPUs, so it is
# built portable, once, into a wheel cache keyed by version and flags (pip's own cache
# ignores CMAKE_ARGS).
llama_version=0.3.36
llama_flags="-DGGML_NATIVE=OFF"
wheel_dir="${XDG_CACHE_HOME:-$HOME/.cache}/oefengesprek/wheels/llama-$llama_version-$(echo "$llama_flags" | tr -c 'A-Za-z0-9' '_')"
if ! ls "$wheel_dir"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo "building llama-cpp-python $llama_version (portable; takes several minutes once)"
    mkdir -p "$wheel_dir"
    CMAKE_ARGS="$llama_flags" .venv/bin/python -m pip wheel --quiet --no-cache-dir --no-deps \
        -w "$wheel_dir" "llama-cpp-python==$llama_version"
fi
.venv/bin/python -m pip install --quiet "$wheel_dir"/llama_cpp_python-*.whl
.venv/bin/python -m pip install --quiet -e ".[dev,local]"
