# shellcheck shell=bash
# The local EVM chain: a Hardhat node with Uniswap v3 deployed (deploy/chain/), started by `up`; `test` only installs
# its npm packages.

CHAIN_DIR="$ROOT/deploy/chain"
CHAIN_PORT="${TIDELINE_CHAIN_PORT:-8545}"
CHAIN_RPC="http://127.0.0.1:$CHAIN_PORT"
CHAIN_DEPLOYMENT="$CHAIN_DIR/.state/deployment.json"

chain_skipped() { [[ -n "${TIDELINE_SKIP_CHAIN:-}" && "${TIDELINE_SKIP_CHAIN}" != 0 ]]; }

# A local Hardhat 2 chain (127.0.0.1:$CHAIN_PORT, chain id 31337) with Uniswap v3 deployed from the npm artifacts and a
# little market activity (ARCHITECTURE.md "Running locally"): deploy/chain/start-chain.sh does the work (npm ci if
# needed, node start with $RUN_DIR/chain.pid and $LOG_DIR/chain.log, deploy-uniswap.js, which skips an existing
# deployment on the same node). Called by `up` between Kafka and the services; `test` only installs the packages
# (ensure_chain_packages), the tests start their own chain. Nothing here may make `up` fail: no services need the
# chain yet (lp-tracker will), so a missing Node.js or any failure is a warning.
ensure_local_chain() {
  step "Local EVM chain (Hardhat + Uniswap v3) on $CHAIN_RPC"
  if chain_skipped; then
    info "skipped (TIDELINE_SKIP_CHAIN=$TIDELINE_SKIP_CHAIN)"
    return 0
  fi
  if ! command -v node >/dev/null 2>&1; then
    warn "Node.js is not installed: the local chain is skipped (lp-tracker will need it later).
         Install Node.js 18+ and npm (e.g. 'apt-get install -y nodejs npm'), or set TIDELINE_SKIP_CHAIN=1 to silence this."
    return 0
  fi
  local start status=0
  start="$(now)"
  TIDELINE_HOME="$TIDELINE_HOME" TIDELINE_CHAIN_PORT="$CHAIN_PORT" TIDELINE_CHAIN_WALL_CLOCK=1 \
    bash "$CHAIN_DIR/start-chain.sh" start 2>&1 \
    | sed 's/^/    /' || status=$?
  if (( status != 0 )); then
    warn "the local chain did not start (exit $status; see above, log $LOG_DIR/chain.log): continuing without it.
         Retry with 'bash deploy/chain/start-chain.sh', or skip it with TIDELINE_SKIP_CHAIN=1."
    return 0
  fi
  info "chain ready in $(since "$start") s; addresses: $CHAIN_DEPLOYMENT"
}

# The chain's npm packages (Hardhat, the Uniswap artifacts) for the tests that start a chain of their own
# (shared-testing's TestChain): installed before Maven, so that a fresh CI machine has them and no test's start-up
# timeout has to cover `npm ci`. Without Node.js those tests fail with a message saying what to install; the others
# still run, so this only warns.
ensure_chain_packages() {
  step "Local EVM chain packages (deploy/chain/node_modules) for the tests"
  if ! command -v node >/dev/null 2>&1; then
    warn "Node.js is not installed: the tests that need the local chain (lp-tracker) will fail.
         Install Node.js 18+ and npm (e.g. 'apt-get install -y nodejs npm')."
    return 0
  fi
  local status=0
  TIDELINE_HOME="$TIDELINE_HOME" bash "$CHAIN_DIR/start-chain.sh" install 2>&1 | sed 's/^/    /' || status=$?
  if (( status != 0 )); then
    warn "installing the chain's npm packages failed (exit $status; see above): the tests that need the chain will fail."
  fi
}
