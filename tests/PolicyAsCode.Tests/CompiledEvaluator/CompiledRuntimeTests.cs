using PolicyAsCode.Compiled;
using PolicyAsCode.Json;
using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>The runtime support compiled evaluators call (PolicyAsCode.Compiled).</summary>
public sealed class CompiledRuntimeTests
{
    // Request.NormalizedAction, which compiled evaluators compare ordinally with lowercase ASCII patterns: ASCII letters
    // lowercased, every other character kept, the same string when there is nothing to lowercase.
    [Theory]
    [InlineData("S3:GetObject", "s3:getobject")]
    [InlineData("Access-Analyzer:ListFindings", "access-analyzer:listfindings")]
    [InlineData("s3:getobject", "s3:getobject")]
    [InlineData("", "")]
    [InlineData("\u017f3:Get", "\u017f3:get")]
    [InlineData("\u212Ams:Decrypt", "\u212Ams:decrypt")]
    [InlineData("S\u00c93:\u0130tem", "s\u00c93:\u0130tem")]
    public void NormalizedAction_LowercasesAsciiLettersOnly(string action, string expected)
    {
        Assert.Equal(expected, new Request(Alice, action, "*").NormalizedAction);
        if (action == expected) Assert.Same(action, new Request(Alice, action, "*").NormalizedAction);
    }

    // Why comparing NormalizedAction ordinally is ignoring case: under the interpreter's OrdinalIgnoreCase no character
    // outside ASCII equals an ASCII character (not the long s, the Kelvin sign or the Turkish i), and NormalizedAction
    // keeps them as they are.
    [Fact]
    public void OrdinalIgnoreCase_NeverEqualsAnAsciiCharacterWithAnotherOne()
    {
        for (int c = 0x80; c <= 0xFFFF; c++)
        {
            string other = ((char)c).ToString();
            for (char ascii = (char)0; ascii < 0x80; ascii++)
            {
                if (string.Equals(other, ascii.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail($"U+{c:X4} equals '{ascii}' ignoring case");
                }
            }
        }
    }

    [Fact]
    public void Helpers_MatchAsTheInterpreterDoes()
    {
        var alice = new Request(Alice, "s3:GetObject", "arn:aws:s3:::bucket/alice/x", Context(("aws:PrincipalTag/team", ["red"])));
        var bob = new Request(Bob, "s3:GetObject", "arn:aws:s3:::bucket/alice/x");

        var pattern = CompiledArnPattern.Create("arn:aws:s3:::bucket/${aws:username}/*", policyVariables: true);
        Assert.True(pattern.IsMatch(alice));
        Assert.False(pattern.IsMatch(bob));
        Assert.False(CompiledArnPattern.Create("arn:aws:s3:::bucket/${aws:username}/*", policyVariables: false).IsMatch(alice));

        var principal = CompiledPrincipal.Create(false, false, new PrincipalId(PrincipalType.Aws, Account));
        Assert.True(principal.Matches(alice));
        Assert.False(CompiledPrincipal.Create(true, false, new PrincipalId(PrincipalType.Aws, Alice), new PrincipalId(PrincipalType.Aws, Account)).Matches(alice));
        Assert.True(CompiledPrincipal.Create(false, true).Matches(new Request(null, "s3:GetObject", "*")));

        Assert.True(CompiledAction.Pattern("S3:Get?bject").IsMatch("s3:getobject"));
    }

    // reference_policies_condition_operators, failing closed: the first condition that is not true decides a Deny, so an
    // error before a false condition applies it and an error after one does not; an Allow needs every condition true.
    [Fact]
    public void Conditions_FailClosedInDocumentOrder()
    {
        var error = CompiledCondition.Create("NumericLessThan", "s3:max-keys", ["10"], policyVariables: true);
        var isFalse = CompiledCondition.Create("StringEquals", "aws:PrincipalTag/team", ["blue"], policyVariables: true);
        var isTrue = CompiledCondition.Create("StringEquals", "aws:PrincipalTag/team", ["red"], policyVariables: true);
        var request = new Request(Alice, "s3:GetObject", "*", Context(("aws:PrincipalTag/team", ["red"]), ("s3:max-keys", ["many"])));

        Assert.True(CompiledConditions.Create(isTrue, error, isFalse).DenyApplies(request));
        Assert.False(CompiledConditions.Create(isTrue, isFalse, error).DenyApplies(request));
        Assert.False(CompiledConditions.Create(isTrue, error).AllowApplies(request));
        Assert.True(CompiledConditions.Create(isTrue).AllowApplies(request));
        Assert.True(CompiledConditions.Create(isTrue).DenyApplies(request));
        Assert.False(CompiledConditions.Create(isFalse).DenyApplies(request));
        // A value that cannot be read for the operator is an error, not an exception.
        Assert.True(CompiledConditions.Create(CompiledCondition.Create("NumericEquals", "s3:max-keys", ["abc"], true)).DenyApplies(request));
        Assert.Throws<FormatException>(() => CompiledCondition.Create("NumericEqualz", "s3:max-keys", ["1"], true));
    }

    // A decision allocates nothing: the straight-line checks, the service switch and every helper.
    [Fact]
    public void CompiledDecision_AllocatesNothing()
    {
        var document = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe*","iam:Get*","iam:List*","kms:Describe*","kms:Get*","s3:Get*Tag?"],"Resource":"*"},
              {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${aws:username}/*","Principal":{"AWS":"111122223333"},
               "Condition":{"StringEquals":{"aws:PrincipalTag/team":["red","blue"]},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/*"}}},
              {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::bucket/secret*"}
            ]}
            """);
        var evaluate = EvaluatorCompiler.Compile(document);
        Request[] requests =
        [
            new(Alice, "S3:GETOBJECT", "arn:aws:s3:::bucket/alice/x"),
            new(Alice, "s3:PutObject", "arn:aws:s3:::bucket/alice/x", Context(("aws:PrincipalTag/team", ["red"]))),
            new(Alice, "s3:DeleteObject", "arn:aws:s3:::bucket/secret/x"),
            new(Alice, "sqs:SendMessage", "*"),
        ];
        Assert.Equal([Decision.Allow, Decision.Allow, Decision.ExplicitDeny, Decision.ImplicitDeny], requests.Select(evaluate));
        // Past tiered compilation's first tier, whose code may differ.
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 500)
        {
            foreach (var request in requests) evaluate(request);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            foreach (var request in requests) evaluate(request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
