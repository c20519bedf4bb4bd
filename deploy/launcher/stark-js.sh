# shellcheck shell=bash
# The JavaScript references of shared-stark's differential test (starknet.js and @scure/starknet, pinned in
# shared-stark/src/test/starknet-js/package-lock.json). Installed with `npm ci` when node_modules is missing; without
# Node.js the differential test skips itself, so nothing here fails the run.
STARK_JS_DIR="$ROOT/shared-stark/src/test/starknet-js"

ensure_stark_js_packages() {
  step "Stark reference packages (shared-stark/src/test/starknet-js/node_modules) for the differential test"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    warn "Node.js/npm is not installed: shared-stark's differential test against starknet.js will be skipped."
    return 0
  fi
  if [[ -d "$STARK_JS_DIR/node_modules/starknet" && -d "$STARK_JS_DIR/node_modules/@scure/starknet" ]]; then
    info "already installed"
    return 0
  fi
  local status=0
  (cd "$STARK_JS_DIR" && npm ci --no-audit --no-fund) 2>&1 | sed 's/^/    /' || status=$?
  if (( status != 0 )); then
    warn "npm ci in $STARK_JS_DIR failed (exit $status; see above): the differential test will be skipped."
  fi
}
