namespace PolicyAsCode.Catalogue;

/// <summary>
/// "Did you mean" candidates: names within a small Damerau–Levenshtein distance (optimal string alignment: insertions,
/// deletions, substitutions and transpositions of adjacent characters), ignoring case.
/// </summary>
internal static class Suggestions
{
    [ThreadStatic]
    private static int[][]? s_rows;

    /// <summary>
    /// The largest distance worth suggesting for a name of <paramref name="length"/> characters: 1 up to 4 characters, 2 up
    /// to 8, else 3. Further than that, a suggestion is more likely noise than the name meant.
    /// </summary>
    public static int MaxDistance(int length) => length <= 4 ? 1 : length <= 8 ? 2 : 3;

    /// <summary>The closest <paramref name="max"/> candidates, nearest first, then in ordinal order ignoring case.</summary>
    public static List<string> Closest(string unknown, IEnumerable<string> candidates, int max)
    {
        var found = new List<(int Distance, string Name)>();
        if (max <= 0 || unknown.Length == 0) return new List<string>();
        int limit = MaxDistance(unknown.Length);
        foreach (var candidate in candidates)
        {
            int distance = Distance(unknown, candidate, limit);
            if (distance <= limit) found.Add((distance, candidate));
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
            : StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name) is var c && c != 0 ? c : string.CompareOrdinal(a.Name, b.Name));
        var result = new List<string>(Math.Min(max, found.Count));
        for (int i = 0; i < found.Count && i < max; i++) result.Add(found[i].Name);
        return result;
    }

    /// <summary>The optimal-string-alignment distance ignoring case, or <paramref name="limit"/> + 1 when it is larger than <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        int n = b.Length;
        // Three rows: the one before the previous is needed for transpositions. They are reused by the thread's next
        // call, as a search compares one name with hundreds of candidates (the rows of a long name are kept too; a name
        // is at most a few hundred characters).
        var rows = s_rows;
        if (rows is null || rows[0].Length < n + 1)
        {
            int size = Math.Max(n + 1, 64);
            rows = s_rows = [new int[size], new int[size], new int[size]];
        }
        var before = rows[0];
        var previous = rows[1];
        var current = rows[2];
        for (int j = 0; j <= n; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            char ai = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= n; j++)
            {
                char bj = char.ToUpperInvariant(b[j - 1]);
                int cost = ai == bj ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToUpperInvariant(b[j - 2]) && char.ToUpperInvariant(a[i - 2]) == bj)
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }
                current[j] = value;
                if (value < rowMin) rowMin = value;
            }
            if (rowMin > limit) return limit + 1;
            (before, previous, current) = (previous, current, before);
        }
        return Math.Min(previous[n], limit + 1);
    }
}
