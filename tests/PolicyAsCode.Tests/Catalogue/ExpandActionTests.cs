using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>
/// IAM User Guide, "IAM JSON policy elements: Action": an action pattern may use <c>*</c> and <c>?</c>, and action names
/// are case-insensitive.
/// </summary>
public class ExpandActionTests
{
    private static ServiceCatalogue Catalogue => ServiceCatalogue.Default;

    private static IEnumerable<ActionInfo> AllActions => Catalogue.Services.SelectMany(s => s.Actions);

    private static List<string> Expand(string pattern) => Catalogue.ExpandAction(pattern).Select(a => a.FullName).ToList();

    [Fact]
    public void S3GetStar_IsEveryS3ActionStartingWithGet()
    {
        var expected = AllActions.Where(a => a.Service.Prefix == "s3" && a.Name.StartsWith("Get", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.FullName).ToList();
        Assert.Contains("s3:GetObject", expected);
        Assert.True(expected.Count > 30);
        Assert.Equal(expected, Expand("s3:Get*"));
    }

    [Fact]
    public void StarColonListStar_IsEveryListActionOfEveryService()
    {
        var expected = AllActions.Where(a => a.Name.StartsWith("List", StringComparison.OrdinalIgnoreCase)).Select(a => a.FullName).ToList();
        Assert.True(expected.Count > 3000);
        Assert.Equal(expected, Expand("*:List*"));
    }

    [Fact]
    public void Star_IsEveryAction() => Assert.Equal(AllActions.Count(), Catalogue.ExpandAction("*").Count());

    [Fact]
    public void QuestionMark_IsOneCharacter()
    {
        var expanded = Expand("s3:?etObject");
        Assert.Contains("s3:GetObject", expanded);
        Assert.Contains("s3:PutObject", Expand("s3:??tObject"));
        Assert.All(expanded, name => Assert.Equal("s3:GetObject".Length, name.Length));
    }

    [Theory]
    [InlineData("S3:gEt*")]
    [InlineData("S3:GET*")]
    public void Patterns_IgnoreCase(string pattern) => Assert.Equal(Expand("s3:Get*"), Expand(pattern));

    [Fact]
    public void AServicePattern_MatchesSeveralServices()
    {
        var expected = AllActions.Where(a => a.Service.Prefix.StartsWith("s3", StringComparison.Ordinal) && a.Name.StartsWith("Get", StringComparison.Ordinal))
            .Select(a => a.FullName).ToList();
        Assert.Contains(expected, n => n.StartsWith("s3express:", StringComparison.Ordinal));
        Assert.Equal(expected, Expand("s3*:Get*"));
    }

    [Fact]
    public void APatternWithoutAColon_MatchesFullNames()
    {
        var expected = AllActions.Where(a => a.FullName.EndsWith("Object", StringComparison.OrdinalIgnoreCase)).Select(a => a.FullName).ToList();
        Assert.Contains("s3:GetObject", expected);
        Assert.Equal(expected, Expand("*Object"));
    }

    [Theory]
    [InlineData("s3:GetObject", 1)]
    [InlineData("s4:*", 0)]
    [InlineData("s3:NoSuchAction*", 0)]
    [InlineData("s3:Get*:x", 0)]
    [InlineData("GetObject", 0)]
    [InlineData("", 0)]
    public void Patterns_CoverWhatIamWouldMatch(string pattern, int count) => Assert.Equal(count, Catalogue.ExpandAction(pattern).Count());
}
