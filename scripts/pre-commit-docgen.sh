#!/usr/bin/env bash
# docgen's pre-commit hook: refuses a commit whose staged Python or Swift changes leave pages in the committed
# documentation (docs_output/ or the configured output) out of date. Runs `docgen --check`: no requests, no key.
#
#   with the pre-commit framework: see .pre-commit-hooks.yaml (it passes the matching staged files)
#   as a plain git hook:           ln -s ../../scripts/pre-commit-docgen.sh .git/hooks/pre-commit
#   by hand:                       bash scripts/pre-commit-docgen.sh [FILE...]    (no files: the staged ones)
#
# Fast path: when no staged file is Python, Swift, .docgen.yml or .docgenignore, it exits 0 without starting docgen.
# It checks what is being committed: when relevant files differ between the index and the working tree (or are
# untracked), the index is exported to a temporary folder and checked there.
#
# docgen is taken from $DOCGEN, else from PATH (the release archive, README "CI usage"). Settings come from the
# repository's .docgen.yml and DOCGEN_* variables, as for any docgen run (put provider: and model: there, so the
# check computes the same page keys as the run that wrote the pages).
set -euo pipefail

relevant='\.(py|swift)$|(^|/)\.docgen\.yml$|(^|/)\.docgenignore$'
pathspecs=('*.py' '*.swift' '.docgen.yml' '*/.docgen.yml' '.docgenignore' '*/.docgenignore')

root="$(git rev-parse --show-toplevel)"
cd "$root"

if [ $# -gt 0 ]; then
    files="$(printf '%s\n' "$@")"
else
    files="$(git diff --cached --name-only --diff-filter=ACMRD)"
fi
if ! printf '%s\n' "$files" | grep -qE "$relevant"; then
    exit 0 # nothing docgen documents is being committed
fi

docgen="${DOCGEN:-docgen}"
if ! command -v "$docgen" >/dev/null 2>&1; then
    echo "docgen pre-commit: '$docgen' not found. Put docgen on PATH (unpack the release archive) or set DOCGEN" \
        "to its path; skip this once with git commit --no-verify." >&2
    exit 1
fi
docgen="$(command -v "$docgen")"

# Check the index itself when the working tree differs from it for any file docgen reads.
folder="$root"
if ! git diff --quiet -- "${pathspecs[@]}" || [ -n "$(git ls-files --others --exclude-standard -- "${pathspecs[@]}")" ]; then
    folder="$(mktemp -d)"
    trap 'rm -rf "$folder"' EXIT
    git checkout-index --all --prefix="$folder/"
fi

cd "$folder"
status=0
"$docgen" . --check --quiet || status=$?
if [ "$status" -eq 1 ]; then
    echo "docgen pre-commit: the documentation is out of date for the staged changes. Run 'docgen .', stage the" \
        "output folder, and commit again (or skip once with git commit --no-verify)." >&2
fi
exit "$status"
