# shellcheck shell=bash
# The JavaScript references of the differential tests, each an npm project pinned by its package-lock.json:
# starknet.js and @scure/starknet for shared-stark (shared-stark/src/test/starknet-js), the official Uniswap v3 SDK
# (@uniswap/v3-sdk, @uniswap/sdk-core, jsbi) for shared-amm's AgainstUniswapSdkTest and bench/amm-vs-sdk.sh
# (shared-amm/src/test/uniswap-sdk). Installed with `npm ci` when one of the marker packages is missing from
# node_modules; without Node.js the differential tests skip themselves, so nothing here fails the run.

# ensure_reference_packages DIR LABEL MARKER...: DIR relative to $ROOT; each MARKER a package under DIR/node_modules.
ensure_reference_packages() {
  local dir="$1" label="$2"
  shift 2
  local path="$ROOT/$dir"
  step "$label reference packages ($dir/node_modules) for the differential test"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    warn "Node.js/npm is not installed: the differential test against the $label reference ($dir) will be skipped."
    return 0
  fi
  local marker missing=0
  for marker in "$@"; do
    [[ -d "$path/node_modules/$marker" ]] || missing=1
  done
  if (( ! missing )); then
    info "already installed"
    return 0
  fi
  local status=0
  (cd "$path" && npm ci --no-audit --no-fund) 2>&1 | sed 's/^/    /' || status=$?
  if (( status != 0 )); then
    warn "npm ci in $path failed (exit $status; see above): the differential test will be skipped."
  fi
}
