# shellcheck shell=bash
# `./build.sh lint`: clang-format and clang-tidy.
# Sourced by build.sh (set -euo pipefail, ROOT, BUILD, CACHE_DIR, ... are set there).

# clang-tidy's compile database for src/ui and src/platform: see scripts/wasm-tidy-db.mjs.
wasm_tidy_db() {
  node "$ROOT/scripts/wasm-tidy-db.mjs" "$BUILD/wasm/compile_commands.json" \
    "$BUILD/tidy-wasm/compile_commands.json"
}

cmd_lint() {
  local files=() rc=0
  mapfile -t files < <(find "$ROOT/src" "$ROOT/tests" -type f \
    \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) -not -path '*/fuzz/corpus/*' | sort)
  say "clang-format --dry-run --Werror (${#files[@]} files)"
  clang-format --dry-run --Werror "${files[@]}" || rc=1
  cmd_deps
  step "native build (compile_commands.json)" build_native
  step "wasm configure (compile_commands.json)" configure_wasm
  wasm_tidy_db
  local tidy=() tidy_wasm=()
  mapfile -t tidy < <(find "$ROOT/src/core" "$ROOT/src/tools" -type f -name '*.cpp' 2>/dev/null | sort)
  mapfile -t tidy_wasm < <(find "$ROOT/src/ui" "$ROOT/src/platform" -type f -name '*.cpp' 2>/dev/null | sort)
  say "clang-tidy (${#tidy[@]} files in src/core, src/tools; ${#tidy_wasm[@]} in src/ui, src/platform)"
  if ((${#tidy[@]})); then
    clang-tidy -p "$BUILD/native" --quiet "${tidy[@]}" 2>/dev/null || rc=1
  fi
  if ((${#tidy_wasm[@]})); then
    clang-tidy -p "$BUILD/tidy-wasm" --quiet "${tidy_wasm[@]}" 2>/dev/null || rc=1
  fi
  if ((rc)); then die "lint found problems"; fi
  say "lint clean"
}
