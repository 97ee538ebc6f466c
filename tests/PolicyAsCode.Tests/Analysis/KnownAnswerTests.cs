using PolicyAsCode.Analysis;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>Known answers: AWS managed policies against each other and against edited copies of themselves.</summary>
public sealed class KnownAnswerTests
{
    [Fact]
    public void RemovingAStatementNeverAddsAccessAndIsSeenByTheConverse()
    {
        var policy = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*"]},
              {"Sid":"Write","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-bucket/uploads/*"}]}
            """);
        var removed = policy with { Statements = EquatableArray.Create(policy.Statements[0]) };
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([policy], [removed]).Kind);
        var verdict = PolicyAnalysis.NoNewAccess([removed], [policy]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal("s3:PutObject", verdict.Witness!.Action);
        Assert.StartsWith("arn:aws:s3:::my-bucket/uploads/", verdict.Witness.Resource);
    }

    [Fact]
    public void RedundantStatementIsUnusedAndTheOtherIsNot()
    {
        var policy = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Sid":"All","Effect":"Allow","Action":"s3:Get*","Resource":"*"},
              {"Sid":"Covered","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
              {"Sid":"Shadowed","Effect":"Deny","Action":"ec2:*","Resource":"*"}]}
            """);
        var verdicts = PolicyAnalysis.UnusedStatements(policy);
        Assert.Equal(VerdictKind.Fails, verdicts[0].Kind);
        Assert.Equal(VerdictKind.Holds, verdicts[1].Kind);
        // A Deny of what nothing allows still changes ImplicitDeny into ExplicitDeny: removing it changes a decision.
        Assert.Equal(VerdictKind.Fails, verdicts[2].Kind);
    }

    [Fact]
    public void PublicBucketPolicyFailsAndAccountScopedHolds()
    {
        // IAM User Guide / Access Analyzer: Principal "*" without conditions grants public access.
        var open = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}
            """);
        var verdict = PolicyAnalysis.NoPublicAccess(open);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.Equal("s3:GetObject", verdict.Witness!.Action);
        var scoped = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}
            """);
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoPublicAccess(scoped).Kind);
    }

    [Fact]
    public void DerivedKeysAndVariablesAreUnknownNeverHolds()
    {
        var conditioned = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}}}]}
            """);
        var verdict = PolicyAnalysis.NoPublicAccess(conditioned);
        Assert.Equal(VerdictKind.Unknown, verdict.Kind);
        Assert.Contains("aws:PrincipalArn", verdict.Reason);
        var variable = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}
            """);
        Assert.Equal(VerdictKind.Unknown, PolicyAnalysis.AccessNotGranted([variable], ["s3:DeleteObject"], ["*"]).Kind);
    }

    [Fact]
    public void BudgetAndCancellationGiveUnknown()
    {
        var readOnly = PolicyJson.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe*"],"Resource":"*"}]}""");
        Assert.Equal(VerdictKind.Unknown, PolicyAnalysis.Equivalent([readOnly], [readOnly], new AnalysisOptions { MaxAutomatonStates = 10 }).Kind);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(VerdictKind.Unknown, PolicyAnalysis.Equivalent([readOnly], [readOnly], new AnalysisOptions { CancellationToken = cancelled.Token }).Kind);
    }

    private static PolicyDocument Managed(string name) => Assert.IsType<AwsManagedPolicy>(AwsManagedPolicies.TryGet(name, out var p) ? p : null).Document;

    /// <summary>ReadOnlyAccess with its first statement's first action pattern widened to the whole service.</summary>
    private static (PolicyDocument Widened, string Service) Widen(PolicyDocument policy)
    {
        var first = policy.Statements[0];
        string pattern = first.Action.Values[0];
        string service = pattern[..pattern.IndexOf(':')];
        var actions = EquatableArray.Create([service + ":*", .. first.Action.Values.Items.Skip(1)]);
        var widened = first with { Action = first.Action with { Values = actions } };
        return (policy with { Statements = EquatableArray.Create([widened, .. policy.Statements.Items.Skip(1)]) }, service);
    }

    [Fact]
    public void ReadOnlyAccessAgainstAWidenedCopyFailsInTheWidenedServiceAndTheConverseHolds()
    {
        // Hundreds of services: decided per service prefix, not as one product automaton over every pattern.
        var readOnly = Managed("ReadOnlyAccess");
        var (widened, service) = Widen(readOnly);
        var verdict = PolicyAnalysis.NoNewAccess([readOnly], [widened]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.StartsWith(service + ":", verdict.Witness!.Action, StringComparison.OrdinalIgnoreCase);
        Assert.True(ServiceCatalogue.Default.TryGetAction(verdict.Witness.Action, out _), verdict.ToString());
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([widened], [readOnly]).Kind);
    }
}
