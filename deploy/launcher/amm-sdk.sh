# shellcheck shell=bash
# The official Uniswap v3 SDK as the reference of shared-amm's differential test AgainstUniswapSdkTest (and of
# bench/amm-vs-sdk.sh): @uniswap/v3-sdk, @uniswap/sdk-core and jsbi, pinned in
# shared-amm/src/test/uniswap-sdk/package-lock.json. Installed with `npm ci` when node_modules is missing; without
# Node.js the differential test skips itself, so nothing here fails the run.
AMM_SDK_DIR="$ROOT/shared-amm/src/test/uniswap-sdk"

ensure_amm_sdk_packages() {
  step "Uniswap SDK reference packages (shared-amm/src/test/uniswap-sdk/node_modules) for the differential test"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    warn "Node.js/npm is not installed: shared-amm's differential test against @uniswap/v3-sdk will be skipped."
    return 0
  fi
  if [[ -d "$AMM_SDK_DIR/node_modules/@uniswap/v3-sdk" && -d "$AMM_SDK_DIR/node_modules/jsbi" ]]; then
    info "already installed"
    return 0
  fi
  local status=0
  (cd "$AMM_SDK_DIR" && npm ci --no-audit --no-fund) 2>&1 | sed 's/^/    /' || status=$?
  if (( status != 0 )); then
    warn "npm ci in $AMM_SDK_DIR failed (exit $status; see above): the differential test will be skipped."
  fi
}
