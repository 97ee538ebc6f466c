namespace PolicyAsCode.Catalogue;

/// <summary>
/// The type of a condition key's values as the Service Authorization Reference gives it, which decides the condition
/// operators that make sense for the key (<c>String*</c>, <c>Numeric*</c>, <c>Date*</c>, <c>Bool</c>, <c>Arn*</c>,
/// <c>IpAddress</c>, <c>BinaryEquals</c>). The <c>ArrayOf</c> types are multivalued keys, used with
/// <c>ForAnyValue:</c> or <c>ForAllValues:</c>.
/// </summary>
public enum ConditionKeyType
{
    /// <summary><c>String</c>.</summary>
    String,

    /// <summary><c>Numeric</c>.</summary>
    Numeric,

    /// <summary><c>Date</c>.</summary>
    Date,

    /// <summary><c>Bool</c>.</summary>
    Bool,

    /// <summary><c>ARN</c>.</summary>
    Arn,

    /// <summary><c>IPAddress</c>.</summary>
    IPAddress,

    /// <summary><c>Binary</c>.</summary>
    Binary,

    /// <summary><c>ArrayOfString</c>: several strings.</summary>
    ArrayOfString,

    /// <summary><c>ArrayOfNumeric</c>: several numbers.</summary>
    ArrayOfNumeric,

    /// <summary><c>ArrayOfDate</c>: several dates.</summary>
    ArrayOfDate,

    /// <summary><c>ArrayOfBool</c>: several Booleans.</summary>
    ArrayOfBool,

    /// <summary><c>ArrayOfARN</c>: several ARNs.</summary>
    ArrayOfArn,

    /// <summary><c>ArrayOfIPAddress</c>: several IP addresses.</summary>
    ArrayOfIPAddress,

    /// <summary><c>ArrayOfBinary</c>: several binary values.</summary>
    ArrayOfBinary,
}

/// <summary>Helpers for <see cref="ConditionKeyType"/>.</summary>
public static class ConditionKeyTypeExtensions
{
    /// <summary>Whether the type is one of the <c>ArrayOf</c> types, whose keys can have several values in a request.</summary>
    public static bool IsMultiValued(this ConditionKeyType type) => type >= ConditionKeyType.ArrayOfString;

    /// <summary>The type of one value: <c>String</c> for <c>ArrayOfString</c>; the type itself for single-valued types.</summary>
    public static ConditionKeyType ElementType(this ConditionKeyType type) =>
        type.IsMultiValued() ? (ConditionKeyType)(type - ConditionKeyType.ArrayOfString) : type;

    /// <summary>The type as AWS writes it, e.g. <c>ArrayOfARN</c> or <c>IPAddress</c>.</summary>
    public static string ToAwsName(this ConditionKeyType type) => type switch
    {
        ConditionKeyType.Arn => "ARN",
        ConditionKeyType.ArrayOfArn => "ArrayOfARN",
        _ => type.ToString(),
    };

    /// <summary>Parses a type as AWS writes it (<c>String</c>, <c>ArrayOfARN</c>, ...), ordinally.</summary>
    public static bool TryParseAwsName(string name, out ConditionKeyType type)
    {
        switch (name)
        {
            case "String": type = ConditionKeyType.String; return true;
            case "Numeric": type = ConditionKeyType.Numeric; return true;
            case "Date": type = ConditionKeyType.Date; return true;
            case "Bool": type = ConditionKeyType.Bool; return true;
            case "ARN": type = ConditionKeyType.Arn; return true;
            case "IPAddress": type = ConditionKeyType.IPAddress; return true;
            case "Binary": type = ConditionKeyType.Binary; return true;
            case "ArrayOfString": type = ConditionKeyType.ArrayOfString; return true;
            case "ArrayOfNumeric": type = ConditionKeyType.ArrayOfNumeric; return true;
            case "ArrayOfDate": type = ConditionKeyType.ArrayOfDate; return true;
            case "ArrayOfBool": type = ConditionKeyType.ArrayOfBool; return true;
            case "ArrayOfARN": type = ConditionKeyType.ArrayOfArn; return true;
            case "ArrayOfIPAddress": type = ConditionKeyType.ArrayOfIPAddress; return true;
            case "ArrayOfBinary": type = ConditionKeyType.ArrayOfBinary; return true;
            default: type = default; return false;
        }
    }
}
