# shellcheck shell=bash
# Debian's Chromium for the dashboard's browser test (gateway's DashboardBrowserIT, driven by playwright-core with
# executablePath /usr/bin/chromium) and the e2e scenario's tour of the screen: `./platform test`, `e2e` and `chaos`
# install it when it is missing. Playwright's own browser download is never used. Without root or apt-get this only
# warns; the browser test then fails saying what to install.

CHROMIUM_BIN="/usr/bin/chromium"

ensure_chromium() {
  step "Chromium for the dashboard's browser test ($CHROMIUM_BIN)"
  if [[ -x "$CHROMIUM_BIN" ]]; then
    info "present: $("$CHROMIUM_BIN" --version 2>/dev/null || echo unknown version)"
    return 0
  fi
  if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    warn "Chromium is not installed and cannot be installed here (needs root and apt-get): the dashboard's browser
         test will fail. Install it with 'apt-get install -y chromium'."
    return 0
  fi
  local start status=0
  start="$(now)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$LOG_DIR/chromium-install.log" 2>&1 \
    || status=$?
  if (( status != 0 )); then
    warn "installing chromium failed (exit $status; $LOG_DIR/chromium-install.log): the dashboard's browser test will fail."
    return 0
  fi
  info "installed in $(since "$start") s: $("$CHROMIUM_BIN" --version 2>/dev/null)"
}
