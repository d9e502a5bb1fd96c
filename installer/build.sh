#!/usr/bin/env bash
# Builds TextDrive's native packages with the JDK's jpackage, into target/installer/:
#   Linux:   an app-image and a .deb (needs fakeroot and dpkg-dev)
#   Windows: an .msi (needs the WiX Toolset 3 on the PATH)
#   macOS:   a .dmg
# Usage: installer/build.sh [app-image|deb|msi|dmg]   (default: the native packages of this system)
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -ntp package -DskipTests

version=$(unzip -p target/textdrive.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
input=target/jpackage-input
dest=target/installer
rm -rf "$input" && mkdir -p "$input" "$dest"
cp target/textdrive.jar "$input/"

# sqlite-jdbc carries native libraries for every platform (about 25 MB); a package keeps only its own.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) keep=Linux/x86_64 ;;
  Linux-aarch64) keep=Linux/aarch64 ;;
  Darwin-x86_64) keep=Mac/x86_64 ;;
  Darwin-arm64) keep=Mac/aarch64 ;;
  *) keep=Windows/x86_64 ;;
esac
unwanted=$(unzip -Z1 "$input/textdrive.jar" 'org/sqlite/native/*' | grep -v "^org/sqlite/native/$keep/" | grep -v '/$' || true)
if [ -n "$unwanted" ]; then
  echo "$unwanted" | (cd "$input" && xargs zip -q -d textdrive.jar)
fi

# The runtime holds only the modules the jar uses, plus those found only at run time: elliptic-curve TLS
# for HTTPS to Twilio and Kloudless, the zip file system that copies the demo folder out of the jar, and
# the extra character sets of SMS bodies.
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target/textdrive.jar)
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.charsets"

common=(
  --name textdrive
  --app-version "$version"
  --vendor "TextDrive"
  --description "Browse storage and share files by SMS"
  --copyright "TextDrive"
  --input "$input"
  --main-jar textdrive.jar
  --main-class dev.textdrive.Main
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  --java-options "-Xss512k"
  --dest "$dest"
)

build() {
  local type=$1
  echo "Building $type in $dest"
  case "$type" in
    app-image)
      rm -rf "$dest/textdrive"
      jpackage --type app-image --icon installer/icons/textdrive.png "${common[@]}"
      ;;
    deb)
      rm -f "$dest"/textdrive_*.deb
      jpackage --type deb --icon installer/icons/textdrive.png "${common[@]}" \
        --install-dir /opt \
        --resource-dir installer/linux \
        --linux-package-name textdrive \
        --linux-deb-maintainer "TextDrive <textdrive@localhost>" \
        --linux-menu-group "Network;" \
        --linux-app-category net \
        --linux-shortcut \
        --linux-package-deps "libgtk-3-0"
      ;;
    msi)
      jpackage --type msi --icon installer/icons/textdrive.ico "${common[@]}" \
        --win-menu --win-menu-group TextDrive --win-shortcut --win-dir-chooser --win-console \
        --win-upgrade-uuid 6f1f2d4e-0b5e-4b0e-9a47-4d1c3a7e2b10
      ;;
    dmg)
      jpackage --type dmg --icon installer/icons/textdrive.icns "${common[@]}" \
        --mac-package-name TextDrive --mac-package-identifier dev.textdrive
      ;;
    *)
      echo "Unknown package type '$type': use app-image, deb, msi or dmg." >&2
      exit 2
      ;;
  esac
}

if [ $# -gt 0 ]; then
  for type in "$@"; do build "$type"; done
else
  case "$(uname -s)" in
    Linux) build app-image; build deb ;;
    Darwin) build dmg ;;
    MINGW*|MSYS*|CYGWIN*) build msi ;;
    *) echo "No native package for $(uname -s): pass app-image." >&2; exit 2 ;;
  esac
fi
ls -la "$dest"
