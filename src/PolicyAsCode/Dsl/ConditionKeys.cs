using System.Globalization;

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
    public string Name { get; }

    /// <summary>The set qualifier the next condition gets.</summary>
    public SetQualifier Qualifier { get; }

    /// <summary>Whether the next condition gets the <c>IfExists</c> suffix.</summary>
    public bool IsIfExists { get; }

    /// <summary>The key must be present: <c>"Null": {"key": "false"}</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("Null")]
    public Condition Exists() => Make("Null", ["false"]);

    /// <summary>The key must be absent: <c>"Null": {"key": "true"}</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("Null")]
    public Condition IsAbsent() => Make("Null", ["true"]);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private protected Condition Make(string baseOperator, string[] values)
    {
        if (values is null || values.Length == 0) throw new ArgumentException($"A condition on {Name} needs at least one value.", nameof(values));
        return new Condition(ConditionOperator.Compose(baseOperator, Qualifier, IsIfExists), Name, EquatableArray.Create(values));
    }
}

/// <summary>A key of a given type, with its variants.</summary>
/// <typeparam name="TSelf">The key type itself.</typeparam>
public abstract class ConditionKey<TSelf> : ConditionKey where TSelf : ConditionKey<TSelf>
{
    private protected ConditionKey(string name, SetQualifier qualifier, bool ifExists) : base(name, qualifier, ifExists)
    {
    }

    /// <summary>The same key with <c>IfExists</c>: the condition also holds when the request lacks the key.</summary>
    public TSelf IfExists() => Create(Name, Qualifier, true);

    /// <summary>The key with <c>ForAnyValue:</c>, for multivalued keys: at least one request value must match.</summary>
    public TSelf ForAnyValue => Create(Name, SetQualifier.ForAnyValue, IsIfExists);

    /// <summary>The key with <c>ForAllValues:</c>, for multivalued keys: every request value must match (true when absent).</summary>
    public TSelf ForAllValues => Create(Name, SetQualifier.ForAllValues, IsIfExists);

    private protected abstract TSelf Create(string name, SetQualifier qualifier, bool ifExists);
}

