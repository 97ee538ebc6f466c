using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>IAM User Guide, reference_policies_variables ("IAM policy elements: Variables and tags").</summary>
public sealed class PolicyVariableTests
{
    private const string RoleSessionWithoutUserName = AppSession;

    // reference_policies_variables (Resource element): ${aws:username} in the resource part of an ARN is replaced by
    // the caller's friendly user name: each user gets their own "home directory".
    [Theory]
    [InlineData(Alice, "arn:aws:s3:::mybucket/alice/notes.txt", Decision.Allow)]
    [InlineData(Bob, "arn:aws:s3:::mybucket/bob/notes.txt", Decision.Allow)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/bob/notes.txt", Decision.ImplicitDeny)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/Alice/notes.txt", Decision.ImplicitDeny)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/alice", Decision.ImplicitDeny)]
    public void UserNameInResource(string principal, string resource, Decision expected)
    {
        var policy = Statement("""{"Action":["s3:GetObject","s3:PutObject"],"Effect":"Allow","Resource":["arn:aws:s3:::mybucket/${aws:username}/*"]}""");
        Assert.Equal(expected, policy.Decide(new Request(principal, "s3:GetObject", resource)));
    }

    // reference_policies_variables: the AWS example lets each user manage their own access keys.
    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice", Decision.Allow)]
    [InlineData("arn:aws:iam::111122223333:user/bob", Decision.ImplicitDeny)]
    public void UserNameInIamUserArn(string resource, Decision expected)
    {
        var policy = Statement("""{"Action":["iam:*AccessKey*"],"Effect":"Allow","Resource":["arn:aws:iam::111122223333:user/${aws:username}"]}""");
        Assert.Equal(expected, policy.Decide(new Request(Alice, "iam:CreateAccessKey", resource)));
    }

    // reference_policies_variables: a variable may be part of a larger resource name ("${aws:username}-queue").
    [Theory]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:alice-queue", Decision.Allow)]
    [InlineData("arn:aws:sqs:us-east-2:111122223333:bob-queue", Decision.ImplicitDeny)]
    [InlineData("arn:aws:sqs:us-west-2:111122223333:alice-queue", Decision.ImplicitDeny)]
    public void VariableInsideAName(string resource, Decision expected)
    {
        var policy = Statement("""{"Sid":"AllQueueActions","Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:us-east-2:*:${aws:username}-queue"}""");
        Assert.Equal(expected, policy.Decide(new Request(Alice, "sqs:SendMessage", resource)));
    }

    // reference_policies_variables (Condition element): variables in string conditions; the AWS example lets a user list
    // the bucket root, home/ and their own home folder.
    [Theory]
    [InlineData("", true)]
    [InlineData("home/", true)]
    [InlineData("home/alice/", true)]
    [InlineData("home/bob/", false)]
    [InlineData("home/alice/sub/", false)]
    public void UserNameInStringLikeCondition(string prefix, bool holds)
        => Assert.Equal(holds, Holds("""{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/"]}}""", ("s3:prefix", [prefix])));

