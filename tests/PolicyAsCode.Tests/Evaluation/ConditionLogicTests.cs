using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// How conditions combine and how they treat missing keys: IAM User Guide, reference_policies_elements_condition,
/// reference_policies_elements_condition_operators (...IfExists, missing keys), reference_policies_multi-value-conditions
/// and reference_policies_condition_examples-multi-valued-context-keys (ForAllValues, ForAnyValue).
/// </summary>
public sealed class ConditionLogicTests
{
    // reference_policies_elements_condition_operators: "If the key that you specify in a policy condition is not present in
    // the request context, the values do not match and the condition is false."
    [Theory]
    [InlineData("StringEquals", "x")]
    [InlineData("StringEqualsIgnoreCase", "x")]
    [InlineData("StringLike", "*")]
    [InlineData("NumericEquals", "1")]
    [InlineData("NumericLessThan", "1")]
    [InlineData("NumericGreaterThanEquals", "1")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z")]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z")]
    [InlineData("Bool", "true")]
    [InlineData("BinaryEquals", "AAEC")]
    [InlineData("IpAddress", "0.0.0.0/0")]
    [InlineData("ArnEquals", "arn:*:*:*:*:*")]
    [InlineData("ArnLike", "arn:*:*:*:*:*")]
    public void PositiveOperatorOnMissingKeyIsFalse(string op, string policyValue)
        => Assert.False(Holds(op, "test:absent", [policyValue], null));

    // reference_policies_elements_condition_operators: "If the policy condition requires that the key is not matched,
    // such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true."
    [Theory]
    [InlineData("StringNotEquals", "x")]
    [InlineData("StringNotEqualsIgnoreCase", "x")]
    [InlineData("StringNotLike", "*")]
    [InlineData("NumericNotEquals", "1")]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z")]
    [InlineData("NotIpAddress", "0.0.0.0/0")]
    [InlineData("ArnNotEquals", "arn:*:*:*:*:*")]
    [InlineData("ArnNotLike", "arn:*:*:*:*:*")]
    public void NegatedOperatorOnMissingKeyIsTrue(string op, string policyValue)
        => Assert.True(Holds(op, "test:absent", [policyValue], null));

    // reference_policies_elements_condition_operators (...IfExists): "If the key is not present, evaluate the condition
    // element as true"; otherwise the key is processed as the base operator specifies.
    [Theory]
    [InlineData("StringEqualsIfExists", "x", "y")]
    [InlineData("StringLikeIfExists", "t2.*", "m5.large")]
    [InlineData("StringEqualsIgnoreCaseIfExists", "x", "y")]
    [InlineData("NumericLessThanIfExists", "10", "11")]
    [InlineData("NumericGreaterThanIfExists", "10", "9")]
    [InlineData("DateLessThanIfExists", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")]
    [InlineData("BoolIfExists", "true", "false")]
    [InlineData("BinaryEqualsIfExists", "AAEC", "AAED")]
    [InlineData("IpAddressIfExists", "203.0.113.0/24", "198.51.100.1")]
    [InlineData("ArnLikeIfExists", "arn:aws:sns:*:123456789012:*", "arn:aws:sns:us-east-1:999999999999:t")]
    [InlineData("ArnEqualsIfExists", "arn:aws:sns:*:123456789012:*", "arn:aws:sns:us-east-1:999999999999:t")]
    public void IfExistsIsTrueOnMissingKeyAndOtherwiseEvaluatesNormally(string op, string policyValue, string failingValue)
    {
        Assert.True(Holds(op, "test:key", [policyValue], null));
        Assert.False(Holds(op, "test:key", [policyValue], failingValue));
    }

    // reference_policies_elements_condition_operators (...IfExists): the AWS example lets RunInstances go ahead on the
    // resources that have no ec2:InstanceType key and checks the type on the instance.
    [Theory]
    [InlineData(null, true)]
    [InlineData("t2.micro", true)]
    [InlineData("m3.large", true)]
    [InlineData("c5.xlarge", false)]
    public void StringLikeIfExistsInstanceTypeExample(string? instanceType, bool holds)
        => Assert.Equal(holds, Holds("StringLikeIfExists", "ec2:InstanceType", ["t1.*", "t2.*", "m3.*"], instanceType));

    // reference_policies_elements_condition_operators (...IfExists): "If you are using an "Effect": "Deny" element with a
    // negated condition operator like StringNotEqualsIfExists, the request is still denied even if the tag is missing."
    [Theory]
    [InlineData(null, Decision.ExplicitDeny)]
    [InlineData("finance", Decision.Allow)]
    [InlineData("hr", Decision.ExplicitDeny)]
    public void DenyWithNegatedIfExistsStillDeniesWhenKeyIsMissing(string? department, Decision expected)
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalTag/department":"finance"}}}]}
            """);
        var request = department is null ? AliceGets() : AliceGets(("aws:PrincipalTag/department", [department]));
        Assert.Equal(expected, policy.Decide(request));
    }

    // reference_policies_condition-keys (aws:MultiFactorAuthPresent): the documented "BoolIfExists ... false" deny also
    // denies long-term credentials, where the key is absent.
    [Theory]
    [InlineData(null, true)]
    [InlineData("false", true)]
    [InlineData("true", false)]
    public void BoolIfExistsMultiFactorAuthPresent(string? mfa, bool denies)
        => Assert.Equal(denies, Holds("BoolIfExists", "aws:MultiFactorAuthPresent", ["false"], mfa));

    // reference_policies_multi-value-conditions: ForAllValues is true when every request value matches at least one
    // policy value; the AWS example allows reading only PostDateTime, Message and Tags.
    [Theory]
    [InlineData(new[] { "PostDateTime", "Message" }, true)]
    [InlineData(new[] { "Tags" }, true)]
    [InlineData(new[] { "PostDateTime", "UserName" }, false)]
    [InlineData(new[] { "ID" }, false)]
    [InlineData(new[] { "postdatetime" }, false)]
    public void ForAllValuesRequiresEveryRequestValueToMatch(string[] attributes, bool holds)
        => Assert.Equal(holds, Holds("""{"ForAllValues:StringLike":{"dynamodb:requestedAttributes":["PostDateTime","Message","Tags"]}}""",
            ("dynamodb:requestedAttributes", attributes)));

    // reference_policies_multi-value-conditions: "If the key values in the request resolve to an empty data set ..., a
    // condition operator modified by ForAllValues returns true"; reference_policies_condition_examples-multi-valued-context-keys:
    // "The ForAllValues set operator also returns true if there are no context keys in the request."
    [Fact]
    public void ForAllValuesIsTrueOnMissingOrEmptyKey()
    {
        const string condition = """{"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""";
        Assert.True(Holds(condition));
        Assert.True(Holds(condition, ("aws:TagKeys", [])));
    }

    // reference_policies_multi-value-conditions: ForAnyValue is true when at least one request value matches one policy
    // value; the AWS example denies PutItem that touches ID or PostDateTime.
    [Theory]
    [InlineData(new[] { "UserName", "Message", "PostDateTime" }, true)]
    [InlineData(new[] { "ID" }, true)]
    [InlineData(new[] { "UserName" }, false)]
    [InlineData(new[] { "UserName", "Message" }, false)]
    public void ForAnyValueRequiresOneRequestValueToMatch(string[] attributes, bool holds)
        => Assert.Equal(holds, Holds("""{"ForAnyValue:StringLike":{"dynamodb:requestedAttributes":["ID","PostDateTime"]}}""",
            ("dynamodb:requestedAttributes", attributes)));

    // reference_policies_multi-value-conditions: "... a condition operator modified by ForAnyValue returns false" on an
    // empty data set, and likewise when the key is absent.
    [Fact]
    public void ForAnyValueIsFalseOnMissingOrEmptyKey()
    {
        const string condition = """{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}""";
        Assert.False(Holds(condition));
        Assert.False(Holds(condition, ("aws:TagKeys", [])));
    }

    // reference_policies_condition_examples-multi-valued-context-keys: the AWS table for a Deny with
    // "ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"}: it matches only when no tag key starts with key1, including
    // when there are no tag keys at all.
    [Theory]
    [InlineData(new[] { "key1:legal" }, false)]
    [InlineData(new[] { "key1:hr", "key1:personnel" }, false)]
    [InlineData(new[] { "key2:audit" }, true)]
    [InlineData(new[] { "key1:legal", "key2:audit" }, false)]
    [InlineData(null, true)]
    public void ForAllValuesStringNotLikeTable(string[]? tagKeys, bool matches)
    {
        var deny = Statement("""{"Sid":"DenyRestrictedTags","Effect":"Deny","Action":["iam:Tag*","iam:UnTag*"],"Resource":["*"],"Condition":{"ForAllValues:StringNotLike":{"aws:TagKeys":"key1*"}}}""");
        var context = tagKeys is null ? Context() : Context(("aws:TagKeys", tagKeys));
        var request = new Request(Alice, "iam:TagUser", "arn:aws:iam::111122223333:user/bob", context);
        Assert.Equal(matches ? Decision.ExplicitDeny : Decision.ImplicitDeny, deny.Decide(request));
    }

    // reference_policies_multi-value-conditions: a negated operator under ForAnyValue holds when some request value
    // matches none of the policy values.
    [Theory]
    [InlineData(new[] { "environment", "owner" }, true)]
    [InlineData(new[] { "environment" }, false)]
    [InlineData(new[] { "environment", "cost-center" }, false)]
    public void ForAnyValueWithNegatedOperator(string[] tagKeys, bool holds)
        => Assert.Equal(holds, Holds("""{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["environment","cost-center"]}}""",
            ("aws:TagKeys", tagKeys)));

    // reference_policies_multi-value-conditions with reference_policies_elements_condition_operators: set qualifiers take
    // any operator, including ...IfExists and the IgnoreCase and numeric operators.
    [Fact]
    public void SetQualifiersCombineWithOtherOperators()
    {
        Assert.True(Holds("""{"ForAllValues:StringEqualsIgnoreCase":{"aws:TagKeys":["Environment"]}}""", ("aws:TagKeys", ["environment", "ENVIRONMENT"])));
        Assert.False(Holds("""{"ForAllValues:StringEquals":{"aws:TagKeys":["Environment"]}}""", ("aws:TagKeys", ["environment"])));
        Assert.True(Holds("""{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["env*"]}}"""));
        Assert.True(Holds("""{"ForAllValues:NumericLessThan":{"test:sizes":"100"}}""", ("test:sizes", ["1", "99"])));
        Assert.False(Holds("""{"ForAllValues:NumericLessThan":{"test:sizes":"100"}}""", ("test:sizes", ["1", "100"])));
        Assert.True(Holds("""{"ForAnyValue:IpAddress":{"test:ips":"10.0.0.0/8"}}""", ("test:ips", ["192.0.2.1", "10.1.2.3"])));
    }

    // reference_policies_multi-value-conditions: several keys under one operator are ANDed.
    [Theory]
    [InlineData("finance", "audit", true)]
    [InlineData("finance", "developer", false)]
    [InlineData("sales", "audit", false)]
    public void KeysUnderOneOperatorAreAnded(string department, string role, bool holds)
        => Assert.Equal(holds, Holds("""{"StringEquals":{"aws:PrincipalTag/department":"finance","aws:PrincipalTag/role":"audit"}}""",
            ("aws:PrincipalTag/department", [department]), ("aws:PrincipalTag/role", [role])));

    // reference_policies_multi-value-conditions: a missing key fails its own test, and so the AND.
    [Fact]
    public void MissingKeyFailsTheAnd()
        => Assert.False(Holds("""{"StringEquals":{"aws:PrincipalTag/department":"finance","aws:PrincipalTag/role":"audit"}}""",
            ("aws:PrincipalTag/department", ["finance"])));

    // reference_policies_multi-value-conditions: several operators are ANDed, and values within a key are ORed. The AWS
    // example requires a department tag among three values, a role tag among two, and one of two principal ARNs.
    [Theory]
    [InlineData("hr", "security", "arn:aws:iam::222222222222:user/Mary", true)]
    [InlineData("legal", "audit", "arn:aws:iam::222222222222:user/Ana", true)]
    [InlineData("sales", "audit", "arn:aws:iam::222222222222:user/Ana", false)]
    [InlineData("legal", "developer", "arn:aws:iam::222222222222:user/Ana", false)]
    [InlineData("legal", "audit", "arn:aws:iam::222222222222:user/Bob", false)]
    public void OperatorsAreAndedAndValuesOred(string department, string role, string principalArn, bool holds)
        => Assert.Equal(holds, Holds("""
            {"StringEquals":{"aws:PrincipalTag/department":["finance","hr","legal"],"aws:PrincipalTag/role":["audit","security"]},
             "ArnLike":{"aws:PrincipalArn":["arn:aws:iam::222222222222:user/Ana","arn:aws:iam::222222222222:user/Mary"]}}
            """,
            ("aws:PrincipalTag/department", [department]), ("aws:PrincipalTag/role", [role]), ("aws:PrincipalArn", [principalArn])));

    // reference_policies_multi-value-conditions: operators of different families are ANDed as well.
    [Theory]
    [InlineData("203.0.113.9", "true", true)]
    [InlineData("203.0.113.9", "false", false)]
    [InlineData("198.51.100.9", "true", false)]
    public void DifferentOperatorFamiliesAreAnded(string sourceIp, string secure, bool holds)
        => Assert.Equal(holds, Holds("""{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"Bool":{"aws:SecureTransport":"true"}}""",
            ("aws:SourceIp", [sourceIp]), ("aws:SecureTransport", [secure])));

    // reference_policies_elements_condition: "Context key names are not case-sensitive. For example, including the
    // aws:SourceIP context key is equivalent to testing for AWS:SourceIp."
    [Theory]
    [InlineData("aws:SourceIP", "AWS:SourceIp")]
    [InlineData("AWS:SOURCEIP", "aws:sourceip")]
    [InlineData("aws:sourceip", "aws:SourceIp")]
    public void ConditionKeyNamesAreCaseInsensitive(string policyKey, string requestKey)
        => Assert.True(Holds($$$"""{"IpAddress":{"{{{policyKey}}}":"203.0.113.0/24"}}""", (requestKey, ["203.0.113.1"])));

    // reference_policies_elements_condition: tag key names in aws:ResourceTag/tag-key and aws:PrincipalTag/tag-key are
    // matched case-insensitively, while the values follow the operator.
    [Theory]
    [InlineData("aws:ResourceTag/TagKey1", "aws:resourcetag/tagkey1", "Value1", true)]
    [InlineData("aws:ResourceTag/TagKey1", "aws:ResourceTag/TAGKEY1", "Value1", true)]
    [InlineData("aws:ResourceTag/TagKey1", "aws:ResourceTag/TagKey1", "value1", false)]
    public void TagKeysAreCaseInsensitiveButValuesFollowTheOperator(string policyKey, string requestKey, string value, bool holds)
        => Assert.Equal(holds, Holds($$$"""{"StringEquals":{"{{{policyKey}}}":"Value1"}}""", (requestKey, [value])));

    // reference_policies_elements_condition: whether values are case-sensitive depends on the operator: StringEquals
    // matches only johndoe, StringEqualsIgnoreCase also JohnDoe.
    [Fact]
    public void ValueCaseSensitivityDependsOnTheOperator()
    {
        Assert.False(Holds("StringEquals", "aws:username", ["johndoe"], "JohnDoe"));
        Assert.True(Holds("StringEqualsIgnoreCase", "aws:username", ["johndoe"], "JohnDoe"));
        Assert.False(Holds("StringLike", "aws:username", ["john*"], "JohnDoe"));
        Assert.False(Holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:user/johndoe"], "arn:aws:iam::111122223333:user/JohnDoe"));
        Assert.True(Holds("StringNotEquals", "aws:username", ["johndoe"], "JohnDoe"));
        Assert.False(Holds("StringNotEqualsIgnoreCase", "aws:username", ["johndoe"], "JohnDoe"));
    }

    // reference_policies_condition-keys: keys AWS derives from the caller (aws:username for IAM users only,
    // aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType) are in every request context.
    [Fact]
    public void DerivedPrincipalKeys()
    {
        var user = new Request(Alice, "s3:GetObject", ObjectArn);
        Assert.True(Holds("""{"StringEquals":{"AWS:UserName":"alice","aws:PrincipalAccount":"111122223333","aws:PrincipalType":"User"}}""", user));
        Assert.True(Holds("""{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/alice"}}""", user));

        // For a role session, aws:PrincipalArn is the role's ARN and aws:username is absent.
        var session = new Request(AppSession, "s3:GetObject", ObjectArn);
        Assert.True(Holds("""{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app"},"StringEquals":{"aws:PrincipalType":"AssumedRole"}}""", session));
        Assert.True(Holds("""{"Null":{"aws:username":"true"}}""", session));
    }

    // reference_policies_elements_condition: every condition of a statement must hold for its effect to apply; a false
    // condition leaves other statements to decide.
    [Fact]
    public void StatementsAreIndependentAlternatives()
    {
        var policy = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}},
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}
            """);
        Assert.Equal(Decision.Allow, policy.Decide(AliceGets(("aws:PrincipalTag/team", ["red"]))));
        Assert.Equal(Decision.Allow, policy.Decide(AliceGets(("aws:PrincipalTag/team", ["blue"]))));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(AliceGets(("aws:PrincipalTag/team", ["green"]))));
    }
}
