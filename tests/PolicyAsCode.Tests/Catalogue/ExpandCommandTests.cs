using PolicyAsCode.Cli;

namespace PolicyAsCode.Tests.Catalogue;

/// <summary><c>pac expand</c>, run in-process.</summary>
public class ExpandCommandTests
{
    private static (int Exit, string[] Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = Pac.Run(args, stdout, stderr, new StringReader(""));
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.ToString());
    }

    [Fact]
    public void AnAction_IsPrintedWithItsAccessLevel()
    {
        var (exit, stdout, stderr) = Run("expand", "s3:GetObject");
        Assert.Equal(Pac.Success, exit);
        Assert.Equal(["s3:GetObject  Read"], stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void APattern_ListsEveryActionItCoversSortedAndAligned()
    {
        var (exit, stdout, _) = Run("expand", "s3:Get*Acl");
        Assert.Equal(Pac.Success, exit);
        Assert.Equal(["s3:GetBucketAcl         Read", "s3:GetObjectAcl         Read", "s3:GetObjectVersionAcl  Read"], stdout);
    }

    [Fact]
    public void SeveralPatterns_AreMergedWithoutDuplicates()
    {
        var (exit, stdout, _) = Run("expand", "iam:PassRole", "iam:Pass*", "iam:AttachRolePolicy");
        Assert.Equal(Pac.Success, exit);
        Assert.Equal(["iam:AttachRolePolicy  Permissions management", "iam:PassRole          Write"], stdout);
    }

    [Fact]
    public void Star_ListsEveryAction()
    {
        var (exit, stdout, _) = Run("expand", "*");
        Assert.Equal(Pac.Success, exit);
        Assert.Equal(PolicyAsCode.Catalogue.ServiceCatalogue.Default.Services.Sum(s => s.Actions.Count), stdout.Length);
        Assert.Equal(stdout.OrderBy(l => l.Split(' ')[0], StringComparer.Ordinal), stdout);
    }

    [Fact]
    public void AnUnknownService_IsReportedWithASuggestion()
    {
        var (exit, stdout, stderr) = Run("expand", "s4:GetObject");
        Assert.Equal(Pac.Findings, exit);
        Assert.Empty(stdout);
        Assert.Equal("pac expand: s4:GetObject: the service s4 does not exist. Did you mean s3?", stderr.Trim());
    }

    [Fact]
    public void AnUnknownAction_IsReportedWithASuggestion()
    {
        var (exit, _, stderr) = Run("expand", "s3:GetObjet");
        Assert.Equal(Pac.Findings, exit);
        Assert.Equal("pac expand: s3:GetObjet does not exist. Did you mean s3:GetObject?", stderr.Trim());
    }

    [Fact]
    public void APatternCoveringNothing_IsReportedAndTheOthersStillListed()
    {
        var (exit, stdout, stderr) = Run("expand", "s3:Frobnicate*", "s3:GetObject");
        Assert.Equal(Pac.Findings, exit);
        Assert.Equal(["s3:GetObject  Read"], stdout);
        Assert.Equal("pac expand: s3:Frobnicate* matches no action.", stderr.Trim());
    }

    [Fact]
    public void APatternWithoutAService_IsExplained()
    {
        var (exit, _, stderr) = Run("expand", "GetObject");
        Assert.Equal(Pac.Findings, exit);
        Assert.Contains("an action is written service:Action", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPattern_IsAUsageError()
    {
        var (exit, stdout, stderr) = Run("expand");
        Assert.Equal(Pac.BadInput, exit);
        Assert.Empty(stdout);
        Assert.Contains("ACTION-PATTERN", stderr, StringComparison.Ordinal);
    }
}
