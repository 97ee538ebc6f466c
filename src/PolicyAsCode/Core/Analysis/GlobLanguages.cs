using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Exact region enumeration for a family of languages, each the union of some IAM wildcard patterns: for every set of
/// languages that some string is in (and not in the others), one shortest such string.
/// </summary>
/// <remarks>
/// <para>All patterns form one NFA (one position per token; <c>*</c> loops and may be skipped); the subset construction
/// is explored breadth-first, a state being the sorted array of its active positions (a few, of the thousands a
/// service's patterns have). Only characters that some active position names as a literal
/// lead to distinct successors; every other character moves the wildcards alone, so one fresh character stands for all
/// of them, and each state has at most (active literals + 2) successors. Breadth-first order makes each representative a
/// shortest string of its region.</para>
/// <para>A language is a statement's whole Action or Resource element, so only the regions the statements can tell
/// apart are enumerated (the patterns of one element are a union: which of them matches does not matter). When every
/// combination of the languages has been seen the search stops early.</para>
/// <para>ARN patterns (the <c>arn</c> mode of <see cref="Regions"/>) are matched over the whole string as
/// <see cref="ArnPattern"/> matches them field by field: a pattern starting with <c>arn:</c> has its colons as field
/// separators, and its wildcards in the first five fields do not match a colon, so the first five colons of a string
/// it accepts are the ones <c>ArnFields</c> splits at; any other pattern is a plain glob over the whole string.</para>
/// <para>netstandard2.0: no spans (the analyzer runs it). A state budget bounds the work; running out
/// returns null, which callers turn into an <em>unknown</em> verdict.</para>
/// </remarks>
public static class GlobLanguages
{
    private const byte Literal = 0;
    private const byte Question = 1;
    private const byte Star = 2;
    private const byte Accept = 3;

