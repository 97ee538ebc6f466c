using System.Globalization;

namespace PolicyAsCode.Dsl;

/// <summary>
/// How the DSL writes a condition: its operator from a base operator, the key's set qualifier and <c>IfExists</c>, and
/// its values as IAM text. Shared by the runtime's typed condition keys and the source generator's interpreter.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ConditionDraft
{
    /// <summary>A condition on <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Condition Create(string key, string baseOperator, SetQualifier qualifier, bool ifExists, IEnumerable<string> values)
    {
        var list = values?.ToArray() ?? [];
        if (list.Length == 0) throw new ArgumentException($"A condition on {key} needs at least one value.");
        return new Condition(ConditionOperator.Compose(baseOperator, qualifier, ifExists), key, EquatableArray.Create(list));
    }

    /// <summary>A number as a numeric condition writes it: invariant culture, as many digits as the decimal holds.</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as a date condition writes it: W3C ISO 8601 in UTC, e.g. <c>2026-01-01T00:00:00Z</c>.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
