#!/usr/bin/env sh
# Copies the staff guide's pictures (docs/staff-guide.md) from the last browser-test run into
# docs/images/. Take them first, from the repository root:
#   ./mvnw -B -pl webapp -am verify -Dit.test=StaffGuideIT -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false
# then run: sh docs/images/update-staff-guide.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
from="$root/webapp/target/screenshots"
to="$root/docs/images"
set -- "$from"/staff-*.png
if [ ! -e "$1" ]; then
  echo "no staff-*.png in $from: run StaffGuideIT first" >&2
  exit 1
fi
rm -f "$to"/staff-*.png
cp "$@" "$to"/
echo "copied $# pictures to $to ($(du -ch "$to"/staff-*.png | tail -n 1 | cut -f1) in all)"