    /// <summary>
    /// One shortest representative per reachable membership vector (character <c>i</c> is <c>'1'</c> when the string is
    /// in language <c>i</c>), or null when more than <paramref name="maxStates"/> automaton states would be needed.
    /// </summary>
    /// <param name="languages">Each language: its patterns (no policy variables).</param>
    /// <param name="ignoreCase">Compare ignoring case (actions); patterns are folded to lower case.</param>
    /// <param name="excluded">A character no string of the universe contains, or null.</param>
    /// <param name="arn">Read patterns starting with <c>arn:</c> as ARN patterns (see the remarks).</param>
    /// <param name="maxStates">The budget.</param>
    public static List<KeyValuePair<string, string>>? Regions(IReadOnlyList<IReadOnlyList<string>> languages, bool ignoreCase, char? excluded, bool arn, int maxStates)
    {
        var kinds = new List<byte>();
        var chars = new List<char>();
        var noColon = new List<bool>();
        var starts = new List<int>();
        var accepts = new List<int>[languages.Count];
        var literals = new HashSet<char>();
        // A pattern named by several languages is one NFA: its accept position counts for each of them.
        var acceptOf = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (int l = 0; l < languages.Count; l++)
        {
            accepts[l] = new List<int>();
            foreach (string raw in languages[l])
            {
                string pattern = ignoreCase ? raw.ToLowerInvariant() : raw;
                if (acceptOf.TryGetValue(pattern, out int known))
                {
                    accepts[l].Add(known);
                    continue;
                }
                bool fields = arn && pattern.StartsWith("arn:", System.StringComparison.Ordinal);
                int field = 0;
                int first = kinds.Count;
                starts.Add(first);
                foreach (char c in pattern)
                {
                    if (c == '*')
                    {
                        if (kinds.Count > first && kinds[kinds.Count - 1] == Star) continue;
                        Add(Star, '\0', fields && field < 5);
                    }
                    else if (c == '?') Add(Question, '\0', fields && field < 5);
                    else
                    {
                        Add(Literal, c, false);
                        if (fields && c == ':') field++;
                        if (c != excluded) literals.Add(c);
                    }
                }
                acceptOf[pattern] = kinds.Count;
                accepts[l].Add(kinds.Count);
                Add(Accept, '\0', false);
            }
        }
        char fresh = FreshChar(literals, excluded);
        bool colonMoves = arn && literals.Contains(':');
        var kindOf = kinds.ToArray();
        var charOf = chars.ToArray();
        var colonExcluded = noColon.ToArray();
        // The languages each accept position counts for.
        var languagesOf = new Dictionary<int, List<int>>();
        for (int l = 0; l < languages.Count; l++)
        {
            foreach (int a in accepts[l])
            {
                if (!languagesOf.TryGetValue(a, out var list)) languagesOf[a] = list = new List<int>();
                if (list.Count == 0 || list[list.Count - 1] != l) list.Add(l);
            }
        }

        // A state is the sorted array of its active positions: typically a few of the thousands a family has.
        var states = new List<int[]>();
        var parents = new List<int>();
        var via = new List<char>();
        var comparer = new IntsComparer();
        var seen = new HashSet<int[]>(comparer);
        var scratch = new List<int>();
        foreach (int s in starts) AddClosure(scratch, s);
        var start = Normalize(scratch);
        seen.Add(start);
        states.Add(start);
        parents.Add(-1);
        via.Add('\0');
        var vectors = new HashSet<int[]>(comparer);
        var result = new List<KeyValuePair<string, string>>();
        long all = languages.Count < 30 ? 1L << languages.Count : long.MaxValue;
        var moves = new List<long>();
        var members = new List<int>();
        var wild = new List<int>();
        var wildColon = new List<int>();
        for (int index = 0; index < states.Count; index++)
        {
            var state = states[index];
            members.Clear();
            foreach (int q in state)
            {
                if (kindOf[q] == Accept && languagesOf.TryGetValue(q, out var list)) members.AddRange(list);
            }
            var vector = Normalize(members);
            if (vectors.Add(vector))
            {
                result.Add(new KeyValuePair<string, string>(Word(index), Text(vector, languages.Count)));
                if (vectors.Count == all) break;
            }
            if (state.Length == 0) continue;

            wild.Clear();
            wildColon.Clear();
            moves.Clear();
            foreach (int q in state)
            {
                switch (kindOf[q])
                {
                    case Star:
                        AddClosure(wild, q);
                        if (colonMoves && !colonExcluded[q]) AddClosure(wildColon, q);
                        break;
                    case Question:
                        AddClosure(wild, q + 1);
                        if (colonMoves && !colonExcluded[q]) AddClosure(wildColon, q + 1);
                        break;
                    case Literal:
                        // (character, target) packed so that sorting groups the moves by character.
                        if (charOf[q] != excluded) moves.Add(((long)charOf[q] << 32) | (uint)(q + 1));
                        break;
                }
            }
            scratch.Clear();
            scratch.AddRange(wild);
            if (!Visit(fresh)) return null;
            moves.Sort();
            bool colonNamed = false;
            for (int m = 0; m < moves.Count;)
            {
                char c = (char)(moves[m] >> 32);
                colonNamed |= c == ':';
                scratch.Clear();
                scratch.AddRange(c == ':' && colonMoves ? wildColon : wild);
                for (; m < moves.Count && (char)(moves[m] >> 32) == c; m++) AddClosure(scratch, (int)(moves[m] & 0xFFFFFFFF));
                if (!Visit(c)) return null;
            }
            if (colonMoves && !colonNamed)
            {
                scratch.Clear();
                scratch.AddRange(wildColon);
                if (!Visit(':')) return null;
            }

            bool Visit(char c)
            {
                var next = Normalize(scratch);
                if (!seen.Add(next)) return true;
                states.Add(next);
                parents.Add(index);
                via.Add(c);
                return states.Count <= maxStates;
            }
        }
        return result;

        void Add(byte kind, char c, bool colonNotMatched)
        {
            kinds.Add(kind);
            chars.Add(c);
            noColon.Add(colonNotMatched);
        }

        void AddClosure(List<int> set, int q)
        {
            while (true)
            {
                set.Add(q);
                if (kinds[q] != Star) return;
                q++;
            }
        }

        string Word(int index)
        {
            var sb = new StringBuilder();
            for (int i = index; parents[i] >= 0; i = parents[i]) sb.Insert(0, via[i]);
            return sb.ToString();
        }
    }

    /// <summary>The sorted distinct values of <paramref name="values"/> (which it sorts in place).</summary>
    private static int[] Normalize(List<int> values)
    {
        values.Sort();
        int distinct = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (i == 0 || values[i] != values[i - 1]) distinct++;
        }
        var result = new int[distinct];
        int k = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (i == 0 || values[i] != values[i - 1]) result[k++] = values[i];
        }
        return result;
    }

    private static string Text(int[] members, int count)
    {
        var text = new char[count];
        for (int l = 0; l < count; l++) text[l] = '0';
        foreach (int l in members) text[l] = '1';
        return new string(text);
    }

    private static char FreshChar(HashSet<char> literals, char? excluded)
    {
        foreach (char c in "xyzqjkw0123456789")
        {
            if (c != excluded && !literals.Contains(c) && !literals.Contains(char.ToUpperInvariant(c))) return c;
        }
        for (char c = 'A'; ; c++)
        {
            if (c != excluded && c != ':' && !literals.Contains(c) && !literals.Contains(char.ToLowerInvariant(c)) && c != '*' && c != '?') return c;
        }
    }

    private sealed class IntsComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y)
        {
            if (x!.Length != y!.Length) return false;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i]) return false;
            }
            return true;
        }

        public int GetHashCode(int[] values)
        {
            uint h = 2166136261;
            foreach (int v in values) h = (h ^ (uint)v) * 16777619;
            return (int)h;
        }
    }
}
