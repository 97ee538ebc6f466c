using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Exact region enumeration for a set of IAM wildcard patterns (<c>*</c>, <c>?</c>, literal text): for every set of
/// patterns that some string matches and the others do not, one shortest such string.
/// </summary>
/// <remarks>
/// <para>Each pattern is a small NFA (one state per token position; <c>*</c> loops). The product of all of them is
/// explored breadth-first (subset construction on the fly), over an alphabet of the characters the patterns name plus
/// one fresh character: every character the patterns do not name behaves the same in every pattern, so one stands for all
/// of them. Breadth-first order makes each representative a shortest string of its region.</para>
/// <para>Why our own automaton and not Fare: patterns here are only globs, the question is only "which acceptance
/// vectors are reachable and by which word", and the whole thing is ~150 lines with no dependency to ship beside the
/// analyzer (netstandard2.0; no spans, no System.Text.Json). A step budget bounds the work; running out returns
/// <c>null</c>, which callers turn into an <em>unknown</em> verdict.</para>
/// </remarks>
public static class GlobRegions
{
    private const char Star = '\uE000';
    private const char Question = '\uE001';

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
        var tokens = new string[patterns.Count];
        var literals = new SortedSet<char>();
        for (int i = 0; i < patterns.Count; i++)
        {
            var sb = new StringBuilder();
            foreach (char raw in patterns[i])
            {
                char c = ignoreCase ? char.ToLowerInvariant(raw) : raw;
                if (c == '*')
                {
                    if (sb.Length == 0 || sb[sb.Length - 1] != Star) sb.Append(Star);
                }
                else if (c == '?') sb.Append(Question);
                else
                {
                    sb.Append(c);
                    if (excluded != c) literals.Add(c);
                }
            }
            tokens[i] = sb.ToString();
        }
        var alphabet = new List<char>();
        alphabet.Add(FreshChar(literals, excluded));
        alphabet.AddRange(literals);

        var start = new List<int>[tokens.Length];
        for (int i = 0; i < tokens.Length; i++) start[i] = Closure(tokens[i], new SortedSet<int> { 0 });
        var seenStates = new HashSet<string>();
        var seenVectors = new HashSet<string>();
        var result = new List<string>();
        var queue = new Queue<KeyValuePair<List<int>[], string>>();
        seenStates.Add(Key(start));
        queue.Enqueue(new KeyValuePair<List<int>[], string>(start, ""));
        while (queue.Count > 0)
        {
            var item = queue.Dequeue();
            var state = item.Key;
            string vector = Vector(tokens, state, out bool dead);
            if (seenVectors.Add(vector)) result.Add(item.Value);
            if (dead) continue;
            foreach (char c in alphabet)
            {
                var next = new List<int>[tokens.Length];
                for (int i = 0; i < tokens.Length; i++) next[i] = Step(tokens[i], state[i], c);
                if (!seenStates.Add(Key(next))) continue;
                if (seenStates.Count > maxStates) return null;
                queue.Enqueue(new KeyValuePair<List<int>[], string>(next, item.Value + c));
            }
        }
        return result;
    }

    private static char FreshChar(SortedSet<char> literals, char? excluded)
    {
        foreach (char c in "xyzqjkw0123456789")
        {
            if (c != excluded && !literals.Contains(c) && !literals.Contains(char.ToUpperInvariant(c))) return c;
        }
        for (char c = 'A'; ; c++)
        {
            if (c != excluded && !literals.Contains(c) && !literals.Contains(char.ToLowerInvariant(c)) && c != '*' && c != '?') return c;
        }
    }

    private static List<int> Closure(string pattern, SortedSet<int> positions)
    {
        var list = new List<int>();
        var todo = new Stack<int>(positions);
        var seen = new HashSet<int>();
        while (todo.Count > 0)
        {
            int p = todo.Pop();
            if (!seen.Add(p)) continue;
            list.Add(p);
            if (p < pattern.Length && pattern[p] == Star) todo.Push(p + 1);
        }
        list.Sort();
        return list;
    }

    private static List<int> Step(string pattern, List<int> positions, char c)
    {
        var next = new SortedSet<int>();
        foreach (int p in positions)
        {
            if (p >= pattern.Length) continue;
            char t = pattern[p];
            if (t == Star) next.Add(p);
            else if (t == Question || t == c) next.Add(p + 1);
        }
        return next.Count == 0 ? new List<int>() : Closure(pattern, next);
    }

    private static string Key(List<int>[] state)
    {
        var sb = new StringBuilder();
        foreach (var positions in state)
        {
            foreach (int p in positions) sb.Append(p).Append(',');
            sb.Append('|');
        }
        return sb.ToString();
    }

    private static string Vector(string[] tokens, List<int>[] state, out bool dead)
    {
        var chars = new char[tokens.Length];
        dead = true;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (state[i].Count > 0) dead = false;
            chars[i] = state[i].Contains(tokens[i].Length) ? '1' : '0';
        }
        return new string(chars);
    }
}
