#!/usr/bin/env bash
# Every check `make test` runs, in order, with a summary at the end. A step that fails does
# not stop the later ones (you see everything that is wrong at once); the exit code is
# non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

declare -a NAMES=() RESULTS=() TIMES=()
failed=0

step() {
  local name=$1; shift
  echo
  echo "━━━ $name ━━━"
  local start=$SECONDS
  if "$@"; then
    RESULTS+=("ok")
  else
    RESULTS+=("FAILED")
    failed=$((failed + 1))
  fi
  NAMES+=("$name")
  TIMES+=($((SECONDS - start)))
}

bindings_fresh() {
  local tmp
  tmp=$(mktemp --suffix=.ts)
  cargo run -q -p yichuang-app --bin yichuang-bindings -- "$tmp" 2>/dev/null &&
    if ! diff -u frontend/src/lib/ipc/bindings.ts "$tmp"; then
      echo "frontend/src/lib/ipc/bindings.ts is stale: run 'make bindings' and commit it"
      rm -f "$tmp"; return 1
    fi
  rm -f "$tmp"
}

step "rustfmt"                 cargo fmt --all --check
step "frontend build"          bash -c 'cd frontend && npm run build'
step "IPC bindings up to date" bindings_fresh
step "clippy -D warnings"      cargo clippy --workspace --all-targets --locked -- -D warnings
step "Rust tests"              cargo test --workspace --locked
step "frontend typecheck"      bash -c 'cd frontend && npm run typecheck'
step "frontend lint"           bash -c 'cd frontend && npm run lint'
step "frontend tests"          bash -c 'cd frontend && npm test'
step "end-to-end (real window)" make --no-print-directory e2e

echo
echo "━━━ summary ━━━"
for i in "${!NAMES[@]}"; do
  printf '  %-28s %-7s %4ss\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}"
done
total=${#NAMES[@]}
echo "checks: $((total - failed)) passed, $failed failed"
exit $((failed > 0))
