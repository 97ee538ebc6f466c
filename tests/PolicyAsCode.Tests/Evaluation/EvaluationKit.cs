using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>
/// Shorthands shared by the evaluator conformance tests: policies are written as JSON and parsed with
/// <see cref="PolicyJson.Parse(string)"/>, as users feed them, and requests are built with <see cref="Request"/>.
/// </summary>
internal static class Kit
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";
    public const string Alice = "arn:aws:iam::111122223333:user/alice";
    public const string Bob = "arn:aws:iam::111122223333:user/bob";
    public const string AppRole = "arn:aws:iam::111122223333:role/app";
    public const string AppSession = "arn:aws:sts::111122223333:assumed-role/app/s1";
    public const string ObjectArn = "arn:aws:s3:::bucket/key";

    public static PreparedPolicy Policy(string json, string? name = null) => new(PolicyJson.Parse(json), name);

    /// <summary>A version 2012-10-17 policy with one statement, given as the JSON of the statement object.</summary>
    public static PreparedPolicy Statement(string statementJson, string? name = null)
        => Policy($$"""{"Version":"2012-10-17","Statement":{{statementJson}}}""", name);

    /// <summary>A request context from keys and their values.</summary>
    public static Dictionary<string, string[]> Context(params (string Key, string[] Values)[] entries)
    {
        var context = new Dictionary<string, string[]>();
        foreach (var (key, values) in entries) context[key] = values;
        return context;
    }

    /// <summary>Alice reading an object in her own account, with the given context.</summary>
    public static Request AliceGets(params (string Key, string[] Values)[] context)
        => new(Alice, "s3:GetObject", ObjectArn, Context(context));

    /// <summary>
    /// Whether a <c>Condition</c> block (JSON) holds for a request. The block is tried in an Allow statement and in a Deny
    /// statement, which must agree: a condition that holds both allows and denies, one that does not neither. A condition
    /// that cannot be evaluated fails closed (the Deny applies, the Allow does not), and is reported as an exception here so
    /// that the fail-closed tests check it separately.
    /// </summary>
    public static bool Holds(string conditionJson, Request request, string version = "2012-10-17")
    {
        var allow = Policy($$$"""{"Version":"{{{version}}}","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}""");
        var deny = Policy($$$"""{"Version":"{{{version}}}","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{{{conditionJson}}}}}""");
        bool allows = allow.Decide(request) == Decision.Allow;
        bool denies = deny.Decide(request) == Decision.ExplicitDeny;
        if (allows != denies)
        {
            throw new InvalidOperationException($"the condition {conditionJson} is neither true nor false (allows: {allows}, denies: {denies})");
        }
        return allows;
    }

    /// <summary>Whether a condition block holds for Alice's request with the given context.</summary>
    public static bool Holds(string conditionJson, params (string Key, string[] Values)[] context)
        => Holds(conditionJson, AliceGets(context));

    /// <summary>
    /// Whether <c>{"op": {"key": values}}</c> holds when the request has <paramref name="requestValue"/> for the key (or lacks
    /// it, when null).
    /// </summary>
    public static bool Holds(string op, string key, string[] policyValues, string? requestValue)
    {
        string values = policyValues.Length == 1 ? JsonSerializer.Serialize(policyValues[0]) : JsonSerializer.Serialize(policyValues);
        string condition = $$$"""{"{{{op}}}":{"{{{key}}}":{{{values}}}}}""";
        return requestValue is null ? Holds(condition) : Holds(condition, (key, [requestValue]));
    }

    public static PolicySet Set(params PreparedPolicy[] identityPolicies) => PolicySet.Identity(identityPolicies);
}

/// <summary>Copies of a <see cref="PolicySet"/> with some policies replaced (a null argument keeps what the set has).</summary>
internal static class PolicySetCopies
{
    public static PolicySet With(this PolicySet set,
        IReadOnlyList<PreparedPolicy>? identity = null, PreparedPolicy? resource = null, PreparedPolicy? boundary = null,
        IReadOnlyList<PreparedPolicy>? scps = null, IReadOnlyList<PreparedPolicy>? session = null)
        => new()
        {
            IdentityPolicies = identity ?? set.IdentityPolicies,
            ResourcePolicy = resource ?? set.ResourcePolicy,
            PermissionsBoundary = boundary ?? set.PermissionsBoundary,
            ServiceControlPolicies = scps ?? set.ServiceControlPolicies,
            SessionPolicies = session ?? set.SessionPolicies,
        };
}
