using System.Text;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>Assertions for <see cref="PolicyJson.Parse(string)"/> that check the string and the UTF-8 overloads agree.</summary>
internal static class ParseAssert
{
    /// <summary>Parses <paramref name="json"/> through both overloads and returns the document.</summary>
    public static PolicyDocument Accepts(string json)
    {
        var fromString = PolicyJson.Parse(json);
        var fromBytes = PolicyJson.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(fromString, fromBytes);
        return fromString;
    }

    /// <summary>
    /// Asserts that both overloads reject <paramref name="json"/> with exactly this problem, JSON path, line and column.
    /// </summary>
    public static PolicyParseException Rejects(string json, string path, int line, int column, string problem)
    {
        var e = Rejects(json);
        Assert.Equal(problem, e.Problem);
        AssertLocation(e, path, line, column);
        return e;
    }

    /// <summary>
    /// Asserts a rejection whose problem comes from System.Text.Json: our prefix plus a fragment of its wording, so that a
    /// rephrased framework message fails only on the fragment.
    /// </summary>
    public static PolicyParseException RejectsInvalidJson(string json, int line, int column, string fragment)
    {
        var e = Rejects(json);
        Assert.StartsWith("invalid JSON: ", e.Problem, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Problem, StringComparison.Ordinal);
        AssertLocation(e, "$", line, column);
        return e;
    }

    /// <summary>Asserts both overloads throw the same <see cref="PolicyParseException"/> and returns it.</summary>
    public static PolicyParseException Rejects(string json)
    {
        var fromString = Assert.Throws<PolicyParseException>(() => PolicyJson.Parse(json));
        var fromBytes = Assert.Throws<PolicyParseException>(() => PolicyJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(fromString.Message, fromBytes.Message);
        return fromString;
    }

    public static void AssertLocation(PolicyParseException e, string path, int line, int column)
    {
        Assert.Equal(path, e.Path);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Equal($"{path}: {e.Problem} (line {line}, column {column})", e.Message);
    }
}
