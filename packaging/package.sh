#!/usr/bin/env bash
# Builds a self-contained Strongroom with jpackage (JDK 17+) and a Java runtime linked by jlink
# with only the modules in packaging/runtime-modules.txt. Output: target/dist/.
#
#   packaging/package.sh              app image: target/dist/strongroom/ (bin/strongroom runs it)
#   packaging/package.sh deb          Debian package (needs dpkg-deb and fakeroot)
#   packaging/package.sh rpm          RPM (needs rpmbuild)
#   packaging/package.sh msi | exe    Windows installer (on Windows, WiX Toolset 3 on the PATH)
#   packaging/package.sh dmg | pkg    macOS disk image / installer (on macOS)
#
# Environment:
#   STRONGROOM_PACKAGE_PREBUILT=1  package the already compiled target/classes instead of running
#                                  `mvn package` (the packaging test, which runs inside `mvn verify`)
#   STRONGROOM_MAVEN_FLAGS         extra flags for the Maven runs, e.g. -o
#   STRONGROOM_DIST                output directory (default target/dist)
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-app-image}
case "$type" in
  app-image|deb|rpm|msi|exe|dmg|pkg) ;;
  *) echo "package.sh: unknown type '$type' (app-image, deb, rpm, msi, exe, dmg or pkg)" >&2; exit 2 ;;
esac
dist=${STRONGROOM_DIST:-target/dist}
work=target/jpackage
# -B and style.color=never: no ANSI colour codes in anything read back from Maven (a version
# read from a coloured `mvn -q` once ended in ESC[0m and broke the .deb's file name)
# shellcheck disable=SC2206
mvn=(mvn -B -q -Dstyle.color=never ${STRONGROOM_MAVEN_FLAGS:-})

rm -rf "$work" "$dist"
mkdir -p "$work/input" "$dist"
if [ "${STRONGROOM_PACKAGE_PREBUILT:-}" = 1 ]; then
  [ -f target/classes/io/strongroom/version.properties ] || { echo "package.sh: compile first (mvn compile)" >&2; exit 1; }
  "${mvn[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$work/input"
fi
if [ "${STRONGROOM_PACKAGE_PREBUILT:-}" != 1 ]; then
  "${mvn[@]}" package -DskipTests
fi
# The version as Maven filtered it into the classes (io/strongroom/version.properties): a plain
# file, no terminal in between
full_version=$(sed -n 's/^version=//p' target/classes/io/strongroom/version.properties | tr -d '\r')
version=${full_version%-SNAPSHOT}
if ! [[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]]; then
  echo "package.sh: cannot package version '$full_version' (jpackage takes up to three numbers)" >&2
  exit 1
fi
if [ "${STRONGROOM_PACKAGE_PREBUILT:-}" = 1 ]; then
  printf 'Main-Class: io.strongroom.app.Launcher\nImplementation-Title: strongroom\nImplementation-Version: %s\n' \
      "$full_version" > "$work/MANIFEST.MF"
  jar --create --file "$work/input/strongroom.jar" --manifest "$work/MANIFEST.MF" -C target/classes .
else
  cp target/lib/*.jar "$work/input/"
  cp "target/strongroom-$full_version.jar" "$work/input/strongroom.jar"
fi

# The runtime: only the listed modules, without debug symbols, headers and man pages, with the
# default class-data sharing archive a JDK ships (lib/server/classes.jsa; without it every start
# parses the JDK's classes again). Native commands (bin/java, bin/keytool) stay.
modules=$(grep -v '^[[:space:]]*#' packaging/runtime-modules.txt | grep -v '^[[:space:]]*$' | tr -d '\r' | paste -sd, -)
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
      --output "$work/runtime"

# macOS (CFBundleVersion) and jpackage there refuse a version whose first number is 0: a 0.x
# release is bundled as 1.0.0 and keeps its real version in the file name and in the app itself
app_version=$version
if [[ "$type" =~ ^(dmg|pkg)$ && "$version" == 0* ]]; then
  app_version=1.0.0
fi
args=(--type "$type" --name strongroom --app-version "$app_version" --vendor "Strongroom"
      --description "Every secret across AWS accounts and regions, and an embedded local secret store"
      --copyright "Apache License 2.0"
      --input "$work/input" --main-jar strongroom.jar --main-class io.strongroom.app.Launcher
      --runtime-image "$work/runtime" --dest "$dist" --java-options "-Dprism.lcdtext=false")
# A second launcher, bin/strongroom-serve, runs the embedded store headless with the JVM options
# of a small server (src/main/resources/io/strongroom/cli/serve-jvm.options); bin/strongroom keeps
# the JVM's defaults, which the console's larger heap needs. A server gets no menu entry or
# desktop shortcut, and on Windows a console window for its banner.
serve_options=$(grep -v '^[[:space:]]*#' src/main/resources/io/strongroom/cli/serve-jvm.options | grep -v '^[[:space:]]*$' | tr -d '\r' | tr '\n' ' ')
printf 'main-class=io.strongroom.app.ServeLauncher\nlinux-shortcut=false\nwin-shortcut=false\nwin-menu=false\nwin-console=true\njava-options=%s\n' "$serve_options" > "$work/strongroom-serve.properties"
args+=(--add-launcher "strongroom-serve=$work/strongroom-serve.properties")

case "$type" in
  app-image) args+=(--icon assets/icons/strongroom-512.png) ;;
  deb)       args+=(@packaging/linux/deb.args) ;;
  # the .deb's dependency names are Debian's; rpmbuild finds the libraries itself
  rpm)       args+=(--icon assets/icons/strongroom-512.png --linux-shortcut --resource-dir packaging/linux) ;;
  msi|exe)   args+=(@packaging/windows/msi.args) ;;
  dmg|pkg)   args+=(@packaging/macos/dmg.args) ;;
esac
jpackage "${args[@]}"
if [ "$app_version" != "$version" ]; then
  mv "$dist/strongroom-$app_version.$type" "$dist/strongroom-$version.$type"
fi
echo "built: $(cd "$dist" && ls)"
