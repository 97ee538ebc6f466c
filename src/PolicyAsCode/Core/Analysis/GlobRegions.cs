using System.Collections.Generic;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Exact region enumeration for a set of IAM wildcard patterns (<c>*</c>, <c>?</c>, literal text): for every set of
/// patterns that some string matches and the others do not, one shortest such string.
/// </summary>
/// <remarks>
/// <para>Each pattern is its own language of <see cref="GlobLanguages"/>, which explores the product automaton
/// breadth-first over bitsets of pattern positions, so each representative is a shortest string of its region.</para>
/// <para>Why our own automaton and not Fare: patterns here are only globs, the question is only "which acceptance
/// vectors are reachable and by which word", and the whole thing is a few hundred lines with no dependency to ship beside the
/// analyzer (netstandard2.0; no spans, no System.Text.Json). A step budget bounds the work; running out returns
/// <c>null</c>, which callers turn into an <em>unknown</em> verdict.</para>
/// </remarks>
public static class GlobRegions
{
    /// <summary>
    /// Returns one shortest representative per reachable acceptance vector, or null when more than
    /// <paramref name="maxStates"/> product states would be needed.
    /// </summary>
    /// <param name="patterns">The glob patterns (no policy variables).</param>
    /// <param name="ignoreCase">Compare ignoring case (actions); patterns are folded to lower case.</param>
    /// <param name="excluded">A character no string of the universe contains (':' inside the first five ARN fields), or null.</param>
    /// <param name="maxStates">The budget.</param>
    public static List<string>? Representatives(IReadOnlyList<string> patterns, bool ignoreCase, char? excluded, int maxStates)
    {
        var regions = Regions(patterns, ignoreCase, excluded, maxStates);
        if (regions is null) return null;
        var result = new List<string>(regions.Count);
        foreach (var region in regions) result.Add(region.Key);
        return result;
    }

    /// <summary>
    /// As <see cref="Representatives"/>, with each representative's acceptance vector: character <c>i</c> is <c>'1'</c>
    /// when pattern <c>i</c> matches the representative, <c>'0'</c> otherwise.
    /// </summary>
    public static List<KeyValuePair<string, string>>? Regions(IReadOnlyList<string> patterns, bool ignoreCase, char? excluded, int maxStates)
    {
        var languages = new List<IReadOnlyList<string>>(patterns.Count);
        foreach (string pattern in patterns) languages.Add(new[] { pattern });
        return GlobLanguages.Regions(languages, ignoreCase, excluded, arn: false, maxStates);
    }
}
