using PolicyAsCode.Dsl;

namespace PolicyAsCode;

/// <summary>
/// A condition context key such as <c>aws:SourceIp</c>, typed by what it holds so that only the operators that fit it
/// can be written. <c>IfExists()</c>, <c>ForAnyValue</c> and <c>ForAllValues</c> return a variant of the
/// key; the comparison methods return the <see cref="Condition"/>.
/// </summary>
public abstract class ConditionKey
{
    private protected ConditionKey(string name, SetQualifier qualifier, bool ifExists)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Qualifier = qualifier;
        IsIfExists = ifExists;
    }

    /// <summary>The key's name, e.g. <c>aws:SourceIp</c>.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public string Name { get; }

    /// <summary>The set qualifier the next condition gets.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public SetQualifier Qualifier { get; }

    /// <summary>Whether the next condition gets the <c>IfExists</c> suffix.</summary>
    [DslMember(DslOp.RuntimeOnly)]
    public bool IsIfExists { get; }

    /// <summary>The key must be present: <c>"Null": {"key": "false"}</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "Null", Value = "false")]
    public Condition Exists() => Make("Null", ["false"]);

    /// <summary>The key must be absent: <c>"Null": {"key": "true"}</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "Null", Value = "true")]
    public Condition IsAbsent() => Make("Null", ["true"]);

    /// <inheritdoc/>
    [DslMember(DslOp.RuntimeOnly)]
    public override string ToString() => Name;

    private protected Condition Make(string baseOperator, string[] values)
        => ConditionDraft.Create(Name, baseOperator, Qualifier, IsIfExists, values);
}

/// <summary>A key of a given type, with its variants.</summary>
/// <typeparam name="TSelf">The key type itself.</typeparam>
public abstract class ConditionKey<TSelf> : ConditionKey where TSelf : ConditionKey<TSelf>
{
    private protected ConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary>The same key with <c>IfExists</c>: the condition also holds when the request lacks the key.</summary>
    [DslMember(DslOp.IfExists)]
    public TSelf IfExists() => Create(Name, Qualifier, true);

    /// <summary>The key with <c>ForAnyValue:</c>, for multivalued keys: at least one request value must match.</summary>
    [DslMember(DslOp.ForAnyValue)]
    public TSelf ForAnyValue => Create(Name, SetQualifier.ForAnyValue, IsIfExists);

    /// <summary>The key with <c>ForAllValues:</c>, for multivalued keys: every request value must match (true when absent).</summary>
    [DslMember(DslOp.ForAllValues)]
    public TSelf ForAllValues => Create(Name, SetQualifier.ForAllValues, IsIfExists);

    private protected abstract TSelf Create(string name, SetQualifier qualifier, bool ifExists);
}

