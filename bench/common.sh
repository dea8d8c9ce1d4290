# Shared by the benchmark scripts (sourced, not run): installs the Debian packages a benchmark needs.
# Usage: require_packages LABEL PACKAGE...  (the packages that are missing; installs them as root, else exits 1)
require_packages() {
  local label=$1
  shift
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
  else
    echo "$label: missing $* (run as root to install them)" >&2
    exit 1
  fi
}
