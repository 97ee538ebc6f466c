using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Exact region enumeration for a family of languages, each the union of some IAM wildcard patterns: for every set of
/// languages that some string is in (and not in the others), one shortest such string.
/// </summary>
/// <remarks>
/// <para>All patterns form one NFA (one position per token; <c>*</c> loops and may be skipped); the subset construction
/// is explored breadth-first over bitsets of positions. Only characters that some active position names as a literal
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
/// <para>netstandard2.0: no spans or BitOperations (the analyzer runs it). A state budget bounds the work; running out
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
        for (int l = 0; l < languages.Count; l++)
        {
            accepts[l] = new List<int>();
            foreach (string pattern in languages[l])
            {
                bool fields = arn && pattern.StartsWith("arn:", System.StringComparison.Ordinal);
                int field = 0;
                starts.Add(kinds.Count);
                foreach (char raw in pattern)
                {
                    char c = ignoreCase ? char.ToLowerInvariant(raw) : raw;
                    if (c == '*')
                    {
                        if (kinds.Count > starts[starts.Count - 1] && kinds[kinds.Count - 1] == Star) continue;
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
                accepts[l].Add(kinds.Count);
                Add(Accept, '\0', false);
            }
        }
        int words = (kinds.Count + 63) / 64;
        char fresh = FreshChar(literals, excluded);

        var states = new List<ulong[]>();
        var parents = new List<int>();
        var via = new List<char>();
        var seen = new Dictionary<ulong[], int>(new BitsComparer());
        var start = new ulong[words];
        foreach (int s in starts) AddClosure(start, s);
        seen[start] = 0;
        states.Add(start);
        parents.Add(-1);
        via.Add('\0');
        var vectors = new HashSet<string>();
        var result = new List<KeyValuePair<string, string>>();
        long all = languages.Count < 30 ? 1L << languages.Count : long.MaxValue;
        var literalTargets = new Dictionary<char, List<int>>();
        var vector = new char[languages.Count];
        for (int index = 0; index < states.Count; index++)
        {
            var state = states[index];
            bool dead = true;
            for (int l = 0; l < languages.Count; l++)
            {
                vector[l] = '0';
                foreach (int a in accepts[l])
                {
                    if ((state[a >> 6] & (1UL << (a & 63))) != 0)
                    {
                        vector[l] = '1';
                        break;
                    }
                }
            }
            string key = new string(vector);
            if (vectors.Add(key))
            {
                result.Add(new KeyValuePair<string, string>(Word(index), key));
                if (vectors.Count == all) break;
            }

            var wild = new ulong[words];
            var wildColon = arn ? new ulong[words] : null;
            literalTargets.Clear();
            for (int w = 0; w < words; w++)
            {
                ulong bits = state[w];
                while (bits != 0)
                {
                    int q = (w << 6) + TrailingZeros(bits);
                    bits &= bits - 1;
                    dead = false;
                    switch (kinds[q])
                    {
                        case Star:
                            AddClosure(wild, q);
                            if (wildColon is not null && !noColon[q]) AddClosure(wildColon, q);
                            break;
                        case Question:
                            AddClosure(wild, q + 1);
                            if (wildColon is not null && !noColon[q]) AddClosure(wildColon, q + 1);
                            break;
                        case Literal:
                            if (chars[q] == excluded) break;
                            if (!literalTargets.TryGetValue(chars[q], out var targets)) literalTargets[chars[q]] = targets = new List<int>();
                            targets.Add(q + 1);
                            break;
                    }
                }
            }
            if (dead) continue;
            if (!Visit(wild, fresh)) return null;
            if (wildColon is not null && literals.Contains(':') && !literalTargets.ContainsKey(':') && !Visit(wildColon, ':')) return null;
            foreach (var pair in literalTargets)
            {
                var next = (ulong[])(pair.Key == ':' && wildColon is not null ? wildColon : wild).Clone();
                foreach (int t in pair.Value) AddClosure(next, t);
                if (!Visit(next, pair.Key)) return null;
            }

            bool Visit(ulong[] next, char c)
            {
                if (seen.ContainsKey(next)) return true;
                seen[next] = states.Count;
                states.Add(next);
                parents.Add(index);
                via.Add(c);
                return states.Count <= maxStates;
            }
        }
        return result;

        void Add(byte kind, char c, bool colonExcluded)
        {
            kinds.Add(kind);
            chars.Add(c);
            noColon.Add(colonExcluded);
        }

        void AddClosure(ulong[] set, int q)
        {
            while (true)
            {
                set[q >> 6] |= 1UL << (q & 63);
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

    private static int TrailingZeros(ulong bits)
    {
        int n = 0;
        if ((bits & 0xFFFFFFFFUL) == 0) { n += 32; bits >>= 32; }
        if ((bits & 0xFFFFUL) == 0) { n += 16; bits >>= 16; }
        if ((bits & 0xFFUL) == 0) { n += 8; bits >>= 8; }
        if ((bits & 0xFUL) == 0) { n += 4; bits >>= 4; }
        if ((bits & 0x3UL) == 0) { n += 2; bits >>= 2; }
        if ((bits & 0x1UL) == 0) n += 1;
        return n;
    }

    private sealed class BitsComparer : IEqualityComparer<ulong[]>
    {
        public bool Equals(ulong[]? x, ulong[]? y)
        {
            if (x!.Length != y!.Length) return false;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i]) return false;
            }
            return true;
        }

        public int GetHashCode(ulong[] bits)
        {
            ulong h = 14695981039346656037UL;
            foreach (ulong w in bits) h = (h ^ w) * 1099511628211UL;
            return (int)(h ^ (h >> 32));
        }
    }
}
