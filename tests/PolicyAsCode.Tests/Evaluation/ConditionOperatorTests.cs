using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// IAM User Guide, reference_policies_elements_condition_operators: every operator family, one request value against
/// one or more policy values. A null request value means the key is absent from the request context.
/// </summary>
public sealed class ConditionOperatorTests
{
    // reference_policies_elements_condition_operators (String): StringEquals is exact, case-sensitive matching; * is
    // not a wildcard there.
    [Theory]
    [InlineData("johndoe", "johndoe", true)]
    [InlineData("johndoe", "JohnDoe", false)]
    [InlineData("johndoe", "johndoe ", false)]
    [InlineData("johndoe", "john", false)]
    [InlineData("john*", "johndoe", false)]
    [InlineData("john*", "john*", true)]
    [InlineData("j?hn", "john", false)]
    [InlineData("", "", true)]
    [InlineData("johndoe", null, false)]
    public void StringEquals(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringEquals", "aws:username", [policy], request));

    // reference_policies_elements_condition_operators (String): StringNotEquals is negated matching; true when the key
    // is absent.
    [Theory]
    [InlineData("johndoe", "johndoe", false)]
    [InlineData("johndoe", "JohnDoe", true)]
    [InlineData("johndoe", "jane", true)]
    [InlineData("johndoe", null, true)]
    public void StringNotEquals(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringNotEquals", "aws:username", [policy], request));

    // reference_policies_elements_condition (context key values): StringEqualsIgnoreCase matches johndoe and JohnDoe.
    [Theory]
    [InlineData("johndoe", "johndoe", true)]
    [InlineData("johndoe", "JohnDoe", true)]
    [InlineData("JOHNDOE", "johnDOE", true)]
    [InlineData("johndoe", "johndo", false)]
    [InlineData("john*", "johndoe", false)]
    [InlineData("johndoe", null, false)]
    public void StringEqualsIgnoreCase(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringEqualsIgnoreCase", "aws:username", [policy], request));

    // reference_policies_elements_condition_operators (String): StringNotEqualsIgnoreCase is negated matching,
    // ignoring case; true when the key is absent.
    [Theory]
    [InlineData("johndoe", "JohnDoe", false)]
    [InlineData("johndoe", "jane", true)]
    [InlineData("johndoe", null, true)]
    public void StringNotEqualsIgnoreCase(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringNotEqualsIgnoreCase", "aws:username", [policy], request));

    // reference_policies_elements_condition_operators (String): StringLike is case-sensitive matching with * and ?
    // anywhere in the string; wildcards are needed for partial matches.
    [Theory]
    [InlineData("home/*", "home/alice/notes.txt", true)]
    [InlineData("home/*", "home/", true)]
    [InlineData("home/*", "home", false)]
    [InlineData("home/*", "Home/alice", false)]
    [InlineData("home", "home/alice", false)]
    [InlineData("*/alice/*", "home/alice/x", true)]
    [InlineData("t?.micro", "t2.micro", true)]
    [InlineData("t?.micro", "t22.micro", false)]
    [InlineData("t?.micro", "t.micro", false)]
    [InlineData("*", "", true)]
    [InlineData("home/*", null, false)]
    public void StringLike(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringLike", "s3:prefix", [policy], request));

    // reference_policies_elements_condition_operators (String): StringNotLike is negated case-sensitive matching with
    // wildcards; true when the key is absent.
    [Theory]
    [InlineData("home/*", "home/alice", false)]
    [InlineData("home/*", "Home/alice", true)]
    [InlineData("home/*", "other/alice", true)]
    [InlineData("home/*", null, true)]
    public void StringNotLike(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("StringNotLike", "s3:prefix", [policy], request));

    // reference_policies_elements_condition_operators (Numeric): integer or decimal comparison of the request value
    // (left) with the policy value (right).
    [Theory]
    [InlineData("NumericEquals", "10", "10", true)]
    [InlineData("NumericEquals", "10", "10.0", true)]
    [InlineData("NumericEquals", "10", "9", false)]
    [InlineData("NumericEquals", "10", "11", false)]
    [InlineData("NumericNotEquals", "10", "10", false)]
    [InlineData("NumericNotEquals", "10", "9", true)]
    [InlineData("NumericLessThan", "10", "9", true)]
    [InlineData("NumericLessThan", "10", "9.99", true)]
    [InlineData("NumericLessThan", "10", "-1", true)]
    [InlineData("NumericLessThan", "10", "10", false)]
    [InlineData("NumericLessThan", "10", "11", false)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericLessThanEquals", "10", "9", true)]
    [InlineData("NumericLessThanEquals", "10", "11", false)]
    [InlineData("NumericGreaterThan", "10", "11", true)]
    [InlineData("NumericGreaterThan", "10", "10", false)]
    [InlineData("NumericGreaterThan", "10", "9", false)]
    [InlineData("NumericGreaterThanEquals", "10", "10", true)]
    [InlineData("NumericGreaterThanEquals", "10", "10.5", true)]
    [InlineData("NumericGreaterThanEquals", "10", "9", false)]
    [InlineData("NumericLessThan", "1.5", "1.25", true)]
    [InlineData("NumericLessThan", "-2", "-3", true)]
    public void Numeric(string op, string policy, string request, bool holds)
        => Assert.Equal(holds, Holds(op, "s3:max-keys", [policy], request));

    // reference_policies_elements_condition_operators (Numeric): the AWS example allows listing at most 10 keys; a JSON
    // number in the policy is the same as the string.
    [Theory]
    [InlineData("10", true)]
    [InlineData("11", false)]
    public void NumericPolicyValueMayBeAJsonNumber(string maxKeys, bool holds)
        => Assert.Equal(holds, Holds("""{"NumericLessThanEquals":{"s3:max-keys":10}}""", ("s3:max-keys", [maxKeys])));

    // reference_policies_elements_condition_operators (Numeric, Date): a missing key makes positive operators false.
    [Theory]
    [InlineData("NumericEquals")]
    [InlineData("NumericLessThan")]
    [InlineData("NumericLessThanEquals")]
    [InlineData("NumericGreaterThan")]
    [InlineData("NumericGreaterThanEquals")]
    public void NumericOnMissingKeyIsFalse(string op)
        => Assert.False(Holds(op, "s3:max-keys", ["10"], null));

    // reference_policies_elements_condition_operators (Date): dates in a W3C profile of ISO 8601, compared as instants.
    [Theory]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", true)]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", false)]
    [InlineData("DateLessThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateLessThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", false)]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:01Z", "2020-06-30T12:00:00Z", true)]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:01Z", "2020-01-01T00:00:01Z", false)]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2019-01-01T00:00:00Z", false)]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00+01:00", true)]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00+01:00", false)]
    [InlineData("DateEquals", "2020-01-01", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", false)]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.5Z", true)]
    public void DateIso8601(string op, string policy, string request, bool holds)
        => Assert.Equal(holds, Holds(op, "aws:CurrentTime", [policy], request));

