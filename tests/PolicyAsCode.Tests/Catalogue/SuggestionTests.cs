using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary>"Did you mean" candidates for unknown services and actions.</summary>
public class SuggestionTests
{
    private static ServiceCatalogue Catalogue => ServiceCatalogue.Default;

    [Fact]
    public void S4_SuggestsS3() => Assert.Equal("s3", Catalogue.SuggestServices("s4").First());

    [Theory]
    [InlineData("lamda", "lambda")]
    [InlineData("dynamdb", "dynamodb")]
    [InlineData("EC2", "ec2")]
    [InlineData("cloudwach", "cloudwatch")]
    public void MisspelledServices_SuggestTheService(string unknown, string expected) =>
        Assert.Equal(expected, Catalogue.SuggestServices(unknown).First());

    [Fact]
    public void GetObjet_SuggestsGetObject() => Assert.Equal(["s3:GetObject"], Catalogue.SuggestActions("s3", "GetObjet"));

    [Theory]
    [InlineData("s3", "s3:GetObjet", "s3:GetObject")]
    [InlineData("s3", "getobjcet", "s3:GetObject")]
    [InlineData("S3", "PutObjct", "s3:PutObject")]
    [InlineData("iam", "PasRole", "iam:PassRole")]
    public void MisspelledActions_SuggestTheAction(string service, string unknown, string expected) =>
        Assert.Equal(expected, Catalogue.SuggestActions(service, unknown).First());

    [Theory]
    [InlineData("zzqqxxyy")]
    [InlineData("qwxzvbnmkl")]
    public void Gibberish_SuggestsNothing(string unknown)
    {
        Assert.Empty(Catalogue.SuggestServices(unknown));
        Assert.Empty(Catalogue.SuggestActions("s3", unknown));
    }

    [Fact]
    public void AnUnknownService_HasNoActionSuggestions() => Assert.Empty(Catalogue.SuggestActions("s4", "GetObject"));

    [Fact]
    public void Suggestions_AreNearestFirstAndLimited()
    {
        var suggestions = Catalogue.SuggestServices("ec", max: 10);
        Assert.Contains("ec2", suggestions);
        Assert.InRange(suggestions.Count, 2, 10);
        Assert.Single(Catalogue.SuggestServices("ec", max: 1));
        Assert.Empty(Catalogue.SuggestServices("ec", max: 0));
    }

    [Theory]
    [InlineData("GetObjet", "GetObject", 1)]
    [InlineData("GetObejct", "GetObject", 1)]
    [InlineData("getobject", "GetObject", 0)]
    [InlineData("s4", "s3", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_IsOptimalStringAlignmentIgnoringCase(string a, string b, int expected) =>
        Assert.Equal(expected, Suggestions.Distance(a, b, limit: 5));

    [Fact]
    public void Distance_StopsAtTheLimit() => Assert.Equal(3, Suggestions.Distance("abcdef", "uvwxyz", limit: 2));
}
