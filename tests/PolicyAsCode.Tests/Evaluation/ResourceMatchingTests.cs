using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>IAM User Guide, reference_policies_elements_resource and reference_policies_elements_notresource.</summary>
public sealed class ResourceMatchingTests
{
    private static bool Matches(string pattern, string resource)
        => Statement($$"""{"Effect":"Allow","Action":"*","Resource":"{{pattern}}"}""")
            .Decide(new Request(Alice, "svc:Act", resource)) == Decision.Allow;

    // reference_policies_elements_resource: a resource is named by its ARN; every field must match.
    [Theory]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sqs:us-east-2:111122223333:queue1", true)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sqs:us-west-2:111122223333:queue1", false)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sqs:us-east-2:444455556666:queue1", false)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sns:us-east-2:111122223333:queue1", false)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws-cn:sqs:us-east-2:111122223333:queue1", false)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:queue1", "arn:aws:sqs:us-east-2:111122223333:queue10", false)]
    [InlineData("arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/object", false)]
    [InlineData("arn:aws:s3:::my-bucket", "arn:aws:s3:us-east-1::my-bucket", false)]
    public void EveryArnFieldMustMatch(string pattern, string resource, bool matches)
        => Assert.Equal(matches, Matches(pattern, resource));

    // reference_policies_elements_resource: "In the Resource element, the IAM user name is case sensitive";
    // resource ARNs are matched case-sensitively.
    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob")]
    [InlineData("arn:aws:s3:::My-Bucket/*", "arn:aws:s3:::my-bucket/key")]
    [InlineData("arn:aws:s3:::bucket/Key", "arn:aws:s3:::bucket/key")]
    [InlineData("arn:aws:SQS:us-east-2:111122223333:queue1", "arn:aws:sqs:us-east-2:111122223333:queue1")]
    public void ResourceMatchingIsCaseSensitive(string pattern, string resource)
    {
        Assert.False(Matches(pattern, resource));
        Assert.True(Matches(pattern, pattern));
    }

    // reference_policies_elements_resource: "*" and "?" may be used within any ARN segment.
    [Theory]
    [InlineData("arn:aws:sqs:*:111122223333:queue1", "arn:aws:sqs:us-west-2:111122223333:queue1", true)]
    [InlineData("arn:aws:sqs:us-*-2:111122223333:queue1", "arn:aws:sqs:us-east-2:111122223333:queue1", true)]
    [InlineData("arn:aws:sqs:us-*-2:111122223333:queue1", "arn:aws:sqs:us-east-1:111122223333:queue1", false)]
    [InlineData("arn:aws:sqs:us-east-?:111122223333:queue1", "arn:aws:sqs:us-east-2:111122223333:queue1", true)]
    [InlineData("arn:aws:sqs:us-east-?:111122223333:queue1", "arn:aws:sqs:us-east-10:111122223333:queue1", false)]
    [InlineData("arn:aws:iam::*:user/alice", "arn:aws:iam::444455556666:user/alice", true)]
    [InlineData("arn:aws:iam::111122223333:user/accounting/*", "arn:aws:iam::111122223333:user/accounting/carlos", true)]
    [InlineData("arn:aws:iam::111122223333:user/accounting/*", "arn:aws:iam::111122223333:user/marketing/carlos", false)]
    [InlineData("arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket/a/b/c.txt", true)]
    [InlineData("arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket", false)]
    [InlineData("arn:aws:s3:::*log*", "arn:aws:s3:::carlossalazar-logs/file", true)]
    [InlineData("arn:aws:s3:::*log*", "arn:aws:s3:::carlossalazar/file", false)]
    public void WildcardsMatchWithinSegments(string pattern, string resource, bool matches)
        => Assert.Equal(matches, Matches(pattern, resource));

    // reference_policies_elements_resource: "If the * wildcard is the last character of a resource ARN segment, it can
    // expand to match beyond the colon boundaries." A trailing * covers the colons and fields that follow it.
    [Theory]
    [InlineData("arn:aws:logs:us-east-1:111122223333:*", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1")]
    [InlineData("arn:aws:logs:us-east-1:111122223333:log-group:*", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1")]
    [InlineData("arn:aws:iam::*", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("arn:aws:ec2:*", "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0")]
    [InlineData("arn:aws:s3:*", "arn:aws:s3:::bucket/key")]
    public void TrailingStarCrossesColons(string pattern, string resource)
        => Assert.True(Matches(pattern, resource));

    // reference_policies_elements_resource: the resource part (after the fifth colon) is one segment, so a * inside it
    // also covers colons there.
    [Fact]
    public void StarInsideResourcePartCoversColons()
        => Assert.True(Matches("arn:aws:logs:us-east-1:111122223333:log-group:*:x", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x"));

    // reference_policies_elements_resource: wildcards are used "within any ARN segment (the parts separated by colons)".
    // Ambiguity: AWS also says a * that is the last character of "a resource ARN segment" can expand beyond colons. The
    // evaluator reads that as the last segment written (as ArnLike does, reference_policies_elements_condition_operators):
    // a * in an earlier segment stays within it. These cases document that choice.
    [Theory]
    [InlineData("arn:aws:iam::*:user/alice", "arn:aws:iam::111122223333:role:user/alice")]
    [InlineData("arn:aws:sqs:*:queue1", "arn:aws:sqs:us-east-2:111122223333:queue1")]
    public void StarBeforeALaterSegmentStaysWithinItsSegment(string pattern, string resource)
        => Assert.False(Matches(pattern, resource));

    // reference_policies_elements_resource: "Resource": "*" applies to every resource, including "*" itself (actions
    // with no resource type).
    [Theory]
    [InlineData("arn:aws:s3:::bucket/key")]
    [InlineData("arn:aws-us-gov:ec2:us-gov-west-1:111122223333:instance/i-1")]
    [InlineData("*")]
    public void StarResourceMatchesEverything(string resource)
        => Assert.True(Matches("*", resource));

    // reference_policies_elements_resource: an ARN pattern does not match a request whose resource is "*" (an action
    // with no resource type needs "Resource": "*").
    [Fact]
    public void ArnPatternDoesNotMatchStarResource()
        => Assert.False(Matches("arn:aws:s3:::*", "*"));

    // reference_policies_elements_resource: several resources are ORed.
    [Theory]
    [InlineData("arn:aws:s3:::carlossalazar", true)]
    [InlineData("arn:aws:s3:::carlossalazar/notes.txt", true)]
    [InlineData("arn:aws:s3:::carlossalazar-logs", false)]
    public void ResourceListMatchesAnyListedResource(string resource, bool matches)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::carlossalazar/*","arn:aws:s3:::carlossalazar"]}""");
        Assert.Equal(matches ? Decision.Allow : Decision.ImplicitDeny, policy.Decide(new Request(Alice, "s3:PutObject", resource)));
    }

    // reference_policies_elements_notresource: NotResource matches every resource except those listed.
    [Theory]
    [InlineData("arn:aws:s3:::HRBucket/Payroll", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::HRBucket/Payroll/2024.csv", Decision.ImplicitDeny)]
    [InlineData("arn:aws:s3:::HRBucket/Other", Decision.Allow)]
    [InlineData("arn:aws:s3:::hrbucket/Payroll", Decision.Allow)]
    public void AllowWithNotResourceAllowsEveryOtherResource(string resource, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}""");
        Assert.Equal(expected, policy.Decide(new Request(Alice, "s3:GetObject", resource)));
    }

    // reference_policies_elements_notresource: Deny with NotResource denies everything outside the listed resources.
    [Theory]
    [InlineData("arn:aws:s3:::mybucket/file", Decision.Allow)]
    [InlineData("arn:aws:s3:::otherbucket/file", Decision.ExplicitDeny)]
    [InlineData("*", Decision.ExplicitDeny)]
    public void DenyWithNotResourceDeniesEverythingOutside(string resource, Decision expected)
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:*","Resource":"*"},
              {"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::mybucket","arn:aws:s3:::mybucket/*"]}]}
            """);
        Assert.Equal(expected, policy.Decide(new Request(Alice, "s3:GetObject", resource)));
    }

    // reference_policies_elements_resource / id_roles_terms-and-concepts (trust policy): a role trust policy has no
    // Resource element; its statements apply to the role it is attached to.
    [Fact]
    public void StatementWithoutResourceAppliesToTheResourceItIsAttachedTo()
    {
        var trust = Statement("""{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}""");
        Assert.Equal(Decision.Allow, trust.Decide(new Request(Alice, "sts:AssumeRole", "arn:aws:iam::111122223333:role/app")));
        Assert.Equal(Decision.ImplicitDeny, trust.Decide(new Request(Bob, "sts:AssumeRole", "arn:aws:iam::111122223333:role/app")));
        Assert.Equal(Decision.ImplicitDeny, trust.Decide(new Request(Alice, "sts:TagSession", "arn:aws:iam::111122223333:role/app")));
    }
}
