#!/usr/bin/env bash
# Builds a self-contained Strongroom with jpackage (JDK 17+): an app image by default, or a
# .deb with `packaging/package.sh deb` (needs dpkg-deb and fakeroot). Output: target/dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-app-image}
version=$(mvn -q help:evaluate -Dexpression=project.version -DforceStdout | sed 's/-SNAPSHOT//')
mvn -q -B package -DskipTests
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input
cp target/lib/*.jar target/jpackage-input/
cp target/strongroom-*.jar target/jpackage-input/strongroom.jar
args=(--type "$type" --name strongroom --app-version "$version" --vendor "Strongroom"
      --input target/jpackage-input --main-jar strongroom.jar --main-class io.strongroom.app.Launcher
      --dest target/dist --java-options "-Dprism.lcdtext=false")
# A second launcher, bin/strongroom-serve, runs the embedded store headless with the JVM options
# of a small server (src/main/resources/io/strongroom/cli/serve-jvm.options); bin/strongroom keeps
# the JVM's defaults, which the console's larger heap needs.
serve_options=$(grep -v '^[[:space:]]*#' src/main/resources/io/strongroom/cli/serve-jvm.options | grep -v '^[[:space:]]*$' | tr '\n' ' ')
printf 'main-class=io.strongroom.app.ServeLauncher\njava-options=%s\n' "$serve_options" > target/strongroom-serve.properties
args+=(--add-launcher strongroom-serve=target/strongroom-serve.properties)
if [ "$type" = deb ]; then
  # jpackage's automatic dependencies miss the native libraries JavaFX loads.
  args+=(--linux-package-deps "libgtk-3-0, libpangoft2-1.0-0, libxtst6" --linux-shortcut)
fi
jpackage "${args[@]}"
echo "built: $(ls target/dist)"