    // reference_policies_elements_condition_operators (Date): values may also be epoch (UNIX) seconds, on either side.
    [Theory]
    [InlineData("DateEquals", "1577836800", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateLessThan", "1577836800", "2019-12-31T23:59:59Z", true)]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "1577836799", true)]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "1577836800", false)]
    [InlineData("DateGreaterThanEquals", "1577836800", "1577836800", true)]
    public void DateEpoch(string op, string policy, string request, bool holds)
        => Assert.Equal(holds, Holds(op, "aws:EpochTime", [policy], request));

    // reference_policies_elements_condition_operators (Date): the AWS example requires credentials issued after
    // 2020-01-01T00:00:01Z; aws:TokenIssueTime is absent for long-term credentials, so the condition is false.
    [Fact]
    public void DateOnMissingKeyIsFalse()
        => Assert.False(Holds("DateGreaterThan", "aws:TokenIssueTime", ["2020-01-01T00:00:01Z"], null));

    // reference_policies_elements_condition_operators (Boolean): Bool compares with "true" or "false"; a JSON boolean
    // is the same as the string.
    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "true", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "false", false)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"false"}}""", "false", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"false"}}""", "true", false)]
    [InlineData("""{"Bool":{"aws:SecureTransport":true}}""", "true", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":false}}""", "true", false)]
    public void Bool(string condition, string request, bool holds)
        => Assert.Equal(holds, Holds(condition, ("aws:SecureTransport", [request])));

    // reference_policies_elements_condition_operators (Boolean): a missing key makes Bool false.
    [Fact]
    public void BoolOnMissingKeyIsFalse()
        => Assert.False(Holds("""{"Bool":{"aws:MultiFactorAuthPresent":"false"}}"""));

    // reference_policies_elements_condition_operators (Binary): BinaryEquals compares the key's value byte for byte
    // with the base-64 policy value.
    [Theory]
    [InlineData("QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", true)]
    [InlineData("QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QmluYXJ5VmFsdWVJbkJhc2U2NQ==", false)]
    [InlineData("AAEC", "AAEC", true)]
    [InlineData("AAEC", "AAED", false)]
    [InlineData("AAEC", "AAECAw==", false)]
    [InlineData("AAEC", null, false)]
    public void BinaryEquals(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("BinaryEquals", "test:binary", [policy], request));

    // reference_policies_elements_condition_operators (IP address): IPv4 CIDR ranges; an address without a prefix is /32.
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0", true)]
    [InlineData("203.0.113.0/24", "203.0.113.5", true)]
    [InlineData("203.0.113.0/24", "203.0.113.255", true)]
    [InlineData("203.0.113.0/24", "203.0.114.1", false)]
    [InlineData("203.0.113.0/24", "203.0.112.255", false)]
    [InlineData("203.0.113.128/25", "203.0.113.129", true)]
    [InlineData("203.0.113.128/25", "203.0.113.127", false)]
    [InlineData("203.0.113.5", "203.0.113.5", true)]
    [InlineData("203.0.113.5", "203.0.113.6", false)]
    [InlineData("203.0.113.5/32", "203.0.113.5", true)]
    [InlineData("0.0.0.0/0", "198.51.100.7", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    public void IpAddressIPv4(string policy, string request, bool holds)
        => Assert.Equal(holds, Holds("IpAddress", "aws:SourceIp", [policy], request));

    // reference_policies_elements_condition_operators (IP address): IPv6 CIDR ranges, with :: for a run of zeros;
    // IPv4 ranges never contain IPv6 addresses and the reverse.
    [Theory]
    [InlineData("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1", true)]
    [InlineData("2001:DB8:1234:5678::/64", "2001:db8:1234:5678:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1", false)]
    [InlineData("2001:DB8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:DB8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::1", "2001:db8::1", true)]
    [InlineData("2001:db8::1", "2001:db8::2", false)]
    [InlineData("203.0.113.0/24", "2001:db8::1", false)]
    [InlineData("2001:DB8::/32", "203.0.113.5", false)]
    public void IpAddressIPv6(string policy, string request, bool holds)
        => Assert.Equal(holds, Holds("IpAddress", "aws:SourceIp", [policy], request));

    // reference_policies_elements_condition_operators (IP address): the AWS example mixes IPv4 and IPv6 ranges; any of
    // them may match.
    [Theory]
    [InlineData("203.0.113.77", true)]
    [InlineData("2001:db8:1234:5678::9", true)]
    [InlineData("198.51.100.1", false)]
    [InlineData("2001:db8:1234:9999::9", false)]
    public void IpAddressMixedList(string request, bool holds)
        => Assert.Equal(holds, Holds("IpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:DB8:1234:5678::/64"], request));

    // reference_policies_elements_condition_operators (IP address): NotIpAddress is every address except the ranges;
    // true when the key is absent (e.g. a request through a VPC endpoint).
    [Theory]
    [InlineData("198.51.100.1", true)]
    [InlineData("203.0.113.5", false)]
    [InlineData("2001:db8::1", true)]
    [InlineData(null, true)]
    public void NotIpAddress(string? request, bool holds)
        => Assert.Equal(holds, Holds("NotIpAddress", "aws:SourceIp", ["203.0.113.0/24"], request));

    // reference_policies_elements_condition_operators (IP address): aws:SourceIp is absent for requests through a VPC
    // endpoint, and then IpAddress is false.
    [Fact]
    public void IpAddressOnMissingKeyIsFalse()
        => Assert.False(Holds("IpAddress", "aws:SourceIp", ["203.0.113.0/24"], null));

    // reference_policies_elements_condition_operators (ARN): case-sensitive; each of the six colon-delimited components
    // is checked separately with * and ?; ArnEquals and ArnLike behave identically.
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:sns:us-east-1:123456789012:topic", true)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:sns:us-east-1:123456789012:Topic", false)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:topic", "arn:aws:sns:us-west-2:123456789012:topic", false)]
    [InlineData("arn:aws:sns:*:123456789012:*", "arn:aws:sns:eu-west-1:123456789012:alerts", true)]
    [InlineData("arn:aws:sns:*:123456789012:*", "arn:aws:sns:eu-west-1:999999999999:alerts", false)]
    [InlineData("arn:aws:sns:us-east-?:123456789012:topic", "arn:aws:sns:us-east-2:123456789012:topic", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b", true)]
    [InlineData("arn:aws:sns:*:123456789012:topic", "not-an-arn", false)]
    public void ArnEqualsAndArnLike(string policy, string request, bool holds)
    {
        Assert.Equal(holds, Holds("ArnLike", "aws:SourceArn", [policy], request));
        Assert.Equal(holds, Holds("ArnEquals", "aws:SourceArn", [policy], request));
    }

    // reference_policies_elements_condition_operators (ARN): the AWS example where StringLike matches but ArnLike does
    // not, because ArnLike's first * matches only within the region component.
    [Fact]
    public void ArnLikeMatchesComponentByComponentUnlikeStringLike()
    {
        const string pattern = "arn:aws:someservice:*:111122223333:finance/*";
        const string value = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        Assert.True(Holds("StringLike", "aws:SourceArn", [pattern], value));
        Assert.False(Holds("ArnLike", "aws:SourceArn", [pattern], value));
        Assert.True(Holds("ArnNotLike", "aws:SourceArn", [pattern], value));
    }

    // reference_policies_elements_condition_operators (ARN): ArnNotEquals and ArnNotLike are negated matching and behave
    // identically; true when the key is absent.
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:topic", false)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:other", true)]
    [InlineData("arn:aws:sns:us-east-1:123456789012:Topic", true)]
    [InlineData(null, true)]
    public void ArnNotEqualsAndArnNotLike(string? request, bool holds)
    {
        Assert.Equal(holds, Holds("ArnNotEquals", "aws:SourceArn", ["arn:aws:sns:*:123456789012:topic"], request));
        Assert.Equal(holds, Holds("ArnNotLike", "aws:SourceArn", ["arn:aws:sns:*:123456789012:topic"], request));
    }

    // reference_policies_elements_condition_operators (Null): "true" means the key must be absent, "false" that it is
    // present and not null; the AWS example allows EC2 only without temporary credentials.
    [Theory]
    [InlineData("true", null, true)]
    [InlineData("true", "2024-01-01T00:00:00Z", false)]
    [InlineData("false", "2024-01-01T00:00:00Z", true)]
    [InlineData("false", null, false)]
    public void Null(string policy, string? request, bool holds)
        => Assert.Equal(holds, Holds("Null", "aws:TokenIssueTime", [policy], request));

    // reference_policies_elements_condition_operators (Null) / reference_policies_condition_examples-multi-valued-context-keys:
    // a key with an empty set of values counts as null for Null (so "Null": false guards ForAllValues against it).
    [Theory]
    [InlineData("""{"Null":{"aws:TagKeys":"true"}}""", true)]
    [InlineData("""{"Null":{"aws:TagKeys":"false"}}""", false)]
    [InlineData("""{"Null":{"aws:TagKeys":false}}""", false)]
    public void NullTreatsAnEmptyKeyAsNull(string condition, bool holds)
        => Assert.Equal(holds, Holds(condition, ("aws:TagKeys", [])));

    // reference_policies_multi-value-conditions: several values for one key are ORed.
    [Theory]
    [InlineData("alice", true)]
    [InlineData("bob", true)]
    [InlineData("carol", false)]
    public void ValuesOfOneKeyAreOred(string request, bool holds)
    {
        Assert.Equal(holds, Holds("StringEquals", "aws:username", ["alice", "bob"], request));
        Assert.Equal(holds, Holds("StringLike", "aws:username", ["al*", "b?b"], request));
        Assert.Equal(holds, Holds("StringEqualsIgnoreCase", "aws:username", ["ALICE", "Bob"], request));
    }

    // reference_policies_multi-value-conditions: a negated operator with several values is a NOR: true only when the
    // request value matches none of them.
    [Theory]
    [InlineData("alice", false)]
    [InlineData("bob", false)]
    [InlineData("carol", true)]
    public void NegatedOperatorWithSeveralValuesIsNor(string request, bool holds)
    {
        Assert.Equal(holds, Holds("StringNotEquals", "aws:username", ["alice", "bob"], request));
        Assert.Equal(holds, Holds("StringNotLike", "aws:username", ["al*", "b?b"], request));
        Assert.Equal(holds, Holds("StringNotEqualsIgnoreCase", "aws:username", ["ALICE", "Bob"], request));
    }

    // reference_policies_multi-value-conditions: numeric values are ORed; NumericNotEquals is the NOR.
    [Theory]
    [InlineData("5", true)]
    [InlineData("7", true)]
    [InlineData("6", false)]
    public void NumericValuesAreOredAndNumericNotEqualsIsNor(string request, bool equals)
    {
        Assert.Equal(equals, Holds("NumericEquals", "s3:max-keys", ["5", "7"], request));
        Assert.Equal(!equals, Holds("NumericNotEquals", "s3:max-keys", ["5", "7"], request));
    }

    // reference_policies_multi-value-conditions: IP and ARN values are ORed too; NotIpAddress is the NOR.
    [Theory]
    [InlineData("IpAddress", "198.51.100.3", true)]
    [InlineData("IpAddress", "192.0.2.3", false)]
    [InlineData("NotIpAddress", "198.51.100.3", false)]
    [InlineData("NotIpAddress", "192.0.2.3", true)]
    public void IpRangesAreOredAndNotIpAddressIsNor(string op, string request, bool holds)
        => Assert.Equal(holds, Holds(op, "aws:SourceIp", ["203.0.113.0/24", "198.51.100.0/24"], request));
}
