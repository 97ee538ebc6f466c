using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Cli;

// Conditions as the DSL writes them: the typed key with its operator's method, or null after saying why not.
internal sealed partial class ImportWriter
{
    /// <summary>The DSL condition, or null after reporting why the DSL cannot write it exactly.</summary>
    private string? Condition(ImportInput input, Condition condition, string path)
    {
        var op = condition.Operator;
        var values = condition.Values.ToList();
        if (values.Count == 0)
        {
            Error(input, path, "a condition without values cannot be declared");
            return null;
        }
        Type? keyType = op.Family switch
        {
            ConditionOperatorFamily.String => typeof(StringConditionKey),
            ConditionOperatorFamily.Numeric => typeof(NumericConditionKey),
            ConditionOperatorFamily.Date => typeof(DateConditionKey),
            ConditionOperatorFamily.Bool => typeof(BoolConditionKey),
            ConditionOperatorFamily.Binary => typeof(BinaryConditionKey),
            ConditionOperatorFamily.IpAddress => typeof(IpAddressConditionKey),
            ConditionOperatorFamily.Arn => typeof(ArnConditionKey),
            _ => null,
        };
        string key = _catalogue.Key(condition.Key, keyType) ?? $"new {(keyType ?? typeof(StringConditionKey)).Name}({CSharpText.String(condition.Key)})";
        if (op.Qualifier == SetQualifier.ForAnyValue) key += ".ForAnyValue";
        else if (op.Qualifier == SetQualifier.ForAllValues) key += ".ForAllValues";
        if (op.IfExists) key += ".IfExists()";

        string? Single(string what)
        {
            if (values.Count == 1) return values[0];
            Error(input, path, $"{op.Name} with {values.Count} values: the DSL's {what} takes one value");
            return null;
        }

        List<string> Strings() => values.Select(CSharpText.String).ToList();

        switch (op.Kind)
        {
            case ConditionOperatorKind.StringEquals: return Join(key + ".Is", Strings());
            case ConditionOperatorKind.StringNotEquals: return Join(key + ".IsNot", Strings());
            case ConditionOperatorKind.StringEqualsIgnoreCase: return Join(key + ".IsIgnoringCase", Strings());
            case ConditionOperatorKind.StringNotEqualsIgnoreCase: return Join(key + ".IsNotIgnoringCase", Strings());
            case ConditionOperatorKind.StringLike: return Join(key + ".Like", Strings());
            case ConditionOperatorKind.StringNotLike: return Join(key + ".NotLike", Strings());
            case ConditionOperatorKind.ArnEquals: return Join(key + ".Is", Strings());
            case ConditionOperatorKind.ArnNotEquals: return Join(key + ".IsNot", Strings());
            case ConditionOperatorKind.ArnLike: return Join(key + ".Like", Strings());
            case ConditionOperatorKind.ArnNotLike: return Join(key + ".NotLike", Strings());
            case ConditionOperatorKind.IpAddress: return Join(key + ".InRange", Strings());
            case ConditionOperatorKind.NotIpAddress: return Join(key + ".NotInRange", Strings());
            case ConditionOperatorKind.BinaryEquals: return Join(key + ".Is", Strings());
            case ConditionOperatorKind.Bool:
            case ConditionOperatorKind.Null:
            {
                if (Single(op.Kind == ConditionOperatorKind.Bool ? "IsTrue()/IsFalse()" : "Exists()/IsAbsent()") is not { } value) return null;
                string? method = (op.Kind, value) switch
                {
                    (ConditionOperatorKind.Bool, "true") => "IsTrue",
                    (ConditionOperatorKind.Bool, "false") => "IsFalse",
                    (ConditionOperatorKind.Null, "true") => "IsAbsent",
                    (ConditionOperatorKind.Null, "false") => "Exists",
                    _ => null,
                };
                if (method is null)
                {
                    Error(input, path, $"{op.Name} with the value \"{value}\": the DSL writes only \"true\" or \"false\"");
                    return null;
                }
                return $"{key}.{method}()";
            }
            case ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals:
            {
                var numbers = new List<string>();
                foreach (var value in values)
                {
                    if (Number(value) is not { } number)
                    {
                        Error(input, path, $"\"{value}\" is not a number the DSL can write exactly");
                        return null;
                    }
                    numbers.Add(number);
                }
                return Join(key + (op.Kind == ConditionOperatorKind.NumericEquals ? ".Is" : ".IsNot"), numbers);
            }
            case ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
                or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals:
            {
                if (Single("numeric comparison") is not { } value) return null;
                if (Number(value) is not { } number)
                {
                    Error(input, path, $"\"{value}\" is not a number the DSL can write exactly");
                    return null;
                }
                string method = op.Kind switch
                {
                    ConditionOperatorKind.NumericLessThan => "LessThan",
                    ConditionOperatorKind.NumericLessThanEquals => "AtMost",
                    ConditionOperatorKind.NumericGreaterThan => "GreaterThan",
                    _ => "AtLeast",
                };
                return $"{key}.{method}({number})";
            }
            default:
            {
                // The date operators.
                if (Single("date comparison") is not { } value) return null;
                var date = Regex.Match(value, @"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$");
                if (!date.Success || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    Error(input, path, $"the date \"{value}\" is not in the form the DSL writes (2026-01-01T00:00:00Z)");
                    return null;
                }
                _usesSystem = true;
                string method = op.Kind switch
                {
                    ConditionOperatorKind.DateEquals => "Is",
                    ConditionOperatorKind.DateNotEquals => "IsNot",
                    ConditionOperatorKind.DateLessThan => "Before",
                    ConditionOperatorKind.DateLessThanEquals => "AtOrBefore",
                    ConditionOperatorKind.DateGreaterThan => "After",
                    _ => "AtOrAfter",
                };
                string parts = string.Join(", ", Enumerable.Range(1, 6).Select(i => int.Parse(date.Groups[i].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
                return $"{key}.{method}(new DateTimeOffset({parts}, TimeSpan.Zero))";
            }
        }
    }

    /// <summary>A C# literal whose decimal value prints as <paramref name="value"/>, or null.</summary>
    private static string? Number(string value)
    {
        if (!Regex.IsMatch(value, @"^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,10})?$")) return null;
        return value.Contains('.', StringComparison.Ordinal) ? value + "m" : value;
    }
}
