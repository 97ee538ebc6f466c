namespace PolicyAsCode.Generators;

/// <summary>PAC203: two declarations that would write the same file under <c>iam/</c> (names compare without case, as file systems may).</summary>
internal static class DuplicateNames
{
    public static IEnumerable<DiagnosticInfo> Find(EquatableArray<DeclarationSummary> declarations)
    {
        var seen = new Dictionary<string, DeclarationSummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var summary in declarations)
        {
            foreach (var file in summary.Files)
            {
                if (string.Equals(file, ManifestWriter.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new DiagnosticInfo(DiagnosticIds.DuplicateName,
                        $"'{summary.Containing.FullName}.{summary.MemberName}' would write iam/manifest.json, the manifest of all declarations; give it another name.",
                        summary.Location);
                }
                else if (seen.TryGetValue(file, out var first))
                {
                    yield return new DiagnosticInfo(DiagnosticIds.DuplicateName,
                        $"'{summary.Containing.FullName}.{summary.MemberName}' writes iam/{file}, which '{first.Containing.FullName}.{first.MemberName}' writes too; give one of them another name.",
                        summary.Location);
                }
                else
                {
                    seen[file] = summary;
                }
            }
        }
    }
}
