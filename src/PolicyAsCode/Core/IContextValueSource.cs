namespace PolicyAsCode;

/// <summary>Supplies the values of request context keys to policy variables.</summary>
public interface IContextValueSource
{
    /// <summary>
    /// Gets the single value of a context key (matched case-insensitively). Returns false when the key is absent or
    /// multi-valued: AWS allows only single-valued keys as policy variables.
    /// </summary>
    bool TryGetSingleValue(string key, out string value);
}
