#!/usr/bin/env bash
# Imports every one of the 1,594 AWS managed policies embedded in PolicyAsCode with `pac import`, compiles the C# with
# the source generator, checks that each generated policy is semantically equal to its input, and prints the share
# that is byte-for-byte equal to `pac fmt` of the input. See README.md.
#
# Usage: round-trip.sh [report-file]   (default: print the report only)
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"
report="${1:-$(mktemp)}"

PAC_IMPORT_CORPUS=all PAC_IMPORT_REPORT="$report" \
  dotnet test "$repo_root/tests/PolicyAsCode.Tests" -c Release --filter "FullyQualifiedName~ManagedPolicyImportTests" >&2
cat "$report"
