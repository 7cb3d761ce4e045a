# Shared by the scripts: install Debian packages only when missing.
# Sourced, not run.

# apt_install PACKAGE...: installs those not yet installed (as root or via sudo).
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]}…"
  if [ -z "${TIMELINE_APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq
    export TIMELINE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
