namespace PolicyAsCode;

/// <summary>The operators AWS documents, without set qualifier or <c>IfExists</c> suffix.</summary>
public enum ConditionOperatorKind
{
    /// <summary>Exact, case-sensitive string match.</summary>
    StringEquals,
    /// <summary>Negated exact, case-sensitive string match.</summary>
    StringNotEquals,
    /// <summary>Exact string match ignoring case.</summary>
    StringEqualsIgnoreCase,
    /// <summary>Negated exact string match ignoring case.</summary>
    StringNotEqualsIgnoreCase,
    /// <summary>Case-sensitive match with <c>*</c> and <c>?</c> wildcards.</summary>
    StringLike,
    /// <summary>Negated case-sensitive match with wildcards.</summary>
    StringNotLike,
    /// <summary>Numbers equal.</summary>
    NumericEquals,
    /// <summary>Numbers differ.</summary>
    NumericNotEquals,
    /// <summary>Request value less than the policy value.</summary>
    NumericLessThan,
    /// <summary>Request value less than or equal to the policy value.</summary>
    NumericLessThanEquals,
    /// <summary>Request value greater than the policy value.</summary>
    NumericGreaterThan,
    /// <summary>Request value greater than or equal to the policy value.</summary>
    NumericGreaterThanEquals,
    /// <summary>Dates equal.</summary>
    DateEquals,
    /// <summary>Dates differ.</summary>
    DateNotEquals,
    /// <summary>Request date before the policy date.</summary>
    DateLessThan,
    /// <summary>Request date before or at the policy date.</summary>
    DateLessThanEquals,
    /// <summary>Request date after the policy date.</summary>
    DateGreaterThan,
    /// <summary>Request date at or after the policy date.</summary>
    DateGreaterThanEquals,
    /// <summary>Boolean match.</summary>
    Bool,
    /// <summary>Byte-for-byte match of base-64 values.</summary>
    BinaryEquals,
    /// <summary>Request address inside the policy's IPv4 or IPv6 CIDR range.</summary>
    IpAddress,
    /// <summary>Request address outside the policy's ranges.</summary>
    NotIpAddress,
    /// <summary>ARN match, field by field, with wildcards (same as <see cref="ArnLike"/>).</summary>
    ArnEquals,
    /// <summary>ARN match, field by field, with wildcards.</summary>
    ArnLike,
    /// <summary>Negated ARN match (same as <see cref="ArnNotLike"/>).</summary>
    ArnNotEquals,
    /// <summary>Negated ARN match.</summary>
    ArnNotLike,
    /// <summary>Key presence test: <c>true</c> means absent, <c>false</c> means present.</summary>
    Null,
}

/// <summary>The families of condition operators, which fix how values are read and compared.</summary>
public enum ConditionOperatorFamily
{
    /// <summary>String operators.</summary>
    String,
    /// <summary>Numeric operators.</summary>
    Numeric,
    /// <summary>Date operators.</summary>
    Date,
    /// <summary>The Bool operator.</summary>
    Bool,
    /// <summary>The BinaryEquals operator.</summary>
    Binary,
    /// <summary>IpAddress and NotIpAddress.</summary>
    IpAddress,
    /// <summary>ARN operators.</summary>
    Arn,
    /// <summary>The Null operator.</summary>
    Null,
}

/// <summary>A set operator prefixed to a condition operator.</summary>
public enum SetQualifier
{
    /// <summary>No qualifier.</summary>
    None,
    /// <summary><c>ForAllValues:</c>: every request value must match; true when the key is absent or empty.</summary>
    ForAllValues,
    /// <summary><c>ForAnyValue:</c>: at least one request value must match; false when the key is absent or empty.</summary>
    ForAnyValue,
}

/// <summary>
/// A condition operator as written in a policy, such as <c>StringEquals</c>, <c>BoolIfExists</c> or
/// <c>ForAllValues:StringLike</c>, parsed into its parts.
/// </summary>
/// <remarks>Compared by <see cref="Name"/>; operator names are case-sensitive, like every element name in a policy.</remarks>
public sealed class ConditionOperator : IEquatable<ConditionOperator>
{
    private const string IfExistsSuffix = "IfExists";
    private static readonly Dictionary<string, ConditionOperatorKind> s_kinds = CreateKinds();

    private ConditionOperator(string name, ConditionOperatorKind kind, SetQualifier qualifier, bool ifExists)
    {
        Name = name;
        Kind = kind;
        Qualifier = qualifier;
        IfExists = ifExists;
    }

    /// <summary>The operator exactly as written in the policy.</summary>
    public string Name { get; }

    /// <summary>The base operator.</summary>
    public ConditionOperatorKind Kind { get; }

