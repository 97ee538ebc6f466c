#!/usr/bin/env bash
# Measures what the PolicyAsCode analyzers cost in a build: writes a project of 500 declarations (250 managed
# policies and 250 roles in 50 files, the generator benchmark's project) into a temporary directory, builds it twice
# with -p:ReportAnalyzer=true (the second build is measured, so the compiler server is warm), and prints the compiler's
# own figures: the Csc task time, every analyzer's and generator's execution time, and the PolicyAsCode analyzer's share.
# Usage: src/tools/analyzer-cost/measure.sh [declaration files, default 50]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
files="${1:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Outside the repository: its Directory.Build.props (warnings as errors) must not apply to the measured project.
cat > "$work/Directory.Build.props" <<'XML'
<Project />
XML
cp "$repo/global.json" "$work/"
cat > "$work/Measured.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/PolicyAsCode/PolicyAsCode.csproj" />
    <ProjectReference Include="$repo/src/PolicyAsCode.Aws/PolicyAsCode.Aws.csproj" />
    <ProjectReference Include="$repo/generators/PolicyAsCode.Generators/PolicyAsCode.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
for ((f = 0; f < files; f++)); do
  {
    echo "using PolicyAsCode; using PolicyAsCode.Aws; namespace Measured; public static partial class Declarations$f {"
    for i in 0 1 2 3 4; do
      echo "  [ManagedPolicy(\"p${f}_$i\")] public static IdentityPolicy Policy$i => Policy.Identity()"
      echo "    .Allow(S3.ListBucket).On(S3.Arn.Bucket(\"my-bucket-$i\")).When(S3.Keys.Prefix.Like(\"home/*\"))"
      echo "    .Allow(S3.GetObject, S3.PutObject).On(S3.Arn.Object(\"my-bucket-$i\", \"*\"))"
      echo "    .Deny().AllExcept(Iam.GetUser).OnAll().When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse()).Named(\"DenyWithoutMfa\");"
      echo "  [Role(\"r${f}_$i\")] public static Role Role$i => Role.Define()"
      echo "    .TrustedBy(Principal.Account(\"444455556666\").WithMfa(), Principal.Service(\"lambda.amazonaws.com\"))"
      echo "    .Attach(Policy$i).Attach(AwsManaged.ReadOnlyAccess).MaxSession(System.TimeSpan.FromHours(2));"
    done
    echo "}"
  } > "$work/Declarations$f.cs"
done

# The first build builds the references; the measured ones compile only this project (BuildProjectReferences=false,
# a touched source), so the Csc figure below is the measured project's alone.
build() {
  touch "$work/Declarations0.cs"
  dotnet build "$work/Measured.csproj" -c Release -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true "$@" \
    > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
}
echo "Building $((files * 10)) declarations in $files files (three times; the third build is measured)..."
build
build -p:BuildProjectReferences=false
build -p:BuildProjectReferences=false
cp "$work/build.log" "${PAC_ANALYZER_COST_LOG:-/dev/null}" 2>/dev/null || true

csc_ms="$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$work/build.log" | awk '{print $1}' | sort -n | tail -1)"
echo "Csc task: ${csc_ms} ms (the measured project's compile, analyzers and generators included)"
# The compiler's ReportAnalyzer section: totals, and the lines of PolicyAsCode's assembly and its analyzers/generator.
grep -E 'Total (analyzer|generator) execution time|^\s+[<0-9.]+\s+[<0-9]+\s+PolicyAsCode' "$work/build.log" | sed -E 's/^\s+//; s/, Version=.*//'
policy_s="$(grep -E '^\s+[<0-9.]+\s+[<0-9]+\s+PolicyAsCode\.Generators\..*Analyzer' "$work/build.log" | awk '{print $1}' | tr -d '<' | head -1)"
if [[ -n "$policy_s" && -n "$csc_ms" ]]; then
  awk -v a="$policy_s" -v c="$csc_ms" 'BEGIN { printf "PolicyAsCode analyzers: %.0f ms, %.1f%% of the compile\n", a * 1000, 100 * a * 1000 / c }'
fi
