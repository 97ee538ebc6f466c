using PolicyAsCode.Aws;

namespace PolicyAsCode.Tests.Dsl;

/// <summary>
/// Typed condition keys build the conditions of the IAM User Guide's operator table
/// (reference_policies_elements_condition_operators): the operator fits the key's type.
/// </summary>
public class ConditionKeyTests
{
    [Fact]
    public void StringKey_BuildsStringOperators()
    {
        Assert.Equal("StringLike", S3.Keys.Prefix.Like("home/*").Operator.Name);
        Assert.Equal(["home/*", "shared/*"], S3.Keys.Prefix.Like("home/*", "shared/*").Values);
        Assert.Equal("StringEqualsIgnoreCase", Keys.Aws.Username.IsIgnoringCase("alice").Operator.Name);
        Assert.Equal("StringNotEquals", Keys.Aws.Username.IsNot("alice").Operator.Name);
    }

    [Fact]
    public void IfExistsAndSetQualifiers_ComposeTheOperatorName()
    {
        var condition = Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse();
        Assert.Equal("BoolIfExists", condition.Operator.Name);
        Assert.Equal("aws:MultiFactorAuthPresent", condition.Key);
        Assert.Equal(["false"], condition.Values);
        Assert.Equal("ForAnyValue:StringLike", Keys.Aws.TagKeys.ForAnyValue.Like("env*").Operator.Name);
        Assert.Equal("ForAllValues:StringEqualsIfExists", Keys.Aws.TagKeys.ForAllValues.IfExists().Is("env", "team").Operator.Name);
    }

    [Fact]
    public void NullChecks_IgnoreQualifiers()
    {
        Assert.Equal("Null", Keys.Aws.TagKeys.ForAllValues.Exists().Operator.Name);
        Assert.Equal(["false"], Keys.Aws.TagKeys.Exists().Values);
        Assert.Equal(["true"], Keys.Aws.SourceVpc.IsAbsent().Values);
    }

    [Fact]
    public void NumbersAndDates_AreWrittenInvariantly()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal(["3600.5"], new NumericConditionKey("aws:MultiFactorAuthAge").LessThan(3600.5m).Values);
            var date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
            var condition = Keys.Aws.CurrentTime.Before(date);
            Assert.Equal("DateLessThan", condition.Operator.Name);
            Assert.Equal(["2026-01-02T01:04:05Z"], condition.Values);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void IpAndArnKeys_BuildTheirOperators()
    {
        Assert.Equal("NotIpAddress", Keys.Aws.SourceIp.NotInRange("203.0.113.0/24").Operator.Name);
        Assert.Equal("ArnLike", Keys.Aws.PrincipalArn.Like(Iam.Arn.Role("111122223333", "admin-*")).Operator.Name);
        Assert.Equal(["arn:aws:iam::111122223333:role/admin-*"], Keys.Aws.PrincipalArn.Like(Iam.Arn.Role("111122223333", "admin-*")).Values);
    }

    [Fact]
    public void AConditionWithoutValues_IsRejected()
        => Assert.Throws<ArgumentException>(() => S3.Keys.Prefix.Is());

    [Fact]
    public void BuiltConditions_EvaluateAsWritten()
    {
        // The condition objects are the policy model: prepare and evaluate a statement that uses one.
        var statement = new Statement(Effect.Allow, ActionElement.Of(S3.ListBucket.Value))
        {
            Resource = ResourceElement.Of(S3.Arn.Bucket("my-bucket").Value),
            Conditions = EquatableArray.Create(S3.Keys.Prefix.Like("home/${aws:username}/*")),
        };
        var policy = new PreparedPolicy(new PolicyDocument(statement));
        var alice = new Request("arn:aws:iam::111122223333:user/alice", "s3:ListBucket", "arn:aws:s3:::my-bucket")
            .WithContext("s3:prefix", "home/alice/docs");
        Assert.Equal(Decision.Allow, policy.Decide(alice));
        Assert.Equal(Decision.ImplicitDeny, policy.Decide(alice.WithContext("s3:prefix", "home/bob/docs")));
    }
}