    /// <summary>The set qualifier, if any.</summary>
    public SetQualifier Qualifier { get; }

    /// <summary>Whether the operator ends in <c>IfExists</c>: an absent key then satisfies the condition.</summary>
    public bool IfExists { get; }

    /// <summary>The family of the base operator.</summary>
    public ConditionOperatorFamily Family => FamilyOf(Kind);

    /// <summary>
    /// Whether the base operator is a negation (<c>StringNotEquals</c>, <c>NotIpAddress</c>, ...): it holds when the key is
    /// absent, and with several policy values it means "none of them".
    /// </summary>
    public bool IsNegated => IsNegatedKind(Kind);

    /// <summary>Whether policy variables in the values are replaced (string and ARN operators only).</summary>
    public bool SupportsPolicyVariables => Family is ConditionOperatorFamily.String or ConditionOperatorFamily.Arn;

    /// <summary>All base operator names AWS documents.</summary>
    public static IEnumerable<string> BaseOperatorNames => s_kinds.Keys;

    /// <summary>Parses an operator name.</summary>
    /// <exception cref="FormatException">The name is not a condition operator AWS accepts.</exception>
    public static ConditionOperator Parse(string name)
        => TryParse(name, out var op, out var error) ? op! : throw new FormatException(error);

    /// <summary>Parses an operator name; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string name, out ConditionOperator? op, out string? error)
    {
        op = null;
        error = null;
        if (name is null) throw new ArgumentNullException(nameof(name));
        string rest = name;
        var qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest.Substring("ForAllValues:".Length);
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest.Substring("ForAnyValue:".Length);
        }
        bool ifExists = false;
        if (!s_kinds.TryGetValue(rest, out var kind)
            && rest.EndsWith(IfExistsSuffix, StringComparison.Ordinal)
            && s_kinds.TryGetValue(rest.Substring(0, rest.Length - IfExistsSuffix.Length), out kind))
        {
            ifExists = true;
        }
        else if (!s_kinds.ContainsKey(rest))
        {
            error = $"'{name}' is not a condition operator. Operators are case-sensitive, for example StringEquals, "
                + "StringLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, ArnLike or Null, optionally with the "
                + "suffix IfExists and the prefix ForAllValues: or ForAnyValue:.";
            return false;
        }
        if (kind == ConditionOperatorKind.Null && ifExists)
        {
            error = $"'{name}' is not a condition operator: Null tests whether a key exists and cannot take IfExists.";
            return false;
        }
        op = new ConditionOperator(name, kind, qualifier, ifExists);
        return true;
    }

    /// <summary>
    /// The operator written for a base operator with a set qualifier and <c>IfExists</c>, e.g. <c>StringLike</c> →
    /// <c>ForAnyValue:StringLikeIfExists</c>. <c>Null</c> takes neither, and stays <c>Null</c>.
    /// </summary>
    public static ConditionOperator Compose(string baseOperator, SetQualifier qualifier, bool ifExists)
    {
        string name = baseOperator;
        if (baseOperator != nameof(ConditionOperatorKind.Null))
        {
            if (ifExists) name += IfExistsSuffix;
            if (qualifier != SetQualifier.None) name = qualifier + ":" + name;
        }
        return Parse(name);
    }

    /// <summary>The family of a base operator.</summary>
    public static ConditionOperatorFamily FamilyOf(ConditionOperatorKind kind) => kind switch
    {
        <= ConditionOperatorKind.StringNotLike => ConditionOperatorFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => ConditionOperatorFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => ConditionOperatorFamily.Date,
        ConditionOperatorKind.Bool => ConditionOperatorFamily.Bool,
        ConditionOperatorKind.BinaryEquals => ConditionOperatorFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => ConditionOperatorFamily.IpAddress,
        ConditionOperatorKind.Null => ConditionOperatorFamily.Null,
        _ => ConditionOperatorFamily.Arn,
    };

    /// <summary>Whether a base operator is a negation.</summary>
    public static bool IsNegatedKind(ConditionOperatorKind kind) => kind is ConditionOperatorKind.StringNotEquals
        or ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.StringNotLike
        or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <inheritdoc/>
    public bool Equals(ConditionOperator? other) => other is not null && other.Name == Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConditionOperator);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static Dictionary<string, ConditionOperatorKind> CreateKinds()
    {
        var kinds = new Dictionary<string, ConditionOperatorKind>(StringComparer.Ordinal);
        foreach (ConditionOperatorKind kind in Enum.GetValues(typeof(ConditionOperatorKind)))
        {
            kinds.Add(kind.ToString(), kind);
        }
        return kinds;
    }
}
