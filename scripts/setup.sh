#!/usr/bin/env bash
# Shared set-up for ./run and ./run-tests: Debian packages (when root), a venv with the project.
# Usage: scripts/setup.sh app|test   — idempotent; quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-app}

# Debian packages. The application: Qt's runtime libraries (offscreen and xcb), the fallback CJK
# font for characters BIZ UDGothic lacks, and eSpeak NG (read aloud in English and other languages).
# The tests also: poppler (pdftotext/pdffonts), zbar (QR), sox (audio lengths), Xvfb + D-Bus +
# AT-SPI (the screen-reader interface, read with Debian's python3-pyatspi), gnome-keyring (a real
# Secret Service for the drafts' key), PulseAudio with its tools (a private null sink: real playback
# of read-aloud audio without a sound card, recorded back with parec), strace (no network use, even
# from native code), speech-dispatcher with eSpeak NG (the system voices through QtTextToSpeech).
app_debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-xinerama0 fonts-noto-cjk espeak-ng libespeak-ng1)
test_debs=(poppler-utils zbar-tools xvfb xauth sox
  dbus dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0 python3-pyatspi gnome-keyring
  libx11-xcb1 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-util1 pulseaudio pulseaudio-utils strace
  speech-dispatcher speech-dispatcher-espeak-ng libspeechd2 orca xdotool libasound2-plugins)
debs=("${app_debs[@]}")
[ "$purpose" = test ] && debs+=("${test_debs[@]}")

missing=()
for deb in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install ${missing[*]}"
    if [ "${CI:-}" = true ] || [ "$purpose" = test ]; then exit 1; fi
  fi
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Python 3.11 or newer is needed (found $("$python" --version 2>&1))."; exit 1; }
if [ ! -x .venv/bin/python ] && ! "$python" -m venv .venv; then
  if [ "$(id -u)" = 0 ]; then
    rm -rf .venv; apt-get install -y -qq python3-venv >/dev/null && "$python" -m venv .venv
  else
    echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1
  fi
fi
stamp=.venv/.installed-$purpose
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  extra=""; [ "$purpose" = test ] && extra="[test]"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extra"
  echo "$want" > "$stamp"
fi
# The tests also run the core's tests in a second venv without Qt (.venv-core): its dependencies
# are the project's and the test extra's minus the Qt packages (PySide6*, pytest-qt), so a core
# module that needs Qt fails there. The project itself is installed editable without dependencies.
core_stamp=.venv-core/.installed
if [ "$purpose" = test ] && [ "$(cat "$core_stamp" 2>/dev/null)" != "$want" ]; then
  [ -x .venv-core/bin/python ] || "$python" -m venv .venv-core
  mapfile -t core_deps < <(.venv-core/bin/python - <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project["optional-dependencies"]
for dep in project["dependencies"] + extras["test"] + extras["voice-ja"]:
    if not dep.lower().startswith(("pyside6", "shiboken6", "pytest-qt", "tetsuzuki-assistant")):
        print(dep)
PY
  )
  .venv-core/bin/python -m pip install -q --upgrade pip
  .venv-core/bin/python -m pip install -q "${core_deps[@]}"
  .venv-core/bin/python -m pip install -q --no-deps -e .
  echo "$want" > "$core_stamp"
fi
# Compiled translations (.mo) are built, not kept in git.
.venv/bin/python -m assistant.i18n_tools compile