/// <summary>A key holding strings.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("StringEquals")]
    public Condition Is(params string[] values) => Make("StringEquals", values);

    /// <summary><c>StringNotEquals</c>: the value is none of <paramref name="values"/>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("StringNotEquals")]
    public Condition IsNot(params string[] values) => Make("StringNotEquals", values);

    /// <summary><c>StringEqualsIgnoreCase</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("StringEqualsIgnoreCase")]
    public Condition IsIgnoringCase(params string[] values) => Make("StringEqualsIgnoreCase", values);

    /// <summary><c>StringNotEqualsIgnoreCase</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("StringNotEqualsIgnoreCase")]
    public Condition IsNotIgnoringCase(params string[] values) => Make("StringNotEqualsIgnoreCase", values);

    /// <summary><c>StringLike</c>: the value matches one of the patterns (<c>*</c>, <c>?</c>).</summary>
    [global::PolicyAsCode.Generation.DslOperator("StringLike")]
    public Condition Like(params string[] patterns) => Make("StringLike", patterns);

    /// <summary><c>StringNotLike</c>: the value matches none of the patterns.</summary>
    [global::PolicyAsCode.Generation.DslOperator("StringNotLike")]
    public Condition NotLike(params string[] patterns) => Make("StringNotLike", patterns);

    private protected override StringConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding numbers.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("NumericEquals")]
    public Condition Is(params decimal[] values) => Make("NumericEquals", Format(values));

    /// <summary><c>NumericNotEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NumericNotEquals")]
    public Condition IsNot(params decimal[] values) => Make("NumericNotEquals", Format(values));

    /// <summary><c>NumericLessThan</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NumericLessThan")]
    public Condition LessThan(decimal value) => Make("NumericLessThan", Format([value]));

    /// <summary><c>NumericLessThanEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NumericLessThanEquals")]
    public Condition AtMost(decimal value) => Make("NumericLessThanEquals", Format([value]));

    /// <summary><c>NumericGreaterThan</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NumericGreaterThan")]
    public Condition GreaterThan(decimal value) => Make("NumericGreaterThan", Format([value]));

    /// <summary><c>NumericGreaterThanEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NumericGreaterThanEquals")]
    public Condition AtLeast(decimal value) => Make("NumericGreaterThanEquals", Format([value]));

    private static string[] Format(decimal[] values) => Array.ConvertAll(values, v => v.ToString(CultureInfo.InvariantCulture));

    private protected override NumericConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding dates.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("DateEquals")]
    public Condition Is(DateTimeOffset value) => Make("DateEquals", [Format(value)]);

    /// <summary><c>DateNotEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("DateNotEquals")]
    public Condition IsNot(DateTimeOffset value) => Make("DateNotEquals", [Format(value)]);

    /// <summary><c>DateLessThan</c>: before <paramref name="value"/>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("DateLessThan")]
    public Condition Before(DateTimeOffset value) => Make("DateLessThan", [Format(value)]);

    /// <summary><c>DateLessThanEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("DateLessThanEquals")]
    public Condition AtOrBefore(DateTimeOffset value) => Make("DateLessThanEquals", [Format(value)]);

    /// <summary><c>DateGreaterThan</c>: after <paramref name="value"/>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("DateGreaterThan")]
    public Condition After(DateTimeOffset value) => Make("DateGreaterThan", [Format(value)]);

    /// <summary><c>DateGreaterThanEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("DateGreaterThanEquals")]
    public Condition AtOrAfter(DateTimeOffset value) => Make("DateGreaterThanEquals", [Format(value)]);

    /// <summary>W3C ISO 8601 in UTC, e.g. <c>2026-01-01T00:00:00Z</c>.</summary>
    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private protected override DateConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding <c>true</c> or <c>false</c>.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("Bool")]
    public Condition IsTrue() => Make("Bool", ["true"]);

    /// <summary><c>"Bool": {"key": "false"}</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("Bool")]
    public Condition IsFalse() => Make("Bool", ["false"]);

    private protected override BoolConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding ARNs.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("ArnEquals")]
    public Condition Is(params ResourceArn[] arns) => Make("ArnEquals", Values(arns));

    /// <summary><c>ArnNotEquals</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("ArnNotEquals")]
    public Condition IsNot(params ResourceArn[] arns) => Make("ArnNotEquals", Values(arns));

    /// <summary><c>ArnLike</c>: field by field with <c>*</c> and <c>?</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("ArnLike")]
    public Condition Like(params ResourceArn[] patterns) => Make("ArnLike", Values(patterns));

    /// <summary><c>ArnNotLike</c>.</summary>
    [global::PolicyAsCode.Generation.DslOperator("ArnNotLike")]
    public Condition NotLike(params ResourceArn[] patterns) => Make("ArnNotLike", Values(patterns));

    private static string[] Values(ResourceArn[] arns) => Array.ConvertAll(arns, a => a.Value);

    private protected override ArnConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding IP addresses.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("IpAddress")]
    public Condition InRange(params string[] cidrs) => Make("IpAddress", cidrs);

    /// <summary><c>NotIpAddress</c>: outside all of the ranges.</summary>
    [global::PolicyAsCode.Generation.DslOperator("NotIpAddress")]
    public Condition NotInRange(params string[] cidrs) => Make("NotIpAddress", cidrs);

    private protected override IpAddressConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}

/// <summary>A key holding binary values.</summary>
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
    [global::PolicyAsCode.Generation.DslOperator("BinaryEquals")]
    public Condition Is(params string[] base64Values) => Make("BinaryEquals", base64Values);

    private protected override BinaryConditionKey Create(string name, SetQualifier qualifier, bool ifExists) => new(name, qualifier, ifExists);
}
