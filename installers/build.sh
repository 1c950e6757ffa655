#!/usr/bin/env bash
# Builds a native installer with the JDK's jpackage from the application jar and its libraries.
#   installers/build.sh [TYPE]     TYPE: app-image (default), deb, rpm, msi, exe, dmg, pkg
# Runs on the OS it packages for (jpackage cannot cross-build): Linux types here, msi/exe on a Windows
# runner, dmg/pkg on a macOS runner (see .github/workflows/installers.yml). Output: installers/target/.
set -euo pipefail
cd "$(dirname "$0")/.."

type="${1:-app-image}"
case "$type" in
  app-image) platform_args="" ;;
  deb|rpm) platform_args="installers/jpackage/linux.args" ;;
  msi|exe) platform_args="installers/jpackage/windows.args" ;;
  dmg|pkg) platform_args="installers/jpackage/macos.args" ;;
  *) echo "installers/build.sh: unknown type '$type' (app-image, deb, rpm, msi, exe, dmg, pkg)" >&2; exit 2 ;;
esac
if [ "$type" = app-image ]; then
  case "$(uname -s)" in
    Linux) platform_args="installers/jpackage/linux.args" ;;
    Darwin) platform_args="installers/jpackage/macos.args" ;;
    MINGW*|MSYS*|CYGWIN*) platform_args="installers/jpackage/windows.args" ;;
  esac
fi

./mvnw -q -B -DskipTests package

# jpackage wants a numeric version (a -SNAPSHOT suffix breaks it on Windows): take the project's.
version="$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml | head -n 1)"

# The GUI's jar and the command line's jar side by side, their libraries in one lib/ (the same versions: one
# reactor). Each jar's manifest Class-Path names only its own libraries.
input="installers/target/input"
rm -rf installers/target
mkdir -p "$input/lib"
cp app/gui/target/socket-inspector.jar app/cli/target/socket-inspector-cli.jar "$input/"
cp app/gui/target/lib/*.jar app/cli/target/lib/*.jar "$input/lib/"

args=(@installers/jpackage/common.args --type "$type" --app-version "$version" --input "$input"
      --dest installers/target)
[ -n "$platform_args" ] && args+=("@$platform_args")
# App images take only the icon of the platform options; the installer options would be rejected.
if [ "$type" = app-image ]; then
  args=(@installers/jpackage/common.args --type app-image --app-version "$version" --input "$input"
        --dest installers/target)
  [ "$(uname -s)" = Linux ] && args+=(--icon installers/icons/socket-inspector.png)
fi
jpackage "${args[@]}"
ls -1 installers/target
