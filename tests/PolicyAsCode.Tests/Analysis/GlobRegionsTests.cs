using PolicyAsCode.Analysis;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>The region enumeration against brute force over every short string.</summary>
public sealed class GlobRegionsTests
{
    private static IEnumerable<string> AllStrings(string alphabet, int maxLength)
    {
        var level = new List<string> { "" };
        for (int n = 0; n <= maxLength; n++)
        {
            foreach (var s in level) yield return s;
            level = level.SelectMany(s => alphabet.Select(c => s + c)).ToList();
        }
    }

    private static string Signature(IReadOnlyList<string> patterns, string value, bool ignoreCase)
        => string.Concat(patterns.Select(p => GlobPattern.Compile(p, wildcards: true, variables: false, ignoreCase).IsMatch(value) ? '1' : '0'));

    [Fact]
    public void EveryRegionOfShortStringsHasExactlyOneRepresentative()
    {
        var random = new Random(12);
        string[] pieces = ["a", "b", "*", "?", "ab", ":"];
        for (int round = 0; round < 300; round++)
        {
            var patterns = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => pieces[random.Next(pieces.Length)])))
                .ToList();
            var reps = GlobRegions.Representatives(patterns, ignoreCase: false, excluded: null, 10_000)!;
            var repSignatures = reps.Select(r => Signature(patterns, r, false)).ToList();
            // Distinct: each representative stands for its own region.
            Assert.Equal(repSignatures.Count, repSignatures.Distinct().Count());
            // Complete: every region a short string (over the named characters and one other) reaches is represented.
            foreach (var s in AllStrings("ab:c", 6))
            {
                Assert.Contains(Signature(patterns, s, false), repSignatures);
            }
        }
    }

    [Fact]
    public void ExcludedCharacterNeverAppearsAndIgnoreCaseFolds()
    {
        var reps = GlobRegions.Representatives(["a:*", "*"], ignoreCase: false, excluded: ':', 1000)!;
        Assert.DoesNotContain(reps, r => r.Contains(':'));
        var folded = GlobRegions.Representatives(["S3:Get*", "s3:getobject"], ignoreCase: true, excluded: null, 1000)!;
        var signatures = folded.Select(r => Signature(["S3:Get*", "s3:getobject"], r, true)).ToHashSet();
        Assert.Equal(["00", "10", "11"], signatures.Order());
    }

    [Fact]
    public void BudgetGivesNull()
        => Assert.Null(GlobRegions.Representatives(["*a*b*c*", "*b*c*a*", "*c*a*b*"], ignoreCase: false, excluded: null, 5));
}
