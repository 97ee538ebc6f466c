#!/usr/bin/env bash
# Extracts the IAM and AWS Organizations resource types the build's CloudFormation output uses from AWS's CloudFormation resource
# specification, as shipped by the npm package @aws-cdk/cfnspec (Apache-2.0), into the test data file
# tests/PolicyAsCode.Tests/TestData/cfnspec/iam-resource-spec.json. The tests read only that file; nothing is downloaded
# at test time.
#
# Usage: extract.sh [version]   (default: the pinned version below)
# Requires bash, npm and node.
set -euo pipefail

version="${1:-${PAC_CFNSPEC_VERSION:-2.72.1}}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"
out_dir="$repo_root/tests/PolicyAsCode.Tests/TestData/cfnspec"

for tool in npm node tar; do
  command -v "$tool" >/dev/null || { echo "extract.sh: '$tool' is required but not on PATH" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@aws-cdk/cfnspec@$version" --silent >/dev/null && tar xzf aws-cdk-cfnspec-*.tgz)

mkdir -p "$out_dir"
node - "$work/package" "$out_dir/iam-resource-spec.json" "$version" <<'JS'
const fs = require('fs');
const [pkg, out, version] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(`${pkg}/spec/specification.json`, 'utf8'));
const resourceTypes = ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::Organizations::Policy'];
const result = {
  Source: `@aws-cdk/cfnspec@${version} spec/specification.json (Apache-2.0), ResourceSpecificationVersion ${spec.ResourceSpecificationVersion}`,
  ResourceSpecificationVersion: spec.ResourceSpecificationVersion,
  PropertyTypes: {},
  ResourceTypes: {},
};
for (const name of resourceTypes) {
  if (!spec.ResourceTypes[name]) throw new Error(`${name} is not in the specification`);
  result.ResourceTypes[name] = spec.ResourceTypes[name];
  for (const [property, type] of Object.entries(spec.PropertyTypes)) {
    if (property.startsWith(name + '.')) result.PropertyTypes[property] = type;
  }
}
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
JS

{
  echo "# CloudFormation resource specification (IAM subset)"
  echo
  echo "\`iam-resource-spec.json\` holds the \`AWS::IAM::ManagedPolicy\`, \`AWS::IAM::Role\` and \`AWS::Organizations::Policy\`"
  echo "resource types (and their property types) of AWS's CloudFormation resource specification, extracted by"
  echo "\`src/tools/cfnspec/extract.sh\` from the npm package [\`@aws-cdk/cfnspec\`](https://www.npmjs.com/package/@aws-cdk/cfnspec)"
  echo "version $version (\`spec/specification.json\`), by Amazon Web Services, under the Apache License 2.0. The package's"
  echo "NOTICE and LICENSE follow."
  echo
  echo "## NOTICE"
  echo
  echo '```'
  cat "$work/package/NOTICE"
  echo '```'
  echo
  echo "## LICENSE"
  echo
  echo '```'
  cat "$work/package/LICENSE"
  echo '```'
} >"$out_dir/NOTICE.md"
echo "wrote $out_dir/iam-resource-spec.json and NOTICE.md" >&2
