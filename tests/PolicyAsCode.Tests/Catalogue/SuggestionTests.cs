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

    [Fact]
    public void Distance_ReusesItsRowsWithoutCarryingOver()
    {
        // The rows are reused by the thread's next call: a long comparison must not change a short one that follows.
        string longA = new string('a', 300) + "x", longB = new string('a', 300) + "y";
        Assert.Equal(1, Suggestions.Distance(longA, longB, 3));
        Assert.Equal(1, Suggestions.Distance("GetObjet", "GetObject", 3));
        Assert.Equal(0, Suggestions.Distance("", "", 3));
        Assert.Equal(2, Suggestions.Distance("", "ab", 3));
    }

    [Fact]
    public void SuggestServices_RememberedAnswers_AreTheComputedOnes()
    {
        // Asked again, in another case and with another limit, the answer is what a fresh search gives.
        var first = Catalogue.SuggestServices("lamda");
        Assert.Equal(first, Catalogue.SuggestServices("LAMDA"));
        Assert.Equal(Suggestions.Closest("lamda", Catalogue.Services.Select(s => s.Prefix), 3), first);
        Assert.Equal(Suggestions.Closest("lamda", Catalogue.Services.Select(s => s.Prefix), 1), Catalogue.SuggestServices("lamda", max: 1));
    }
}
