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

./mvnw -q -B -DskipTests package

# jpackage wants a numeric version (a -SNAPSHOT suffix breaks it on Windows): take the project's.
version="$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml | head -n 1)"

# The GUI's jar and the command line's jar side by side, their libraries in one lib/ (the same versions: one
# reactor).
input="installers/target/input"
rm -rf installers/target
mkdir -p "$input/lib"
cp app/gui/target/socket-inspector.jar app/cli/target/socket-inspector-cli.jar "$input/"
cp app/gui/target/lib/*.jar "$input/lib/"
cp -n app/cli/target/lib/*.jar "$input/lib/"  # the shared ones are already there (cp -n: keep them)

# Step 1: the application image. jpackage puts every jar of the input on every launcher's class path.
image_args=(@installers/jpackage/common.args @installers/jpackage/image.args --type app-image
            --app-version "$version" --input "$input" --dest installers/target/image)
case "$(uname -s)" in
  Linux) image_args+=(--icon installers/icons/socket-inspector.png) ;;
  MINGW*|MSYS*|CYGWIN*) image_args+=(--icon installers/icons/socket-inspector.ico) ;;
esac  # macOS wants an .icns, which we do not have yet: jpackage's default icon
jpackage "${image_args[@]}"

# Step 2: the command-line launcher gets the cli module's own class path, so it never loads the GUI toolkit
# (what a headless audit, a fleet agent or a container runs). Its .cfg lists one app.classpath line per jar.
cli_cfg="$(find installers/target/image -name socket-inspector-cli.cfg | head -n 1)"
[ -n "$cli_cfg" ] || { echo "installers/build.sh: jpackage made no socket-inspector-cli.cfg" >&2; exit 1; }
sep="/"; grep -q 'app.classpath=\$APPDIR\\' "$cli_cfg" && sep='\'
{
  grep -v '^app.classpath=' "$cli_cfg" | awk '{ print } /^\[Application\]/ { exit }'
  echo "app.classpath=\$APPDIR${sep}socket-inspector-cli.jar"
  for jar in app/cli/target/lib/*.jar; do echo "app.classpath=\$APPDIR${sep}lib${sep}$(basename "$jar")"; done
  grep -v '^app.classpath=' "$cli_cfg" | awk 'seen { print } /^\[Application\]/ { seen = 1 }'
} > "$cli_cfg.new"
mv "$cli_cfg.new" "$cli_cfg"
if grep -qiE 'javafx|controlsfx|atlantafx' "$cli_cfg"; then
  echo "installers/build.sh: the CLI launcher's class path still names the GUI toolkit" >&2; exit 1
fi

# Step 3: the installer, from that image (an app image is just moved into place).
image="$(find installers/target/image -mindepth 1 -maxdepth 1 | head -n 1)"
if [ "$type" = app-image ]; then
  mv "$image" installers/target/
else
  jpackage @installers/jpackage/common.args "@$platform_args" --type "$type" --app-version "$version" \
    --app-image "$image" --dest installers/target
fi
rm -rf installers/target/image
ls -1 installers/target
