#!/usr/bin/env bash
# Builds scripts/golden/CSharpSymbols.cs (once per folder) and runs it on the given files:
#   bash scripts/golden/csharp-symbols.sh FILE...          (CSHARP_SYMBOLS_DIR: where to keep the built tool)
# Needs mono-mcs and libicsharpcode-nrefactory-csharp5.0-cil (scripts/install-deps.sh --language-tools).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mono_lib=/usr/lib/mono/4.5
nrefactory=/usr/lib/cli/ICSharpCode.NRefactory
dir="${CSHARP_SYMBOLS_DIR:-${TMPDIR:-/tmp}/docgen-csharp-symbols}"
mkdir -p "$dir"
tool="$dir/CSharpSymbols.exe"
if [ ! -e "$tool" ] || [ "$here/CSharpSymbols.cs" -nt "$tool" ]; then
    mcs -nologo -r:mcs="$mono_lib/mcs.exe" -r:"$nrefactory-5.0/ICSharpCode.NRefactory.dll" \
        -r:"$nrefactory.CSharp-5.0/ICSharpCode.NRefactory.CSharp.dll" -out:"$tool.partial" "$here/CSharpSymbols.cs" >&2
    mv "$tool.partial" "$tool"
fi
# mcs.exe is the compiler the tool reads doc comments with: mono finds it through MONO_PATH.
MONO_PATH="$mono_lib" exec mono "$tool" "$@"
