# shellcheck shell=bash
# `./platform images [SERVICE...]`: the services' OCI images, built the Quarkus way with Jib (the `images` profile of
# pom.xml: non-root, JVM sized by the container), into a Docker or Podman daemon or pushed to a registry. Where none
# of these exists (this machine: no daemon, no base image can be pulled) it says so and builds nothing.

# Where the images go: "registry" (TIDELINE_IMAGE_REGISTRY set: Jib pushes, no daemon needed), "docker", "podman",
# or nothing when there is no builder.
image_target() {
  if [[ -n "${TIDELINE_IMAGE_REGISTRY:-}" ]]; then
    echo registry
  elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    echo docker
  elif command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; then
    echo podman
  fi
}

cmd_images() {
  local services=("$@") target tag
  (( ${#services[@]} )) || services=("${SERVICES[@]}")
  for s in "${services[@]}"; do
    [[ " ${SERVICES[*]} " == *" $s "* ]] || die "unknown service '$s' (services: ${SERVICES[*]})"
  done
  target="$(image_target)"
  if [[ -z "$target" ]]; then
    die "no image builder here: no Docker or Podman daemon answers and TIDELINE_IMAGE_REGISTRY is not set, so no
       image was built. The images are configured (pom.xml, profile 'images': Jib, base
       registry.access.redhat.com/ubi9/openjdk-17-runtime, user 185); run './platform images' where a daemon runs or
       with TIDELINE_IMAGE_REGISTRY=registry.example.com/team (Jib then pushes there, pulling the base image itself)."
  fi
  require_java
  tag="${TIDELINE_IMAGE_TAG:-$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo latest)}"
  local args=(-B -q -Dimages -DskipTests "-Dquarkus.container-image.tag=$tag"
    -pl "$(IFS=,; echo "${services[*]}")" -am package)
  case "$target" in
    registry) args+=("-Dquarkus.container-image.registry=${TIDELINE_IMAGE_REGISTRY%%/*}"
                     "-Dquarkus.container-image.push=true")
              [[ "$TIDELINE_IMAGE_REGISTRY" == */* ]] && args+=("-Dquarkus.container-image.group=${TIDELINE_IMAGE_REGISTRY#*/}") ;;
    podman) args+=("-Dquarkus.jib.docker-executable-name=podman") ;;
  esac
  step "Building the images of ${services[*]} with Jib (into $target, tag $tag)"
  run_mvnw "${args[@]}"
  for s in "${services[@]}"; do
    info "${TIDELINE_IMAGE_REGISTRY:-tideline}/$s:$tag"
  done
  info "set these in an overlay: cd deploy/k8s/overlays/<env> && kustomize edit set image tideline/<service>=<image>"
}
