using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// A condition that cannot be evaluated never allows and never stops a Deny. IAM User Guide, reference_policies_evaluation-logic
/// ("If the AWS enforcement code encounters an error at any point during the evaluation, then it generates an exception and
/// closes") and reference_policies_elements_condition_operators (the value formats each operator takes).
/// </summary>
public sealed class FailClosedTests
{
    private static (Decision Allow, Decision Deny) Both(string conditionJson, Request request)
    {
        var allow = Policy($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}""");
        var denyWithAllowAll = Policy($$$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}]}
            """);
        return (allow.Decide(request), denyWithAllowAll.Decide(request));
    }

    private static void AssertFailsClosed(string conditionJson, Request request)
    {
        var (allow, deny) = Both(conditionJson, request);
        Assert.Equal(Decision.ImplicitDeny, allow);
        Assert.Equal(Decision.ExplicitDeny, deny);
        // The same through the authorizer, and its explanation.
        var set = PolicySet.Identity(Policy($$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}"""));
        Assert.Equal(Decision.ImplicitDeny, Authorizer.Authorize(set, request));
        var explained = Authorizer.Explain(set, request);
        Assert.Equal(Decision.ImplicitDeny, explained.Decision);
        Assert.Contains(explained.Statements, s => s.Reason.Contains("failing closed", StringComparison.Ordinal));
    }

    // reference_policies_elements_condition_operators (Numeric): a request value that is not a number cannot be compared:
    // a Deny with NumericLessThan applies, an Allow does not, and so for the negated operator too.
    [Theory]
    [InlineData("NumericLessThan", "ten")]
    [InlineData("NumericEquals", "")]
    [InlineData("NumericGreaterThanEquals", "10 items")]
    [InlineData("NumericNotEquals", "ten")]
    [InlineData("NumericLessThanIfExists", "ten")]
    public void UnreadableRequestNumber(string op, string value)
        => AssertFailsClosed($$$"""{"{{{op}}}":{"s3:max-keys":"10"}}""", AliceGets(("s3:max-keys", [value])));

    // reference_policies_elements_condition_operators (Date): a request value that is neither ISO 8601 nor epoch seconds.
    [Theory]
    [InlineData("DateLessThan", "yesterday")]
    [InlineData("DateGreaterThan", "2020-13-01T00:00:00Z")]
    [InlineData("DateNotEquals", "soon")]
    public void UnreadableRequestDate(string op, string value)
        => AssertFailsClosed($$$"""{"{{{op}}}":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}""", AliceGets(("aws:CurrentTime", [value])));

    // reference_policies_elements_condition_operators (IP address, Boolean, Binary): request values of the wrong type.
    [Theory]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", "aws:SourceIp", "not-an-ip")]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""", "aws:SourceIp", "not-an-ip")]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp", "10.1")]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "aws:SecureTransport", "yes")]
    [InlineData("""{"BinaryEquals":{"test:binary":"AAEC"}}""", "test:binary", "not base64!")]
    public void UnreadableRequestValueOfOtherTypes(string condition, string key, string value)
        => AssertFailsClosed(condition, AliceGets((key, [value])));

    // reference_policies_multi-value-conditions: with ForAllValues, one unreadable value among readable ones still fails
    // closed; with ForAnyValue, a readable match is enough.
    [Fact]
    public void SetOperatorsWithAnUnreadableValue()
    {
        AssertFailsClosed("""{"ForAllValues:NumericLessThan":{"test:sizes":"100"}}""", AliceGets(("test:sizes", ["1", "big"])));
        var (allow, _) = Both("""{"ForAnyValue:NumericLessThan":{"test:sizes":"100"}}""", AliceGets(("test:sizes", ["1", "big"])));
        Assert.Equal(Decision.Allow, allow);
    }

    // reference_policies_elements_condition_operators: a policy value that is not a number, date, boolean, base-64 value
    // or CIDR range never allows, whatever the request says (even the same text, or no key with ...IfExists).
    [Theory]
    [InlineData("NumericEquals", "ten", "ten")]
    [InlineData("NumericLessThan", "1,000", "5")]
    [InlineData("NumericLessThanIfExists", "ten", null)]
    [InlineData("DateLessThan", "not-a-date", "2020-01-01T00:00:00Z")]
    [InlineData("DateEquals", "2020-02-30", "2020-03-01T00:00:00Z")]
    [InlineData("Bool", "yes", "yes")]
    [InlineData("BinaryEquals", "not base64!", "not base64!")]
    [InlineData("IpAddress", "not-an-ip", "203.0.113.5")]
    [InlineData("IpAddress", "203.0.113.0/33", "203.0.113.5")]
    [InlineData("IpAddress", "203.0.113.256/24", "203.0.113.5")]
    [InlineData("IpAddress", "2001:db8::/129", "2001:db8::1")]
    [InlineData("NotIpAddress", "not-an-ip", "203.0.113.5")]
    public void InvalidPolicyValueNeverAllows(string op, string policyValue, string? requestValue)
    {
        var request = requestValue is null ? AliceGets() : AliceGets(("test:key", [requestValue]));
        var (allow, deny) = Both($$$"""{"{{{op}}}":{"test:key":"{{{policyValue}}}"}}""", request);
        Assert.Equal(Decision.ImplicitDeny, allow);
        Assert.Equal(Decision.ExplicitDeny, deny);
    }

    // reference_policies_elements_condition_operators (IP address): "The value must be in the standard CIDR format (for
    // example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64)." Shorthand IPv4 forms (192.168.1/24, read by some parsers as
    // 192.168.0.1), octal-looking octets (010.0.0.0/8, read as 8.0.0.0) and IPv6 zone ids are not standard CIDR: they
    // never allow, rather than allowing addresses the author did not mean.
    [Theory]
    [InlineData("192.168.1/24", "192.168.0.7")]
    [InlineData("192.168.1/24", "192.168.1.7")]
    [InlineData("010.0.0.0/8", "8.1.2.3")]
    [InlineData("010.0.0.0/8", "10.1.2.3")]
    [InlineData("10/8", "0.0.0.10")]
    [InlineData("0x0A.0.0.0/8", "10.1.2.3")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData(" 203.0.113.0/24", "203.0.113.5")]
    public void NonStandardCidrNeverAllows(string policyValue, string requestValue)
    {
        var (allow, deny) = Both($$$"""{"IpAddress":{"aws:SourceIp":"{{{policyValue}}}"}}""", AliceGets(("aws:SourceIp", [requestValue])));
        Assert.Equal(Decision.ImplicitDeny, allow);
        Assert.Equal(Decision.ExplicitDeny, deny);
    }

    // reference_policies_elements_condition_operators (Date): "You must specify date/time values with one of the W3C
    // implementations of the ISO 8601 date formats or in epoch (UNIX) time." Locale formats such as 01/02/2020 (2 January
    // or 1 February?) never allow.
    [Theory]
    [InlineData("01/02/2020", "2020-01-01T00:00:00Z")]
    [InlineData("Jan 2, 2020", "2020-01-01T00:00:00Z")]
    [InlineData("2020-01-02 00:00:00", "2020-01-01T00:00:00Z")]
    public void NonIso8601DateNeverAllows(string policyValue, string requestValue)
    {
        var (allow, deny) = Both($$$"""{"DateGreaterThan":{"test:date":"{{{policyValue}}}"}}""", AliceGets(("test:date", [requestValue])));
        Assert.Equal(Decision.ImplicitDeny, allow);
        Assert.Equal(Decision.ExplicitDeny, deny);
    }

    // reference_policies_evaluation-logic: a Deny that cannot be evaluated denies even when every other policy allows.
    [Fact]
    public void UnevaluableDenyInAnyPolicyDenies()
    {
        var allowAll = Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""");
        var guard = Policy("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NumericGreaterThan":{"s3:max-keys":"1000"}}}]}
            """, "boundary");
        var set = new PolicySet { IdentityPolicies = [allowAll], PermissionsBoundary = guard, ServiceControlPolicies = [allowAll] };
        Assert.Equal(Decision.Allow, Authorizer.Authorize(set, AliceGets(("s3:max-keys", ["10"]))));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Authorize(set, AliceGets(("s3:max-keys", ["lots"]))));
        Assert.Equal(Decision.ExplicitDeny, Authorizer.Explain(set, AliceGets(("s3:max-keys", ["lots"]))).Decision);
    }
}
