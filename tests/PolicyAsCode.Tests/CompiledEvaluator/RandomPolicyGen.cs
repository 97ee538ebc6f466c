using CsCheck;
using static PolicyAsCode.Tests.Evaluation.Kit;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// CsCheck generators of policies built from the shapes the emitter tells apart: action patterns literal, prefix, suffix,
/// with several stars or <c>?</c>, with wildcard or unusual service prefixes, in any case, sometimes enough of them for the
/// service switch; resources of every shape, with and without variables; principals; conditions of every operator, with
/// values that can and cannot be read; versions 2012-10-17, 2008-10-17 and none.
/// </summary>
internal static class RandomPolicyGen
{
    private static Gen<T> OneOf<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<string> Service = OneOf("s3", "s3", "S3", "ec2", "kms", "iam", "sts", "*", "s*", "?3", "", "\u017f3", "k\u212A");

    private static readonly Gen<string> ActionName = OneOf(
        "GetObject", "getobject", "Get*", "*Object", "*", "Get?bject", "*Obj*", "Put*", "List*Bucket", "", "Decrypt", "Describe*",
        "CreateUser", "AssumeRole", "**", "Get**Object", "Get\u00e9*");

    private static readonly Gen<string> Action = Gen.Frequency(
        (12, Gen.Select(Service, ActionName, (service, name) => service + ":" + name)),
        (1, OneOf("*", "s3", "", "s3:Get:Object*", "*:*")));

    private static readonly Gen<string> Resource = Gen.Frequency(
        (8, Gen.Select(
            OneOf("arn:aws:s3:::", "arn:aws:s3:::", "arn:aws:iam::111122223333:", "arn:*:s3:::", "arn:aws:s3:", "arn:aws:kms:us-east-1:111122223333:", "arn:aws:s?:::", ""),
            OneOf("my-bucket", "my-bucket/*", "*", "my-*/key", "?y-bucket", "${aws:username}", "my-bucket/${aws:username}/*", "user/alice", "user/*",
                "key/k1*", "", "a:b*", "${aws:PrincipalTag/team, 'red'}*", "${*}*", "my-bucket/**"),
            (head, tail) => head + tail)),
        (1, OneOf("*", "not-an-arn", "my*", "*key", "**", "arn:aws:s3*", "${aws:username}")));

    private static readonly Gen<PrincipalElement?> Principal = Gen.Frequency(
        (6, Gen.Const((PrincipalElement?)null)),
        (1, Gen.Bool.Select(isNot => (PrincipalElement?)new PrincipalElement(isNot, true, default))),
        (3, Gen.Select(Gen.Bool, Gen.Select(Gen.Enum<PrincipalType>(), OneOf("*", Account, Alice, AppRole, AppSession, "arn:aws:iam::111122223333:root", "lambda.amazonaws.com", "444455556666"),
                (type, value) => new PrincipalId(type, value)).Array[1, 3],
            (isNot, ids) => (PrincipalElement?)new PrincipalElement(isNot, false, EquatableArray.Create(ids)))));

    private static readonly string[] s_operators = ConditionOperator.BaseOperatorNames
        .SelectMany(name => name == "Null" ? [name] : new[] { name, name + "IfExists" })
        .SelectMany(name => new[] { name, "ForAllValues:" + name, "ForAnyValue:" + name })
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static readonly Gen<Condition> Condition = Gen.Select(
        OneOf(s_operators),
        OneOf("aws:username", "aws:PrincipalTag/team", "aws:SourceIp", "aws:SecureTransport", "aws:TagKeys", "aws:CurrentTime", "s3:max-keys", "aws:PrincipalArn"),
        OneOf("alice", "red", "a*", "${aws:username}", "${aws:PrincipalTag/team, 'red'}", "10", "1.5e3", "203.0.113.0/24", "2001:db8::/32", "true", "FALSE",
            "aGVsbG8=", "arn:aws:iam::*:user/*", "arn:aws:iam::${aws:PrincipalAccount}:*", "2020-01-01T00:00:00Z", "1700000000", "abc", "").Array[1, 2],
        (op, key, values) => new Condition(ConditionOperator.Parse(op), key, EquatableArray.Create(values)));

    private static readonly Gen<Statement> Statement = Gen.Select(
            Gen.Int[0, 3].Select(n => n == 0 ? Effect.Deny : Effect.Allow),
            Gen.Int[0, 4].Select(n => n == 0),
            Gen.Frequency((3, Action.Array[1, 3]), (1, Action.Array[8, 14])),
            Gen.Int[0, 5],
            Resource.Array[1, 3],
            Principal,
            Condition.Array[0, 3],
            OneOf<string?>(null, null, null, "Sid1", "s\"id\\\u2028"))
        .Select((effect, notAction, actions, resourceForm, resources, principal, conditions, sid) => new Statement(effect, new ActionElement(notAction, EquatableArray.Create(actions)))
        {
            Sid = sid,
            Resource = resourceForm switch
            {
                0 => null,
                1 => new ResourceElement(true, EquatableArray.Create(resources)),
                _ => new ResourceElement(false, EquatableArray.Create(resources)),
            },
            Principal = principal,
            // One condition per operator and key, as the JSON object form allows.
            Conditions = EquatableArray.Create(conditions.DistinctBy(c => (c.Operator.Name, c.Key)).ToArray()),
        });

    /// <summary>A policy of one to four statements.</summary>
    public static readonly Gen<PolicyDocument> Policy = Gen.Select(
            OneOf<string?>(PolicyDocument.Version2012, PolicyDocument.Version2012, PolicyDocument.Version2008, null),
            Statement.Array[1, 4])
        .Select((version, statements) => new PolicyDocument(version, null, EquatableArray.Create(statements)));
}
