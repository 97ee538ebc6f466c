using System.Text.RegularExpressions;
using CsCheck;
using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// Requests aimed at one policy: actions and resources made from its own patterns (wildcards filled in, in other case,
/// one character off), its principals, and contexts holding its condition keys with its own values and values that cannot
/// be read. So a sample hits every branch of the policy (matches, near misses, condition errors) and not only misses.
/// </summary>
internal sealed partial class RequestPool
{
    private static readonly string[] s_actions =
    [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "S3:GETOBJECT", "sts:AssumeRole", "iam:CreateUser", "ec2:DescribeInstances",
        "kms:Decrypt", "notaservice:DoThing", "", "s3", ":GetObject", "s3:", "s3:GetObject:extra",
        // Characters that case-insensitive comparison must not confuse with ASCII: long s, Kelvin sign, dotted and dotless i.
        "\u017f3:GetObject", "\u212Ams:Decrypt", "\u0130am:CreateUser", "\u0131am:CreateUser", "s3:Get\u00c9", "s3:get\u00e9",
    ];

    private static readonly string[] s_resources =
    [
        "*", "arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/key", "arn:aws:s3:::my-bucket/a:b", "arn:aws:s3:::other/a", "arn:aws:s3:::",
        "arn:aws:s3", "arn:aws:s3:::my-bucket/alice/x", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/app",
        "arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:sqs:us-east-1:444455556666:queue", "not-an-arn", "", "ARN:AWS:S3:::MY-BUCKET",
    ];

    private static readonly string?[] s_principals =
    [
        Alice, Bob, AppRole, AppSession, Account, "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:user/dev",
        "arn:aws:sts::111122223333:federated-user/fed", "lambda.amazonaws.com", "cognito-identity.amazonaws.com", null, "*",
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
    ];

    private static readonly string[] s_values =
    [
        "", "alice", "red", "blue", "ReadOnly", "abc", "10", "5", "1.5e3", "-1", "203.0.113.9", "203.0.113.300", "::ffff:203.0.113.9",
        "2001:db8::1", "bogus", "2020-01-01T00:00:00Z", "2030-06-30", "1700000000", "01/02/2020", "true", "false", "TRUE", "aGVsbG8=",
        "not base64!", "arn:aws:iam::111122223333:user/alice", "arn:aws:s3:::my-bucket/x", "env", "team", "env-prod", "*",
    ];

    private static readonly string[] s_keys =
    [
        "aws:username", "aws:PrincipalTag/team", "aws:PrincipalTag/owner", "aws:SourceIp", "aws:SecureTransport", "aws:TagKeys",
        "aws:CurrentTime", "s3:max-keys",
    ];

    private readonly string[] _actions;
    private readonly string[] _resources;
    private readonly string?[] _principals;
    private readonly string[] _keys;
    private readonly string[][] _valuesByKey;

    private RequestPool(string[] actions, string[] resources, string?[] principals, string[] keys, string[][] valuesByKey)
    {
        _actions = actions;
        _resources = resources;
        _principals = principals;
        _keys = keys;
        _valuesByKey = valuesByKey;
    }