    // reference_policies_variables (tags as policy variables): "${aws:PrincipalTag/department}" in a Resource refers to
    // the bucket named after the caller's department tag.
    [Theory]
    [InlineData("finance", "arn:aws:s3:::bucket/finance", Decision.Allow)]
    [InlineData("finance", "arn:aws:s3:::bucket/hr", Decision.ImplicitDeny)]
    [InlineData(null, "arn:aws:s3:::bucket/finance", Decision.ImplicitDeny)]
    public void PrincipalTagInResource(string? department, string resource, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::bucket/${aws:PrincipalTag/department}"]}""");
        var context = department is null ? Context() : Context(("aws:PrincipalTag/department", [department]));
        Assert.Equal(expected, policy.Decide(new Request(Alice, "s3:ListBucket", resource, context)));
    }

    // reference_policies_variables (Condition element): a tag variable compared with another key (attribute-based access
    // control): the resource's team tag must equal the caller's.
    [Theory]
    [InlineData("red", "red", true)]
    [InlineData("red", "blue", false)]
    [InlineData("red", "RED", false)]
    [InlineData("red", null, false)]
    public void PrincipalTagInConditionValue(string? principalTeam, string? resourceTeam, bool holds)
    {
        var context = new List<(string, string[])>();
        if (principalTeam is not null) context.Add(("aws:PrincipalTag/team", [principalTeam]));
        if (resourceTeam is not null) context.Add(("aws:ResourceTag/team", [resourceTeam]));
        Assert.Equal(holds, Holds("""{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}""", [.. context]));
    }

    // reference_policies_variables ("Key names are case-insensitive"): ${AWS:UserName} is ${aws:username}.
    [Fact]
    public void VariableKeyNamesAreCaseInsensitive()
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::mybucket/${AWS:UserName}/*"}""");
        Assert.Equal(Decision.Allow, policy.Decide(new Request(Alice, "s3:GetObject", "arn:aws:s3:::mybucket/alice/x")));
        Assert.True(Holds("""{"StringEquals":{"test:owner":"${aws:PRINCIPALTAG/Team}"}}""", ("aws:PrincipalTag/team", ["red"]), ("test:owner", ["red"])));
    }

    // reference_policies_variables (Special characters): ${*} is a literal asterisk, not a wildcard.
    [Theory]
    [InlineData("arn:aws:s3:::bucket/*", Decision.Allow)]
    [InlineData("arn:aws:s3:::bucket/anything", Decision.ImplicitDeny)]
    public void EscapedStarInResourceIsLiteral(string resource, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bucket/${*}"}""");
        Assert.Equal(expected, policy.Decide(new Request(Alice, "s3:GetObject", resource)));
    }

    // reference_policies_variables (Special characters): ${*}, ${?} and ${$} are literal *, ? and $ in conditions, even in
    // StringLike, where unescaped * and ? stay wildcards.
    [Theory]
    [InlineData("a${*}b", "a*b", true)]
    [InlineData("a${*}b", "axb", false)]
    [InlineData("a${*}*", "a*xyz", true)]
    [InlineData("a${*}*", "axyz", false)]
    [InlineData("what${?}", "what?", true)]
    [InlineData("what${?}", "whats", false)]
    [InlineData("cost${$}center", "cost$center", true)]
    [InlineData("${$}{aws:username}", "${aws:username}", true)]
    [InlineData("${$}{aws:username}", "alice", false)]
    public void EscapedSpecialCharactersInStringLike(string policy, string request, bool holds)
        => Assert.Equal(holds, Holds("StringLike", "test:key", [policy], request));

    // reference_policies_variables (Special characters): the escapes work in StringEquals too.
    [Fact]
    public void EscapedSpecialCharactersInStringEquals()
    {
        Assert.True(Holds("StringEquals", "test:key", ["${*}${?}${$}"], "*?$"));
        Assert.False(Holds("StringEquals", "test:key", ["${*}"], "x"));
    }

    // reference_policies_variables (Specifying default values): ${key, 'default'} uses the default when the key is
    // absent, as for callers that have no user name.
    [Theory]
    [InlineData(RoleSessionWithoutUserName, "anonymous", true)]
    [InlineData(RoleSessionWithoutUserName, "alice", false)]
    [InlineData(Alice, "alice", true)]
    [InlineData(Alice, "anonymous", false)]
    public void DefaultValueInCondition(string principal, string owner, bool holds)
    {
        var context = Context(("aws:ResourceTag/owner", [owner]));
        Assert.True(holds == Holds("""{"StringEquals":{"aws:ResourceTag/owner":"${aws:username, 'anonymous'}"}}""",
            new Request(principal, "s3:GetObject", ObjectArn, context)));
    }

    // reference_policies_variables (Specifying default values): the default applies in a Resource too.
    [Theory]
    [InlineData(null, "arn:aws:s3:::bucket/company-wide/doc", Decision.Allow)]
    [InlineData(null, "arn:aws:s3:::bucket/red/doc", Decision.ImplicitDeny)]
    [InlineData("red", "arn:aws:s3:::bucket/red/doc", Decision.Allow)]
    [InlineData("red", "arn:aws:s3:::bucket/company-wide/doc", Decision.ImplicitDeny)]
    public void DefaultValueInResource(string? team, string resource, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*"}""");
        var context = team is null ? Context() : Context(("aws:PrincipalTag/team", [team]));
        Assert.Equal(expected, policy.Decide(new Request(AppSession, "s3:GetObject", resource, context)));
    }

    // reference_policies_variables: a variable whose key is not in the request cannot be resolved; a Resource containing
    // it matches nothing (a role session has no aws:username).
    [Theory]
    [InlineData("arn:aws:s3:::mybucket//notes.txt")]
    [InlineData("arn:aws:s3:::mybucket/${aws:username}/notes.txt")]
    [InlineData("arn:aws:s3:::mybucket/app/notes.txt")]
    public void MissingVariableInResourceMatchesNothing(string resource)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::mybucket/${aws:username}/*"}""");
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(new Request(RoleSessionWithoutUserName, "s3:GetObject", resource)));
    }

    // reference_policies_variables: "If AWS cannot resolve a variable this might cause the entire statement to be
    // invalid." A condition whose key is present but whose value needs a variable the request lacks cannot be evaluated:
    // it fails closed (an Allow with it does not apply, a Deny does), negated operators included; otherwise
    // StringNotEquals against ${aws:username} would hold for every role session.
    [Theory]
    [InlineData("StringEquals")]
    [InlineData("StringEqualsIgnoreCase")]
    [InlineData("StringLike")]
    [InlineData("StringNotEquals")]
    [InlineData("StringNotEqualsIgnoreCase")]
    [InlineData("StringNotLike")]
    [InlineData("ForAnyValue:StringNotEquals")]
    [InlineData("ForAllValues:StringNotLike")]
    [InlineData("StringNotEqualsIfExists")]
    public void UnresolvableVariableInCondition_FailsClosed(string op)
    {
        var request = new Request(RoleSessionWithoutUserName, "s3:GetObject", ObjectArn, Context(("test:owner", ["${aws:username}"])));
        AssertFailsClosed($$$"""{"{{{op}}}":{"test:owner":"${aws:username}"}}""", request);
    }

    // reference_policies_variables (negative case of the rule above): when the variable resolves, the condition is
    // evaluated as usual, and a default value resolves a variable whose key is absent.
    [Theory]
    [InlineData("StringNotEquals", "alice", false)]
    [InlineData("StringNotEquals", "bob", true)]
    [InlineData("StringEquals", "alice", true)]
    public void ResolvableVariableInCondition_IsEvaluated(string op, string owner, bool holds)
    {
        Assert.Equal(holds, Holds($$$"""{"{{{op}}}":{"test:owner":"${aws:username}"}}""", AliceGets(("test:owner", [owner]))));
        Assert.Equal(holds, Holds($$$"""{"{{{op}}}":{"test:owner":"${aws:PrincipalTag/owner, 'alice'}"}}""",
            new Request(RoleSessionWithoutUserName, "s3:GetObject", ObjectArn, Context(("test:owner", [owner])))));
    }

    // reference_policies_variables and reference_policies_condition_operators (IfExists: "use the ...IfExists condition
    // operator" to keep variables from making statements invalid): when the condition's key is absent the values are not
    // compared, so an unresolvable variable does not matter.
    [Theory]
    [InlineData("StringEqualsIfExists", true)]
    [InlineData("StringNotEquals", true)]
    [InlineData("StringEquals", false)]
    public void UnresolvableVariable_KeyAbsent_ValuesNotCompared(string op, bool holds)
        => Assert.Equal(holds, Holds($$$"""{"{{{op}}}":{"test:owner":"${aws:username}"}}""", new Request(RoleSessionWithoutUserName, "s3:GetObject", ObjectArn)));

    // reference_policies_variables: an unresolvable tag variable in ABAC fails closed, and so does an ARN condition.
    [Fact]
    public void UnresolvableVariable_InTagAndArnConditions_FailsClosed()
    {
        AssertFailsClosed("""{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}""", AliceGets(("aws:ResourceTag/team", ["red"])));
        AssertFailsClosed("""{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}}""", new Request(AppSession, "s3:GetObject", ObjectArn));
    }

    // reference_policies_condition-single-vs-multi-valued-context-keys: multivalued context keys cannot be used as policy
    // variables; such a variable cannot be resolved, which fails closed.
    [Fact]
    public void MultivaluedKeyIsNotAPolicyVariable()
    {
        AssertFailsClosed("""{"StringEquals":{"test:key":"${aws:TagKeys}"}}""", AliceGets(("aws:TagKeys", ["a", "b"]), ("test:key", ["a"])));
        Assert.True(Holds("""{"StringEquals":{"test:key":"${aws:TagKeys}"}}""", ("aws:TagKeys", ["a"]), ("test:key", ["a"])));
    }

    // reference_policies_variables: "If AWS cannot resolve a variable this might cause the entire statement to be
    // invalid." An Allow statement whose NotResource needs ${aws:username} grants nothing to a role session (which has no
    // aws:username) instead of every user; with a user, it excludes that user's own ARN as written.
    [Theory]
    [InlineData(RoleSessionWithoutUserName, "arn:aws:iam::111122223333:user/bob", Decision.ImplicitDeny)]
    [InlineData(RoleSessionWithoutUserName, "arn:aws:iam::111122223333:user/alice", Decision.ImplicitDeny)]
    [InlineData(Alice, "arn:aws:iam::111122223333:user/bob", Decision.Allow)]
    [InlineData(Alice, "arn:aws:iam::111122223333:user/alice", Decision.ImplicitDeny)]
    public void UnresolvableVariableInNotResource_AllowDoesNotApply(string principal, string resource, Decision expected)
    {
        var policy = Statement("""{"Effect":"Allow","Action":"iam:GetUser","NotResource":"arn:aws:iam::111122223333:user/${aws:username}"}""");
        Assert.Equal(expected, policy.Decide(new Request(principal, "iam:GetUser", resource)));
    }

    // reference_policies_variables, and this project's fail-closed choice (docs/evaluation.md): a Deny statement whose
    // Resource or NotResource needs a variable the request cannot resolve applies when its action, principal and
    // conditions do; with the variable resolved it applies only as written.
    [Theory]
    [InlineData(RoleSessionWithoutUserName, "arn:aws:s3:::mybucket/other/x", "Resource", Decision.ExplicitDeny)]
    [InlineData(RoleSessionWithoutUserName, "arn:aws:s3:::mybucket/other/x", "NotResource", Decision.ExplicitDeny)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/other/x", "Resource", Decision.Allow)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/alice/x", "Resource", Decision.ExplicitDeny)]
    [InlineData(Alice, "arn:aws:s3:::mybucket/alice/x", "NotResource", Decision.Allow)]
    public void UnresolvableVariableInDenyResource_DenyApplies(string principal, string resource, string element, Decision expected)
    {
        var policy = Policy($$$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
              {"Effect":"Deny","Action":"s3:GetObject","{{{element}}}":"arn:aws:s3:::mybucket/${aws:username}/*"}]}
            """);
        Assert.Equal(expected, policy.Decide(new Request(principal, "s3:GetObject", resource)));
    }

    // reference_policies_variables: a Resource element needs all its variables, even when another of its patterns matches
    // (the statement is invalid as a whole); a default value resolves the variable.
    [Fact]
    public void UnresolvableVariableInResourceList_AllowDoesNotApply()
    {
        var policy = Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::shared/*","arn:aws:s3:::home/${aws:username}/*"]}""");
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(new Request(RoleSessionWithoutUserName, "s3:GetObject", "arn:aws:s3:::shared/a")));
        Assert.Equal(Decision.Allow, policy.Decide(new Request(Alice, "s3:GetObject", "arn:aws:s3:::shared/a")));
        var withDefault = Statement("""{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::shared/*","arn:aws:s3:::home/${aws:username, 'nobody'}/*"]}""");
        Assert.Equal(Decision.Allow, withDefault.Decide(new Request(RoleSessionWithoutUserName, "s3:GetObject", "arn:aws:s3:::shared/a")));
    }

    private static void AssertFailsClosed(string conditionJson, Request request)
    {
        var allow = Policy($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}""");
        var deny = Policy($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}""");
        Assert.Equal(Decision.ImplicitDeny, allow.Decide(request));
        Assert.Equal(Decision.ExplicitDeny, deny.Decide(request));
    }

    // reference_policies_variables (Resource element): variables may be used "only in the resource portion of the ARN"
    // (after the fifth colon); before it, ${...} is not replaced.
    [Fact]
    public void VariablesBeforeTheFifthColonAreNotReplaced()
    {
        var policy = Statement("""{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}""");
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(new Request(Alice, "iam:GetUser", "arn:aws:iam::111122223333:user/alice")));
    }

    // reference_policies_variables (Condition element): variables may be used in ARN conditions too.
    [Theory]
    [InlineData(Alice, true)]
    [InlineData("arn:aws:iam::444455556666:user/alice", true)]
    public void VariableInArnCondition(string principal, bool holds)
        => Assert.Equal(holds, Holds("""{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}}""",
            new Request(principal, "s3:GetObject", ObjectArn)));

    // reference_policies_variables: "If you don't include the Version element and set it to an appropriate version date,
    // variables like ${aws:username} are treated as literal strings in the policy"; so in version 2008-10-17.
    [Theory]
    [InlineData("""{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::mybucket/${aws:username}/*"}}""")]
    [InlineData("""{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::mybucket/${aws:username}/*"}}""")]
    public void WithoutVersion2012VariablesInResourceAreLiteral(string json)
    {
        var policy = Policy(json);
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(new Request(Alice, "s3:GetObject", "arn:aws:s3:::mybucket/alice/notes.txt")));
        Assert.Equal(Decision.Allow, policy.Decide(new Request(Alice, "s3:GetObject", "arn:aws:s3:::mybucket/${aws:username}/notes.txt")));
    }

    // reference_policies_variables / reference_policies_elements_version: in 2008-10-17 condition values, ${...} is
    // literal text, and so are the ${*} escapes.
    [Fact]
    public void WithoutVersion2012VariablesInConditionsAreLiteral()
    {
        var literal = AliceGets(("test:key", ["${aws:username}"]));
        var alice = AliceGets(("test:key", ["alice"]));
        Assert.True(Holds("""{"StringEquals":{"test:key":"${aws:username}"}}""", literal, version: "2008-10-17"));
        Assert.False(Holds("""{"StringEquals":{"test:key":"${aws:username}"}}""", alice, version: "2008-10-17"));
        Assert.True(Holds("""{"StringEquals":{"test:key":"${aws:username}"}}""", alice));
        Assert.True(Holds("""{"StringLike":{"test:key":"${*}"}}""", AliceGets(("test:key", ["${*}"])), version: "2008-10-17"));
    }
}