/// <summary>A key holding strings.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class StringConditionKey : ConditionKey<StringConditionKey>
{
    /// <summary>Creates a key.</summary>
    public StringConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private StringConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>StringEquals</c>: the value is one of <paramref name="values"/> (case-sensitive).</summary>
    [DslMember(DslOp.Condition, Operator = "StringEquals")]
    public Condition Is(params string[] values) => Make("StringEquals", values);

    /// <summary><c>StringNotEquals</c>: the value is none of <paramref name="values"/>.</summary>
    [DslMember(DslOp.Condition, Operator = "StringNotEquals")]
    public Condition IsNot(params string[] values) => Make("StringNotEquals", values);

    /// <summary><c>StringEqualsIgnoreCase</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "StringEqualsIgnoreCase")]
    public Condition IsIgnoringCase(params string[] values) => Make("StringEqualsIgnoreCase", values);

    /// <summary><c>StringNotEqualsIgnoreCase</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "StringNotEqualsIgnoreCase")]
    public Condition IsNotIgnoringCase(params string[] values) => Make("StringNotEqualsIgnoreCase", values);

    /// <summary><c>StringLike</c>: the value matches one of the patterns (<c>*</c>, <c>?</c>).</summary>
    [DslMember(DslOp.Condition, Operator = "StringLike")]
    public Condition Like(params string[] patterns) => Make("StringLike", patterns);

    /// <summary><c>StringNotLike</c>: the value matches none of the patterns.</summary>
    [DslMember(DslOp.Condition, Operator = "StringNotLike")]
    public Condition NotLike(params string[] patterns) => Make("StringNotLike", patterns);

    private protected override StringConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding numbers.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class NumericConditionKey : ConditionKey<NumericConditionKey>
{
    /// <summary>Creates a key.</summary>
    public NumericConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private NumericConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>NumericEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericEquals")]
    public Condition Is(params decimal[] values) => Make("NumericEquals", Format(values));

    /// <summary><c>NumericNotEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericNotEquals")]
    public Condition IsNot(params decimal[] values) => Make("NumericNotEquals", Format(values));

    /// <summary><c>NumericLessThan</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericLessThan")]
    public Condition LessThan(decimal value) => Make("NumericLessThan", Format([value]));

    /// <summary><c>NumericLessThanEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericLessThanEquals")]
    public Condition AtMost(decimal value) => Make("NumericLessThanEquals", Format([value]));

    /// <summary><c>NumericGreaterThan</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericGreaterThan")]
    public Condition GreaterThan(decimal value) => Make("NumericGreaterThan", Format([value]));

    /// <summary><c>NumericGreaterThanEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "NumericGreaterThanEquals")]
    public Condition AtLeast(decimal value) => Make("NumericGreaterThanEquals", Format([value]));

    private static string[] Format(decimal[] values) => Array.ConvertAll(values, ConditionDraft.Number);

    private protected override NumericConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding dates.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class DateConditionKey : ConditionKey<DateConditionKey>
{
    /// <summary>Creates a key.</summary>
    public DateConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private DateConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>DateEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateEquals")]
    public Condition Is(DateTimeOffset value) => Make("DateEquals", [Format(value)]);

    /// <summary><c>DateNotEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateNotEquals")]
    public Condition IsNot(DateTimeOffset value) => Make("DateNotEquals", [Format(value)]);

    /// <summary><c>DateLessThan</c>: before <paramref name="value"/>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateLessThan")]
    public Condition Before(DateTimeOffset value) => Make("DateLessThan", [Format(value)]);

    /// <summary><c>DateLessThanEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateLessThanEquals")]
    public Condition AtOrBefore(DateTimeOffset value) => Make("DateLessThanEquals", [Format(value)]);

    /// <summary><c>DateGreaterThan</c>: after <paramref name="value"/>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateGreaterThan")]
    public Condition After(DateTimeOffset value) => Make("DateGreaterThan", [Format(value)]);

    /// <summary><c>DateGreaterThanEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "DateGreaterThanEquals")]
    public Condition AtOrAfter(DateTimeOffset value) => Make("DateGreaterThanEquals", [Format(value)]);

    private static string Format(DateTimeOffset value) => ConditionDraft.Date(value);

    private protected override DateConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding <c>true</c> or <c>false</c>.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class BoolConditionKey : ConditionKey<BoolConditionKey>
{
    /// <summary>Creates a key.</summary>
    public BoolConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private BoolConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>"Bool": {"key": "true"}</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "Bool", Value = "true")]
    public Condition IsTrue() => Make("Bool", ["true"]);

    /// <summary><c>"Bool": {"key": "false"}</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "Bool", Value = "false")]
    public Condition IsFalse() => Make("Bool", ["false"]);

    private protected override BoolConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding ARNs.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class ArnConditionKey : ConditionKey<ArnConditionKey>
{
    /// <summary>Creates a key.</summary>
    public ArnConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private ArnConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>ArnEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "ArnEquals")]
    public Condition Is(params ResourceArn[] arns) => Make("ArnEquals", Values(arns));

    /// <summary><c>ArnNotEquals</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "ArnNotEquals")]
    public Condition IsNot(params ResourceArn[] arns) => Make("ArnNotEquals", Values(arns));

    /// <summary><c>ArnLike</c>: field by field with <c>*</c> and <c>?</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "ArnLike")]
    public Condition Like(params ResourceArn[] patterns) => Make("ArnLike", Values(patterns));

    /// <summary><c>ArnNotLike</c>.</summary>
    [DslMember(DslOp.Condition, Operator = "ArnNotLike")]
    public Condition NotLike(params ResourceArn[] patterns) => Make("ArnNotLike", Values(patterns));

    private static string[] Values(ResourceArn[] arns) => Array.ConvertAll(arns, a => a.Value);

    private protected override ArnConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding IP addresses.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class IpAddressConditionKey : ConditionKey<IpAddressConditionKey>
{
    /// <summary>Creates a key.</summary>
    public IpAddressConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private IpAddressConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>IpAddress</c>: inside one of the IPv4 or IPv6 CIDR ranges.</summary>
    [DslMember(DslOp.Condition, Operator = "IpAddress")]
    public Condition InRange(params string[] cidrs) => Make("IpAddress", cidrs);

    /// <summary><c>NotIpAddress</c>: outside all of the ranges.</summary>
    [DslMember(DslOp.Condition, Operator = "NotIpAddress")]
    public Condition NotInRange(params string[] cidrs) => Make("NotIpAddress", cidrs);

    private protected override IpAddressConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding binary values.</summary>
[DslMember(DslOp.ConditionKey)]
public sealed class BinaryConditionKey : ConditionKey<BinaryConditionKey>
{
    /// <summary>Creates a key.</summary>
    public BinaryConditionKey(string name) : this(name, SetQualifier.None, false)
    {
    }

    private BinaryConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary><c>BinaryEquals</c>, with base-64 values.</summary>
    [DslMember(DslOp.Condition, Operator = "BinaryEquals")]
    public Condition Is(params string[] base64Values) => Make("BinaryEquals", base64Values);

    private protected override BinaryConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}
