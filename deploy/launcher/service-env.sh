# shellcheck shell=bash
# What a service is given besides its port, Kafka and database: where the local chain's contracts are (lp-tracker) and
# which of its pools are hedged (perp-hedger). Each function prints one NAME=value per line.

# lp-tracker follows the local chain when it was deployed: its addresses from deployment.json, the owner wallet of the
# sample position watched from block 0. Explicit TIDELINE_LP_* variables in the environment win.
# The local chain lives in memory: after `down` and `up` it is a new chain (another genesis block) under the same
# addresses, and lp-tracker's checkpoint in its database belongs to the old one. So when the launcher is the one that
# points lp-tracker at its own chain (TIDELINE_LP_CHAIN_RPC_URL not set by the user), lp-tracker is told to start over
# on a new chain (TIDELINE_LP_CHAIN_ON_NEW_CHAIN=start-over); on a chain the user supplies it keeps its default, fail.
lp_tracker_chain_env() {
  [[ -f "$CHAIN_DEPLOYMENT" ]] && command -v node >/dev/null 2>&1 || return 0
  # shellcheck disable=SC2016 # JavaScript: its template literals are not shell expansions
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const e = process.env, out = [];
    const put = (k, v) => { if (!e[k] && v !== undefined && v !== null) out.push(`${k}=${v}`); };
    put("TIDELINE_LP_CHAIN_ID", d.chainId);
    put("TIDELINE_LP_CHAIN_RPC_URL", process.argv[2]);
    put("TIDELINE_LP_CHAIN_POSITION_MANAGER", d.contracts.nonfungiblePositionManager);
    put("TIDELINE_LP_CHAIN_FACTORY", d.contracts.factory);
    put("TIDELINE_LP_CHAIN_MULTICALL3", d.contracts.multicall3);
    if (d.pool && d.pool.initCodeHash) put("TIDELINE_LP_CHAIN_POOL_INIT_CODE_HASH", d.pool.initCodeHash);
    put("TIDELINE_LP_WATCHED_WALLETS", d.owner);
    if (!e.TIDELINE_LP_CHAIN_RPC_URL) put("TIDELINE_LP_CHAIN_ON_NEW_CHAIN", "start-over");
    console.log(out.join("\n"));
  ' "$CHAIN_DEPLOYMENT" "$CHAIN_RPC" 2>/dev/null || true
}

# The local chain's TWETH/TUSDC pool hedged on ETH-USD (paper venue), and its owner wallet the desk's (the hedger
# hedges only the positions of the wallets in TIDELINE_PERP_OWNERS), for perp-hedger; one NAME=value per line.
perp_hedger_chain_env() {
  [[ -f "$CHAIN_DEPLOYMENT" ]] && command -v node >/dev/null 2>&1 || return 0
  # shellcheck disable=SC2016 # JavaScript: its template literals are not shell expansions
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const e = process.env, out = [];
    if (!d.pool || !d.pool.address || e.TIDELINE_PERP_POOLS_0__POOL) process.exit(0);
    const weth = d.tokens.TWETH.address.toLowerCase();
    out.push(`TIDELINE_PERP_POOLS_0__POOL=${d.chainId}:${d.pool.address.toLowerCase()}`);
    out.push("TIDELINE_PERP_POOLS_0__MARKET=ETH-USD");
    out.push(`TIDELINE_PERP_POOLS_0__VOLATILE_TOKEN=${d.pool.token0.toLowerCase() === weth ? "token0" : "token1"}`);
    out.push("TIDELINE_PERP_POOLS_0__STEP=0.001");
    if (!e.TIDELINE_PERP_OWNERS && d.owner) out.push(`TIDELINE_PERP_OWNERS=${d.owner.toLowerCase()}`);
    console.log(out.join("\n"));
  ' "$CHAIN_DEPLOYMENT" 2>/dev/null || true
}
