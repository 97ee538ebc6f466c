using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.Evaluation;

/// <summary>Property-based checks of the matcher and the authorizer with CsCheck.</summary>
public sealed class EvaluatorPropertyTests
{
    private static Gen<string> Text(string alphabet, int max) => Gen.Char[alphabet].Array[0, max].Select(chars => new string(chars));

    /// <summary>The reference: IAM's * and ? as an anchored regular expression, every other character literal.</summary>
    private static Regex Reference(string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder(@"\A");
        foreach (char c in pattern)
        {
            regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        }
        regex.Append(@"\z");
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(regex.ToString(), options);
    }

    // reference_policies_elements_action / reference_policies_elements_condition_operators (StringLike): * matches any
    // run of characters (including / and :), ? exactly one, everything else itself; with and without case.
    [Fact]
    public void GlobPatternMatchesLikeTheReferenceRegex()
    {
        Gen.Select(Text("ab*?:/A", 8), Text("abAB:/*?", 10), Gen.Bool)
            .Sample((pattern, input, ignoreCase) =>
                GlobPattern.Compile(pattern, wildcards: true, variables: false, ignoreCase).IsMatch(input) == Reference(pattern, ignoreCase).IsMatch(input),
                iter: 20_000);
    }

    // reference_policies_elements_action: inputs made from the pattern itself (wildcards filled in) always match.
    [Fact]
    public void GlobPatternMatchesItsOwnInstances()
    {
        Gen.Select(Text("ab*?:/", 8), Text("ab:/", 3), Gen.Char["ab:/"])
            .Sample((pattern, fill, one) =>
            {
                string input = pattern.Replace("*", fill, StringComparison.Ordinal).Replace('?', one);
                return GlobPattern.Compile(pattern, wildcards: true, variables: false, ignoreCase: false).IsMatch(input);
            }, iter: 5_000);
    }

