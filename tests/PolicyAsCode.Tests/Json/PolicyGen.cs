using CsCheck;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// CsCheck generators of valid <see cref="PolicyDocument"/>s: every value the reader accepts, with strings full of
/// characters that need escaping or are easy to mangle.
/// </summary>
/// <remarks>
/// Valid means what <see cref="Json.PolicyJson"/> reads back: non-empty lists, actions with a service prefix, resources
/// that are ARNs or <c>*</c>, unique Sids, and conditions grouped by operator with unique keys, as the JSON object form
/// forces them to be (<see cref="UngroupedConditions"/> produces the other orders).
/// </remarks>
internal static class PolicyGen
{
    /// <summary>Pieces strings are made of; whole pieces, so a surrogate pair is never split.</summary>
    private static readonly string[] s_pieces =
    [
        "a", "Z", "0", "9", "-", "_", ".", "/", " ", "*", "?", ":", "${aws:username}",
        "\"", "\\", "\\u0041", "\n", "\r", "\t", "\b", "\f", "\0", "\u0001", "\u001f", "\u007f",
        "é", "ÿ", "\u00a0", "日本", "\u2028", "\ufeff", "\uffff", "😀", "<", "&", "'", "{", "]", ",",
    ];

    private static Gen<string> Text(int min, int max) =>
        Gen.Int[0, s_pieces.Length - 1].Array[min, max].Select(indexes => string.Concat(indexes.Select(i => s_pieces[i])));

    /// <summary>Any string, possibly empty.</summary>
    public static readonly Gen<string> AnyText = Text(0, 6);

    /// <summary>A non-empty string.</summary>
    public static readonly Gen<string> NonEmptyText = Text(1, 6);

    private static readonly Gen<string> ServicePrefix = NonEmptyText.Where(s => !s.Contains(':'));

    private static readonly Gen<string> Action = Gen.Frequency(
        (1, Gen.Const("*")),
        (6, Gen.Select(ServicePrefix, NonEmptyText, (service, name) => service + ":" + name)));

    private static readonly Gen<string> Resource = Gen.Frequency(
        (1, Gen.Const("*")),
        (6, AnyText.Select(rest => "arn:" + rest)));

    private static readonly Gen<PrincipalElement?> Principal = Gen.Frequency<PrincipalElement?>(
        (3, Gen.Const((PrincipalElement?)null)),
        (1, Gen.Bool.Select(isNot => (PrincipalElement?)new PrincipalElement(isNot, true, default))),
        (4, Gen.Select(Gen.Bool, Gen.Select(Gen.Enum<PrincipalType>(), NonEmptyText, (type, value) => new PrincipalId(type, value)).Array[1, 4],
            (isNot, ids) => (PrincipalElement?)new PrincipalElement(isNot, false, EquatableArray.Create(ids)))));

    /// <summary>Every operator name AWS accepts: base operators, IfExists, and set qualifiers.</summary>
    private static readonly ConditionOperator[] s_operators = CreateOperators();

    private static ConditionOperator[] CreateOperators()
    {
        var names = new List<string>();
        foreach (var name in ConditionOperator.BaseOperatorNames)
        {
            var withSuffix = name == "Null" ? [name] : new[] { name, name + "IfExists" };
            foreach (var n in withSuffix)
            {
                names.Add(n);
                names.Add("ForAllValues:" + n);
                names.Add("ForAnyValue:" + n);
            }
        }
        return names.Select(ConditionOperator.Parse).ToArray();
    }

    /// <summary>Up to three distinct operators, each with one to three distinct keys.</summary>
    public static readonly Gen<Condition[]> Conditions =
        Gen.Select(
            Gen.Int[0, s_operators.Length - 1].ArrayUnique[0, 3],
            Gen.Select(NonEmptyText.ArrayUnique[1, 3], AnyText.Array[1, 3].Array[3]).Array[3],
            (operators, blocks) => operators
                .SelectMany((op, i) => blocks[i].Item1.Select((key, k) => new Condition(s_operators[op], key, EquatableArray.Create(blocks[i].Item2[k]))))
                .ToArray());

    private static readonly Gen<Statement> Statement = Gen.Select(
        Gen.Null(AnyText, 0.4),
        Gen.Enum<Effect>(),
        Principal,
        Gen.Select(Gen.Bool, Action.Array[1, 3], (isNot, actions) => new ActionElement(isNot, EquatableArray.Create(actions))),
        Gen.Frequency<ResourceElement?>(
            (1, Gen.Const((ResourceElement?)null)),
            (4, Gen.Select(Gen.Bool, Resource.Array[1, 3], (isNot, arns) => (ResourceElement?)new ResourceElement(isNot, EquatableArray.Create(arns))))),
        Conditions,
        (sid, effect, principal, action, resource, conditions) => new Statement(effect, action)
        {
            Sid = sid,
            Principal = principal,
            Resource = resource,
            Conditions = EquatableArray.Create(conditions),
        });

    /// <summary>A valid document with one to four statements.</summary>
    public static readonly Gen<PolicyDocument> Document = Gen.Select(
        Gen.OneOf<string?>(PolicyDocument.Version2012, PolicyDocument.Version2008, null),
        Gen.Null(AnyText, 0.5),
        Statement.Array[1, 4],
        (version, id, statements) => new PolicyDocument(version, id, EquatableArray.Create(statements.Select(UniqueSid).ToArray())));

    // Sids must be unique in a policy (IAM JSON policy elements: Sid); a suffix keeps generated ones apart.
    private static Statement UniqueSid(Statement statement, int index) =>
        statement.Sid is null ? statement : statement with { Sid = statement.Sid + "#" + index };

    /// <summary>A valid document whose conditions are interleaved across operators, an order JSON cannot express.</summary>
    public static readonly Gen<PolicyDocument> UngroupedConditions = Document.Select(document => document with
    {
        Statements = EquatableArray.Create(document.Statements.Select(s => s with
        {
            Conditions = EquatableArray.Create(s.Conditions.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).ToArray()),
        }).ToArray()),
    });
}
