#!/usr/bin/env bash
# Makes the Python virtual environment the tests use for real clients no one here wrote
# (feedparser, html5lib, Selenium, prometheus_client): .build/test-venv, from Tests/Support/requirements.txt.
# Idempotent: seconds when the environment already matches the requirements.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/test-venv
requirements=Tests/Support/requirements.txt
stamp="$venv/.requirements"
if [ -x "$venv/bin/python3" ] && cmp -s "$requirements" "$stamp"; then exit 0; fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
