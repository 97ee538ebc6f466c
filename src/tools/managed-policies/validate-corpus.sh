#!/usr/bin/env bash
# Runs `pac validate` over the AWS managed-policy corpus (see fetch.sh) as identity-based policies and prints the number
# of findings per rule and severity as a Markdown table. See docs/validation-corpus.md.
#
# Usage: validate-corpus.sh [corpus-directory] [json-output-file]
#   corpus-directory  defaults to artifacts/managed-policies under the repository root (fill it with fetch.sh).
#   json-output-file  where to keep pac's JSON findings (default: a temporary file, removed afterwards).
# Builds the CLI in Release first. Exits 0 whatever the findings; non-zero only when pac cannot run.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"
corpus="${1:-$repo_root/artifacts/managed-policies}"

for tool in dotnet node; do
  command -v "$tool" >/dev/null || { echo "validate-corpus.sh: '$tool' is required but not on PATH" >&2; exit 1; }
done
if ! compgen -G "$corpus/*.json" >/dev/null; then
  echo "validate-corpus.sh: no *.json files in $corpus; run src/tools/managed-policies/fetch.sh first" >&2
  exit 1
fi

if [[ $# -ge 2 ]]; then
  findings="$2"
else
  findings="$(mktemp)"
  trap 'rm -f "$findings"' EXIT
fi

dotnet build "$repo_root/src/PolicyAsCode.Cli" -c Release --nologo -v quiet >&2
set +e
dotnet run --project "$repo_root/src/PolicyAsCode.Cli" -c Release --no-build -- \
  validate "$corpus" --kind identity --format json >"$findings"
status=$?
set -e
# 0: no errors, 1: findings with errors; anything else means pac could not read a file or failed.
if [[ $status -gt 1 ]]; then
  echo "validate-corpus.sh: pac validate exited with $status" >&2
  exit "$status"
fi

node - "$findings" "$corpus" <<'JS'
const fs = require('fs');
const [file, corpus] = process.argv.slice(2);
const findings = JSON.parse(fs.readFileSync(file, 'utf8'));
const policies = fs.readdirSync(corpus).filter((f) => f.endsWith('.json')).length;
const rows = new Map();
const withFinding = new Set(), withError = new Set();
for (const f of findings) {
  const key = `${f.ruleId}\t${f.severity}`;
  if (!rows.has(key)) rows.set(key, { rule: f.ruleId, severity: f.severity, count: 0, files: new Set() });
  const row = rows.get(key);
  row.count++;
  row.files.add(f.file);
  withFinding.add(f.file);
  if (f.severity === 'error') withError.add(f.file);
}
const sorted = [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule) || a.severity.localeCompare(b.severity));
console.log('| Rule | Severity | Findings | Policies |');
console.log('|---|---|---:|---:|');
for (const r of sorted) console.log(`| ${r.rule} | ${r.severity} | ${r.count} | ${r.files.size} |`);
const errors = findings.filter((f) => f.severity === 'error').length;
console.log(`| **all** | | **${findings.length}** (${errors} errors) | **${withFinding.size}** |`);
console.log();
console.log(`${policies} policies checked; ${withError.size} with at least one error, ${withFinding.size} with at least one finding.`);
JS
