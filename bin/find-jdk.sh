#!/usr/bin/env bash
# Finds a JDK that can build and run GridVault (Java 21 or newer).
#
# Sourced by ./gridvault and .ci/run, which call find_jdk; run directly, it prints the JDK's path:
#   JAVA_HOME="$(bin/find-jdk.sh)" ./mvnw verify
#
# Looks at $JAVA_HOME first, then every JDK under /usr/lib/jvm (the newest one wins).

GRIDVAULT_MIN_JAVA=21

# Prints the feature release of the java in JDK directory $1 (17, 21, 25, ...), or nothing if it has none.
java_major() {
    local jdk=$1 version
    [[ -x "$jdk/bin/java" && -x "$jdk/bin/javac" ]] || return 0
    # First line is e.g.: openjdk version "25.0.3" 2026-04-21 LTS (or "1.8.0_402" for Java 8, "26-ea" for a preview)
    version=$("$jdk/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p') || true
    version=${version#1.}
    version=${version%%[.+-]*}
    [[ "$version" =~ ^[0-9]+$ ]] && echo "$version"
    return 0
}

# Prints the path of a JDK >= GRIDVAULT_MIN_JAVA; prints what to install on stderr and returns 1 if none.
find_jdk() {
    local jdk major best="" best_major=0
    if [[ -n "${JAVA_HOME:-}" ]]; then
        major=$(java_major "$JAVA_HOME")
        if [[ -n "$major" ]] && ((major >= GRIDVAULT_MIN_JAVA)); then
            echo "$JAVA_HOME"
            return 0
        fi
        echo "Ignoring JAVA_HOME=$JAVA_HOME (${major:+Java $major, }not a JDK $GRIDVAULT_MIN_JAVA or newer); looking in /usr/lib/jvm." >&2
    fi
    for jdk in /usr/lib/jvm/*; do
        major=$(java_major "$jdk")
        if [[ -n "$major" ]] && ((major >= GRIDVAULT_MIN_JAVA && major > best_major)); then
            best=$jdk
            best_major=$major
        fi
    done
    if [[ -n "$best" ]]; then
        echo "$best"
        return 0
    fi
    cat >&2 <<EOF
GridVault needs a JDK $GRIDVAULT_MIN_JAVA or newer, and none was found (looked at JAVA_HOME and /usr/lib/jvm/*).
Install one, for example:
  apt-get install openjdk-21-jdk      (Debian, Ubuntu)
  or Eclipse Temurin 21 or 25
then set JAVA_HOME to its directory, e.g. export JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64
EOF
    return 1
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    find_jdk
fi