    /// <summary>The pool for <paramref name="document"/>.</summary>
    public static RequestPool For(PolicyDocument document)
    {
        var actions = new SortedSet<string>(s_actions, StringComparer.Ordinal);
        var resources = new SortedSet<string>(s_resources, StringComparer.Ordinal);
        var principals = new List<string?>(s_principals);
        var values = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        void AddValue(string key, string value)
        {
            if (!values.TryGetValue(key, out var set)) values[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(value);
        }
        foreach (var key in s_keys) AddValue(key, "alice");

        foreach (var statement in document.Statements)
        {
            foreach (var pattern in statement.Action.Values) AddInstances(actions, pattern);
            foreach (var pattern in statement.Resource?.Values ?? default)
            {
                AddInstances(resources, pattern);
                foreach (Match variable in VariableRegex().Matches(pattern)) AddValue(variable.Groups[1].Value.Split(',')[0].Trim(), "alice");
            }
            foreach (var id in statement.Principal?.Ids ?? default)
            {
                principals.Add(id.Value);
                if (Arn.TryParse(id.Value, out var arn, out _) && arn!.Service == "iam" && arn.Resource.StartsWith("role/", StringComparison.Ordinal))
                {
                    // A session of the role the policy names.
                    principals.Add($"arn:{arn.Partition}:sts::{arn.Account}:assumed-role/{arn.Resource[(arn.Resource.LastIndexOf('/') + 1)..]}/s1");
                }
            }
            foreach (var condition in statement.Conditions)
            {
                foreach (var value in condition.Values)
                {
                    AddValue(condition.Key, value);
                    AddValue(condition.Key, Fill(VariableRegex().Replace(value, "alice"), ""));
                    AddValue(condition.Key, Fill(value, "x"));
                }
            }
        }
        foreach (var (key, set) in values)
        {
            foreach (var value in s_values) set.Add(value);
        }
        var keys = values.Keys.Order(StringComparer.Ordinal).ToArray();
        return new RequestPool([.. actions], [.. resources], [.. principals.Distinct()], keys, keys.Select(k => values[k].ToArray()).ToArray());
    }

    /// <summary>The pattern with its wildcards filled in several ways, in other case, and one character off.</summary>
    private static void AddInstances(SortedSet<string> set, string pattern)
    {
        foreach (string fill in new[] { "", "Object", "a/b:c" })
        {
            string instance = Fill(pattern, fill);
            set.Add(instance);
            set.Add(VariableRegex().Replace(instance, "alice"));
            if (fill.Length == 0) continue;
            set.Add(instance.ToUpperInvariant());
            set.Add(instance.ToLowerInvariant());
            set.Add(instance + "X");
            if (instance.Length > 1) set.Add(instance[..^1]);
        }
    }

    private static string Fill(string pattern, string fill) => StarsRegex().Replace(pattern, fill).Replace('?', 'Q');

    [GeneratedRegex(@"\*+")]
    private static partial Regex StarsRegex();

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex VariableRegex();

    /// <summary>Requests drawn from the pool.</summary>
    public Gen<Request> Requests => Gen.Select(
            Gen.Int[0, _actions.Length - 1], Gen.Int[0, _resources.Length - 1], Gen.Int[0, _principals.Length - 1],
            Gen.Select(Gen.Int[0, _keys.Length - 1], Gen.Int[0, 1000].Array[0, 2]).Array[0, 4], Gen.Int[0, 3])
        .Select((action, resource, principal, context, account) => Make(action, resource, principal, context, account));

    /// <summary><paramref name="count"/> requests drawn with a fixed seed, so that a failure repeats.</summary>
    public IEnumerable<Request> Sample(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var context = new (int, int[])[random.Next(0, 5)];
            for (int k = 0; k < context.Length; k++)
            {
                var picks = new int[random.Next(0, 3)];
                for (int v = 0; v < picks.Length; v++) picks[v] = random.Next(0, 1001);
                context[k] = (random.Next(0, _keys.Length), picks);
            }
            yield return Make(random.Next(_actions.Length), random.Next(_resources.Length), random.Next(_principals.Length), context, random.Next(0, 4));
        }
    }

    /// <summary>Every action with every resource, for one caller and no context.</summary>
    public IEnumerable<Request> ActionsTimesResources(string? principal)
    {
        foreach (var action in _actions)
        {
            foreach (var resource in _resources) yield return new Request(principal, action, resource);
        }
    }

    private Request Make(int action, int resource, int principal, (int Key, int[] Values)[] context, int account)
    {
        var entries = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, picks) in context)
        {
            var values = _valuesByKey[key];
            entries[_keys[key]] = picks.Select(p => values[p % values.Length]).ToArray();
        }
        return new Request(_principals[principal], _actions[action], _resources[resource], entries, account == 0 ? OtherAccount : null);
    }

    /// <summary>A request with its context, for failure messages.</summary>
    public static string Describe(Request request)
        => $"{request.Principal ?? "(anonymous)"} {request.Action} {request.Resource} account={request.ResourceAccount} context="
            + string.Join(", ", request.Context.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}=[{string.Join("|", e.Value)}]"));
}
