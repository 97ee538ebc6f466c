using PolicyAsCode.Analysis;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// Known answers on AWS managed policies: against each other, against copies with one statement removed, and each
/// against its canonical rewrite (<see cref="CanonicalRewrite"/>). Every witness is also re-decided here with the
/// interpreter, independently of the replay the analysis does itself.
/// </summary>
public sealed class ManagedPolicyKnownAnswerTests
{
    private static PolicyDocument Managed(string name) => Assert.IsType<AwsManagedPolicy>(AwsManagedPolicies.TryGet(name, out var p) ? p : null).Document;

    private static Decision Decide(PolicyDocument policy, Request request) => new PreparedPolicy(policy).Decide(request);

    private static Request AssertNewAccess(PolicyDocument baseline, PolicyDocument candidate)
    {
        var verdict = PolicyAnalysis.NoNewAccess([baseline], [candidate]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        var witness = verdict.Witness!;
        Assert.Equal(Decision.Allow, Decide(candidate, witness));
        Assert.NotEqual(Decision.Allow, Decide(baseline, witness));
        Assert.True(ServiceCatalogue.Default.TryGetAction(witness.Action, out _), $"not a catalogue action: {verdict}");
        Assert.DoesNotContain('*', witness.Resource);
        return witness;
    }

    [Fact]
    public void ReadOnlyAccessReadsObjectsThatViewOnlyAccessCannot()
    {
        // ViewOnlyAccess lists resources and reads their metadata; ReadOnlyAccess also reads the data (s3:Get*).
        var readOnly = Managed("ReadOnlyAccess");
        var viewOnly = Managed("ViewOnlyAccess");
        AssertNewAccess(viewOnly, readOnly);
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.AccessNotGranted([viewOnly], ["s3:GetObject"], ["*"]).Kind);
        var read = PolicyAnalysis.AccessNotGranted([readOnly], ["s3:GetObject"], ["arn:aws:s3:::my-bucket/*"]);
        Assert.Equal(VerdictKind.Fails, read.Kind);
        Assert.Equal("s3:GetObject", read.Witness!.Action);
        Assert.StartsWith("arn:aws:s3:::my-bucket/", read.Witness.Resource);
    }

    [Fact]
    public void ViewOnlyAccessIsNotContainedInReadOnlyAccessEither()
    {
        // Each names actions the other does not, so neither is a subset: the witness is one that only ViewOnlyAccess grants.
        var witness = AssertNewAccess(Managed("ReadOnlyAccess"), Managed("ViewOnlyAccess"));
        Assert.Equal(VerdictKind.Fails, PolicyAnalysis.Equivalent([Managed("ReadOnlyAccess")], [Managed("ViewOnlyAccess")]).Kind);
        Assert.Equal(Decision.ImplicitDeny, Decide(Managed("ReadOnlyAccess"), witness));
    }

    [Fact]
    public void RemovingViewOnlyAccessesApiGatewayStatementLosesExactlyThoseReads()
    {
        // Its second statement allows apigateway:GET on 40 API Gateway resource patterns; without it, such a GET is denied.
        var viewOnly = Managed("ViewOnlyAccess");
        var removed = viewOnly with { Statements = EquatableArray.Create(viewOnly.Statements[0]) };
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([viewOnly], [removed]).Kind);
        var witness = AssertNewAccess(removed, viewOnly);
        Assert.Equal("apigateway:GET", witness.Action);
        Assert.StartsWith("arn:aws:apigateway:", witness.Resource);
        Assert.Contains(viewOnly.Statements[1].Resource!.Values.Items, p => ArnPattern.Compile(p, variables: false).IsMatch(witness.Resource));
    }

    [Fact]
    public void PowerUserAccessIsAdministratorAccessWithoutIamOrganizationsAndAccount()
    {
        var admin = Managed("AdministratorAccess");
        var power = Managed("PowerUserAccess");
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([admin], [power]).Kind);
        var witness = AssertNewAccess(power, admin);
        Assert.Matches("^(iam|organizations|account):", witness.Action);
        // The few IAM actions PowerUserAccess names again are granted; the others are not.
        Assert.Equal(VerdictKind.Fails, PolicyAnalysis.AccessNotGranted([power], ["iam:CreateServiceLinkedRole"], ["*"]).Kind);
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.AccessNotGranted([power], ["iam:PassRole", "organizations:LeaveOrganization"], ["*"]).Kind);
    }

    [Fact]
    public void ReadOnlyAccessWithAStatementRemovedLosesOnlyThatStatementsActions()
    {
        var readOnly = Managed("ReadOnlyAccess");
        var statements = readOnly.Statements.Items;
        var removed = readOnly with { Statements = EquatableArray.Create(statements.Where((_, i) => i != 1).ToArray()) };
        Assert.Equal(VerdictKind.Holds, PolicyAnalysis.NoNewAccess([readOnly], [removed]).Kind);
        var witness = AssertNewAccess(removed, readOnly);
        Assert.True(new PreparedPolicy(readOnly with { Statements = EquatableArray.Create(statements[1]) }).Decide(witness) == Decision.Allow, witness.ToString());
    }

    [Fact]
    public void EveryManagedPolicyIsEquivalentToItsCanonicalRewrite()
    {
        int holds = 0, unknown = 0;
        foreach (var managed in AwsManagedPolicies.All)
        {
            var policy = managed.Document;
            var verdict = PolicyAnalysis.Equivalent([policy], [CanonicalRewrite.Of(policy)]);
            // Never a difference: the rewrite keeps the meaning. Unknown is allowed (a condition outside the fragment).
            Assert.True(verdict.Kind != VerdictKind.Fails, $"{managed.Name}: {verdict}");
            if (verdict.Kind == VerdictKind.Holds) holds++;
            else unknown++;
        }
        Assert.Equal(AwsManagedPolicies.All.Count, holds + unknown);
        // Every policy without conditions is in the decided fragment, and most with conditions are too.
        Assert.True(holds >= 1200, $"{holds} hold, {unknown} unknown");
    }

    [Fact]
    public void ARewriteThatDropsOneSplitStatementIsCaught()
    {
        // The round trip can fail: dropping one of the one-action statements of the rewrite loses that action.
        var policy = Managed("AmazonS3ReadOnlyAccess");
        var rewrite = CanonicalRewrite.Of(policy);
        var dropped = rewrite with { Statements = EquatableArray.Create(rewrite.Statements.Items.Skip(1).ToArray()) };
        var verdict = PolicyAnalysis.Equivalent([policy], [dropped]);
        Assert.Equal(VerdictKind.Fails, verdict.Kind);
        Assert.NotEqual(Decide(policy, verdict.Witness!), Decide(dropped, verdict.Witness!));
    }
}