    // reference_policies_elements_condition_operators (StringEquals, StringEqualsIgnoreCase): without wildcards a pattern
    // is exact text, * and ? included.
    [Fact]
    public void GlobPatternWithoutWildcardsIsStringEquality()
    {
        Gen.Select(Text("aAb*?:/", 5), Text("aAb*?:/", 5), Gen.Bool)
            .Sample((pattern, input, ignoreCase) =>
                GlobPattern.Compile(pattern, wildcards: false, variables: false, ignoreCase).IsMatch(input)
                    == string.Equals(pattern, input, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
                iter: 5_000);
    }

    private static readonly string[] s_actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "sts:AssumeRole", "kms:Decrypt", "iam:CreateUser", "ec2:RunInstances"];
    // Repeated entries weight the draw towards requests that some policy allows, so every decision is well covered.
    private static readonly string[] s_actionPatterns = ["*", "*", "*", "s3:*", "s3:*", "s3:Get*", "s3:?utObject", "sts:AssumeRole", "kms:*", "iam:*User", "EC2:runinstances"];
    private static readonly string[] s_resources =
    [
        "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", "arn:aws:s3:::logs/x", "arn:aws:iam::111122223333:role/app",
        "arn:aws:kms:us-east-1:111122223333:key/k1", "arn:aws:sqs:us-east-1:444455556666:q", "*",
    ];
    private static readonly string[] s_resourcePatterns =
    [
        "*", "*", "*", "arn:aws:s3:::bucket*", "arn:aws:s3:::*/*", "arn:aws:iam::*:role/${aws:username}", "arn:aws:kms:*",
        "arn:aws:sqs:*:444455556666:q", "arn:aws:s3:::${aws:PrincipalTag/team}/*",
    ];
    private static readonly string?[] s_principals =
    [
        Alice, Bob, AppSession, "arn:aws:iam::444455556666:user/dev", "arn:aws:sts::111122223333:federated-user/fed", null,
        "lambda.amazonaws.com", "arn:aws:iam::111122223333:root",
    ];
    private static readonly string[] s_principalElements =
    [
        "\"Principal\":\"*\"", "\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"111122223333\"}", "\"Principal\":{\"AWS\":\"444455556666\"}", $"\"Principal\":{{\"AWS\":\"{Alice}\"}}",
        $"\"Principal\":{{\"AWS\":\"{AppRole}\"}}", "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"}",
        "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}", $"\"NotPrincipal\":{{\"AWS\":[\"{Bob}\",\"111122223333\"]}}",
    ];
    private static readonly string[] s_conditions =
    [
        "", "", "", "", "", "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}", "{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}",
        "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}",
        "{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":\"env*\"}}", "{\"StringNotEqualsIfExists\":{\"aws:username\":\"${aws:PrincipalTag/owner}\"}}",
        "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"env\",\"team\"]}}", "{\"Null\":{\"aws:PrincipalTag/team\":\"true\"}}",
    ];
    private static readonly (string Key, string[] Values)[] s_contextEntries =
    [
        ("aws:PrincipalTag/team", ["red"]), ("aws:PrincipalTag/team", ["blue"]), ("s3:max-keys", ["5"]), ("s3:max-keys", ["many"]),
        ("aws:SourceIp", ["203.0.113.9"]), ("aws:SourceIp", ["bogus"]), ("aws:SecureTransport", ["false"]),
        ("aws:TagKeys", ["env", "x"]), ("aws:TagKeys", []), ("aws:PrincipalTag/owner", ["alice"]),
    ];

    private static Gen<T> OneOf<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static Gen<string> StatementJson(bool resourcePolicy)
        => Gen.Select(Gen.Int[0, 4].Select(n => n == 0), Gen.Int[0, 4], OneOf(s_actionPatterns).Array[1, 2], OneOf(s_resourcePatterns).Array[1, 2], Gen.Int[0, 5], OneOf(s_principalElements), OneOf(s_conditions))
            .Select((deny, notAction, actions, resources, resourceForm, principal, condition) =>
            {
                var json = new StringBuilder("{");
                json.Append("\"Effect\":\"").Append(deny ? "Deny" : "Allow").Append('"');
                if (resourcePolicy) json.Append(',').Append(principal);
                json.Append(notAction == 0 ? ",\"NotAction\":" : ",\"Action\":").Append(JsonArray(actions));
                // A resource-based policy may omit Resource (a trust policy); an identity-based policy needs one.
                if (resourceForm == 1) json.Append(",\"NotResource\":").Append(JsonArray(resources));
                else if (resourceForm != 2 || !resourcePolicy) json.Append(",\"Resource\":").Append(JsonArray(resources));
                if (condition.Length > 0) json.Append(",\"Condition\":").Append(condition);
                return json.Append('}').ToString();
            });

    private static string JsonArray(string[] values) => "[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]";

    private static Gen<PreparedPolicy> PolicyGen(bool resourcePolicy, string name)
        => Gen.Select(StatementJson(resourcePolicy).Array[1, 3], Gen.Bool)
            .Select((statements, v2008) => Policy(
                "{" + (v2008 ? "" : "\"Version\":\"2012-10-17\",") + "\"Statement\":[" + string.Join(",", statements) + "]}", name));

    private static Gen<PreparedPolicy?> Optional(Gen<PreparedPolicy> gen, int oneIn)
        => Gen.Select(Gen.Int[1, oneIn], gen).Select((n, p) => n == 1 ? p : null);

    private static Gen<PreparedPolicy[]> Some(Gen<PreparedPolicy> gen, int oneIn)
        => Gen.Select(Gen.Int[1, oneIn], gen.Array[1, 2]).Select((n, p) => n == 1 ? p : []);

    private sealed record Scenario(PolicySet Set, Request Request)
    {
        public override string ToString()
        {
            var sb = new StringBuilder().Append(Request).Append('\n');
            foreach (var p in Set.IdentityPolicies) sb.Append("identity ").Append(PolicyAsCode.Json.PolicyJson.Write(p.Document, indented: false)).Append('\n');
            if (Set.ResourcePolicy is { } r) sb.Append("resource ").Append(PolicyAsCode.Json.PolicyJson.Write(r.Document, indented: false)).Append('\n');
            if (Set.PermissionsBoundary is { } b) sb.Append("boundary ").Append(PolicyAsCode.Json.PolicyJson.Write(b.Document, indented: false)).Append('\n');
            foreach (var p in Set.ServiceControlPolicies) sb.Append("scp ").Append(PolicyAsCode.Json.PolicyJson.Write(p.Document, indented: false)).Append('\n');
            foreach (var p in Set.SessionPolicies) sb.Append("session ").Append(PolicyAsCode.Json.PolicyJson.Write(p.Document, indented: false)).Append('\n');
            return sb.ToString();
        }
    }

    private static readonly Gen<Scenario> Scenarios =
        Gen.Select(
            // Limiting policies (boundary, SCPs, session policy) are drawn less often, so that allowed requests are common.
            Gen.Select(PolicyGen(false, "identity").Array[0, 2], Optional(PolicyGen(true, "resource"), 2), Optional(PolicyGen(false, "boundary"), 4),
                Some(PolicyGen(false, "scp"), 4), Some(PolicyGen(false, "session"), 4)),
            Gen.Select(OneOf(s_principals), OneOf(s_actions), OneOf(s_resources), Gen.Int[0, s_contextEntries.Length - 1].Array[0, 4], Gen.Int[0, 3].Select(n => n == 0)),
            (policies, request) =>
            {
                var (identity, resource, boundary, scps, session) = policies;
                var (principal, action, resourceArn, entries, explicitAccount) = request;
                var context = new Dictionary<string, string[]>();
                foreach (int i in entries) context[s_contextEntries[i].Key] = s_contextEntries[i].Values;
                var set = new PolicySet
                {
                    IdentityPolicies = identity, ResourcePolicy = resource, PermissionsBoundary = boundary,
                    ServiceControlPolicies = scps, SessionPolicies = session,
                };
                return new Scenario(set, new Request(principal, action, resourceArn, context, explicitAccount ? "444455556666" : null));
            });

    // reference_policies_evaluation-logic: Explain follows the same decision procedure as Authorize, on any policies and
    // request.
    [Fact]
    public void ExplainDecidesLikeAuthorize()
    {
        Scenarios.Sample(s => Authorizer.Explain(s.Set, s.Request).Decision == Authorizer.Authorize(s.Set, s.Request), iter: 3_000);
    }

    // reference_policies_evaluation-logic: a single policy's explanation decides like the policy, and traces every
    // statement once, in order.
    [Fact]
    public void PolicyExplainDecidesLikeDecide()
    {
        Gen.Select(PolicyGen(true, "p"), Scenarios).Sample((policy, s) =>
        {
            var explained = policy.Explain(s.Request);
            return explained.Decision == policy.Decide(s.Request)
                && explained.Statements.Select(t => t.Index).SequenceEqual(Enumerable.Range(0, policy.Document.Statements.Items.Length));
        }, iter: 2_000);
    }

    // reference_policies_evaluation-logic: "An explicit deny in any policy overrides any allows": adding a Deny of
    // everything to any identity-based policy set always denies; adding policies never turns an explicit deny into anything else.
    [Fact]
    public void DenyAllAlwaysWins()
    {
        var denyAll = Statement("""{"Effect":"Deny","Action":"*","Resource":"*"}""", "deny-all");
        Scenarios.Sample(s =>
        {
            var withDeny = s.Set.With(identity: [.. s.Set.IdentityPolicies, denyAll]);
            return Authorizer.Authorize(withDeny, s.Request) == Decision.ExplicitDeny
                && (Authorizer.Authorize(s.Set, s.Request) != Decision.ExplicitDeny
                    || Authorizer.Authorize(s.Set.With(identity: [.. s.Set.IdentityPolicies, Statement("""{"Effect":"Allow","Action":"*","Resource":"*"}""")]), s.Request) == Decision.ExplicitDeny);
        }, iter: 1_000);
    }

    // access_policies_boundaries, access_policies (session policies), orgs_manage_policies_scps: a permissions boundary,
    // another SCP level or a session policy only limits: adding one never turns a denied request into an allowed one.
    // (Not a second session policy: inline and managed session policies together form one session policy. Nor the first
    // session policy of a federated user session, which has no permissions without one.)
    [Fact]
    public void LimitingPoliciesNeverGrant()
    {
        Gen.Select(Scenarios, PolicyGen(false, "extra"), Gen.Int[0, 2]).Sample((s, extra, kind) =>
        {
            if (Authorizer.Authorize(s.Set, s.Request) == Decision.Allow) return true;
            bool federated = s.Request.Principal?.Contains("federated-user", StringComparison.Ordinal) == true;
            var limited = kind switch
            {
                0 when s.Set.PermissionsBoundary is null => s.Set.With(boundary: extra),
                1 => s.Set.With(scps: [.. s.Set.ServiceControlPolicies, extra]),
                2 when s.Set.SessionPolicies.Count == 0 && !federated => s.Set.With(session: [extra]),
                _ => null,
            };
            return limited is null || Authorizer.Authorize(limited, s.Request) != Decision.Allow;
        }, iter: 1_000);
    }
}
