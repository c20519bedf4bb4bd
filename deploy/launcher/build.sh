# shellcheck shell=bash
# Building with the Maven wrapper before `up` (skipped with --no-build or TIDELINE_SKIP_BUILD).

NO_BUILD=0   # 1 after `up --no-build`

run_mvnw() {
  local start
  start="$(now)"
  info "./mvnw $*"
  (cd "$ROOT" && ./mvnw "$@") || die "the build failed (./mvnw $*). Fix it, or start what is already built with --no-build."
  info "built in $(since "$start") s"
}

build() { # [service...]: all modules, or the named services and the deploy module with what they need
  if [[ -n "${TIDELINE_SKIP_BUILD:-}" && "${TIDELINE_SKIP_BUILD}" != 0 ]] || (( NO_BUILD )); then
    step "Skipping the build (--no-build / TIDELINE_SKIP_BUILD)"
    return 0
  fi
  if (( $# == 0 )); then
    step "Building all modules (skip with --no-build)"
    run_mvnw -B -q package -DskipTests
  else
    local modules
    modules="deploy,$(IFS=,; echo "$*")"
    step "Building $modules (skip with --no-build)"
    run_mvnw -B -q -pl "$modules" -am package -DskipTests
  fi
}
