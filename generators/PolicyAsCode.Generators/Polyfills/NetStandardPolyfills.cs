using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode;

/// <summary>
/// The few .NET Core APIs the shared Core/ (the evaluator and the analysis engine) calls that netstandard2.0 lacks, as
/// extension methods with the same meaning, so the linked source compiles unchanged. PolySharp covers the language
/// features; these are library members. They are in the namespace <c>PolicyAsCode</c>, so Core's code finds them without
/// a using directive, and only in the generator's assembly.
/// </summary>
internal static class NetStandardPolyfills
{
    public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }

    public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        if (dictionary.ContainsKey(key)) return false;
        dictionary.Add(key, value);
        return true;
    }

    public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

    public static string[] Split(this string text, char separator, int count) => text.Split([separator], count);

    public static StringBuilder Append(this StringBuilder builder, IFormatProvider provider, FormattableString text)
        => builder.Append(text.ToString(provider));

    public static StringBuilder AppendLine(this StringBuilder builder, IFormatProvider provider, FormattableString text)
        => builder.AppendLine(text.ToString(provider));
}

/// <summary><c>System.Numerics.BitOperations</c> is internal in netstandard2.0; the one member Core calls.</summary>
internal static class BitOperations
{
    public static int PopCount(ulong value)
    {
        int count = 0;
        for (; value != 0; value &= value - 1) count++;
        return count;
    }
}
