using System.Globalization;
using System.Text;

namespace PolicyAsCode.Analysis;

/// <summary>
/// Writes an analysis question as SMT-LIB 2.6 text (logic <c>QF_SLIA</c>: strings, regular expressions, integers), so
/// that an independent solver (z3, cvc5) can re-check a verdict: the script is satisfiable exactly when the property
/// fails, and a model is a witness request.
/// </summary>
/// <remarks>
/// <para>The encoding follows the evaluator (docs/evaluation.md) for identity-based policies: Action/NotAction (globs,
/// ignoring case), Resource/NotResource (<c>*</c>, six-field ARN patterns whose first five fields hold no colon, shorter
/// patterns ending in <c>*</c>, and non-ARN globs), explicit deny over allow, and String conditions (Equals, NotEquals,
/// Like, NotLike and their IgnoreCase forms, IfExists, ForAllValues/ForAnyValue) and Null. A condition key is a count
/// <c>kI_n</c> of values and values <c>kI_1..kI_m</c>, m the number of distinct conditions on the key: each condition
/// on a set of values is decided by its best or worst member, so m values reach every outcome.</para>
/// <para>Anything else (other operator families, policy variables, principals) gives null with the reason: the text
/// is never an approximation. Case is folded as the evaluator's ordinal ignore-case comparison folds characters of the
/// Basic Multilingual Plane; SMT-LIB strings are code points, the evaluator's are UTF-16 units, which differ only outside it.</para>
/// </remarks>
public static class SmtLib
{
    /// <summary>The question "does the candidate allow a request the baseline does not?"; null with <paramref name="reason"/> outside the fragment.</summary>
    public static string? NoNewAccess(IReadOnlyList<PolicyDocument> baseline, IReadOnlyList<PolicyDocument> candidate, out string? reason)
    {
        var writer = new Writer();
        reason = writer.Declare(baseline.Concat(candidate));
        if (reason is not null) return null;
        string? before = writer.Allowed(baseline, out reason);
        if (before is null) return null;
        string? after = writer.Allowed(candidate, out reason);
        if (after is null) return null;
        return writer.Finish("no-new-access: is a request allowed by the candidate and not by the baseline?", $"(and {after} (not {before}))");
    }

    /// <summary>The question "is any of the actions on any of the resources allowed?"; null with <paramref name="reason"/> outside the fragment.</summary>
    public static string? AccessNotGranted(IReadOnlyList<PolicyDocument> policies, IReadOnlyList<string> actions, IReadOnlyList<string> resources, out string? reason)
    {
        var writer = new Writer();
        reason = writer.Declare(policies);
        if (reason is not null) return null;
        string? allowed = writer.Allowed(policies, out reason);
        if (allowed is null) return null;
        string? actionScope = writer.ActionMatch(actions, out reason);
        if (actionScope is null) return null;
        string? resourceScope = writer.ResourceMatch(resources, out reason);
        if (resourceScope is null) return null;
        return writer.Finish("access-not-granted: is one of the actions on one of the resources allowed?", $"(and {actionScope} {resourceScope} {allowed})");
    }

    private sealed class Writer
    {
        private readonly StringBuilder _declarations = new();
        private readonly Dictionary<string, (int Index, int Slots)> _keys = new(StringComparer.OrdinalIgnoreCase);

        public string? Declare(IEnumerable<PolicyDocument> policies)
        {
            var conditions = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            var order = new List<string>();
            foreach (var policy in policies)
            {
                foreach (var statement in policy.Statements.Items)
                {
                    if (statement.Principal is not null) return $"a statement has a {statement.Principal.ElementName}; the SMT-LIB output is written for identity-based policies";
                    foreach (var condition in statement.Conditions.Items)
                    {
                        if (!conditions.TryGetValue(condition.Key, out var distinct))
                        {
                            conditions[condition.Key] = distinct = new HashSet<string>(StringComparer.Ordinal);
                            order.Add(condition.Key);
                        }
                        distinct.Add(condition.Operator.Name + "\u0001" + string.Join("\u0001", condition.Values.Items));
                    }
                }
            }
            _declarations.AppendLine("(declare-const action String)");
            _declarations.AppendLine("(declare-const resource String)");
            for (int i = 0; i < order.Count; i++)
            {
                int slots = Math.Max(1, conditions[order[i]].Count);
                _keys[order[i]] = (i, slots);
                _declarations.AppendLine(CultureInfo.InvariantCulture, $"; context key {Quote(order[i])}: k{i}_n values (0 when missing), k{i}_1..k{i}_{slots}");
                _declarations.AppendLine(CultureInfo.InvariantCulture, $"(declare-const k{i}_n Int)");
                _declarations.AppendLine(CultureInfo.InvariantCulture, $"(assert (and (<= 0 k{i}_n) (<= k{i}_n {slots})))");
                for (int s = 1; s <= slots; s++) _declarations.AppendLine(CultureInfo.InvariantCulture, $"(declare-const k{i}_{s} String)");
            }
            return null;
        }

        public string Finish(string question, string property)
        {
            var text = new StringBuilder();
            text.AppendLine("; pac check: " + question);
            text.AppendLine("; sat: the property fails, and the model is a witness request; unsat: the property holds.");
            text.AppendLine("(set-logic QF_SLIA)");
            text.AppendLine("(set-option :produce-models true)");
            text.Append(_declarations);
            text.AppendLine("(assert " + property + ")");
            text.AppendLine("(check-sat)");
            text.AppendLine("(get-model)");
            return text.ToString();
        }

        /// <summary>Allowed by the set: some Allow statement applies and no Deny statement does.</summary>
        public string? Allowed(IReadOnlyList<PolicyDocument> policies, out string? reason)
        {
            reason = null;
            var allows = new List<string>();
            var denies = new List<string>();
            foreach (var policy in policies)
            {
                foreach (var statement in policy.Statements.Items)
                {
                    string? applies = Applies(statement, out reason);
                    if (applies is null) return null;
                    (statement.Effect == Effect.Deny ? denies : allows).Add(applies);
                }
            }
            return $"(and {Or(allows)} (not {Or(denies)}))";
        }

        private string? Applies(Statement statement, out string? reason)
        {
            var parts = new List<string>();
            string? action = ActionMatch(statement.Action.Values.Items, out reason);
            if (action is null) return null;
            parts.Add(statement.Action.IsNot ? $"(not {action})" : action);
            if (statement.Resource is { } resource)
            {
                string? match = ResourceMatch(resource.Values.Items, out reason);
                if (match is null) return null;
                parts.Add(resource.IsNot ? $"(not {match})" : match);
            }
            foreach (var condition in statement.Conditions.Items)
            {
                string? holds = Condition(condition, out reason);
                if (holds is null) return null;
                parts.Add(holds);
            }
            return And(parts);
        }

        public string? ActionMatch(IReadOnlyList<string> patterns, out string? reason)
        {
            var regexes = new List<string>();
            foreach (var pattern in patterns)
            {
                string? regex = Glob(pattern, ignoreCase: true, wildcardClass: "re.allchar", out reason);
                if (regex is null) return null;
                regexes.Add(regex);
            }
            reason = null;
            return $"(str.in_re action {Union(regexes)})";
        }

        public string? ResourceMatch(IReadOnlyList<string> patterns, out string? reason)
        {
            var regexes = new List<string>();
            foreach (var pattern in patterns)
            {
                string? regex = ArnRegex(pattern, out reason);
                if (regex is null) return null;
                regexes.Add(regex);
            }
            reason = null;
            return $"(str.in_re resource {Union(regexes)})";
        }

        private const string NoColon = "(re.diff re.allchar (str.to_re \":\"))";

        /// <summary>As <c>ArnPattern</c>: <c>*</c>; a non-ARN glob; else fields split at colons, the first five colon-free.</summary>
        private static string? ArnRegex(string pattern, out string? reason)
        {
            reason = null;
            if (pattern == "*") return "re.all";
            if (pattern.Contains("${", StringComparison.Ordinal)) return Refuse($"the resource '{pattern}' has a policy variable", out reason);
            if (!pattern.StartsWith("arn:", StringComparison.Ordinal)) return Glob(pattern, ignoreCase: false, "re.allchar", out reason);
            var fields = pattern.Split(':', 6);
            var parts = new List<string>();
            for (int i = 0; i < fields.Length; i++)
            {
                bool last = i == fields.Length - 1;
                // The sixth field takes the rest of the resource; a shorter pattern's last field, ending in '*', does too.
                string? field = Glob(fields[i], ignoreCase: false, last ? "re.allchar" : NoColon, out reason);
                if (field is null) return null;
                if (i > 0) parts.Add("(str.to_re \":\")");
                parts.Add(field);
            }
            if (fields.Length < 6 && !fields[^1].EndsWith('*')) return "re.none";
            string regex = $"(re.++ {string.Join(" ", parts)})";
            if (fields.Length == 6) return regex;
            // The resource must still be an ARN: six fields, the first five colon-free.
            string valid = $"(re.++ (str.to_re \"arn:\") {string.Join(" ", Enumerable.Repeat($"(re.* {NoColon}) (str.to_re \":\")", 4))} re.all)";
            return $"(re.inter {regex} {valid})";
        }

        private string? Condition(Condition condition, out string? reason)
        {
            reason = null;
            var op = condition.Operator;
            var (index, slots) = _keys[condition.Key];
            string present = $"(>= k{index}_n 1)";
            if (op.Kind == ConditionOperatorKind.Null)
            {
                var options = new List<string>();
                foreach (var value in condition.Values.Items)
                {
                    if (!ConditionValues.TryBool(value, out bool wantAbsent)) return Refuse($"Null on {condition.Key} with '{value}', which is not true or false (an error)", out reason);
                    options.Add(wantAbsent ? $"(not {present})" : present);
                }
                return Or(options);
            }
            if (op.Family != ConditionOperatorFamily.String) return Refuse($"the condition {op.Name} on {condition.Key}: only String and Null conditions are written", out reason);
            bool like = op.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
            bool ignoreCase = op.Kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase;
            var regexes = new List<string>();
            foreach (var value in condition.Values.Items)
            {
                if (value.Contains("${", StringComparison.Ordinal)) return Refuse($"the condition {op.Name} on {condition.Key} has a policy variable", out reason);
                string? regex = like ? Glob(value, ignoreCase, "re.allchar", out reason) : Literal(value, ignoreCase, out reason);
                if (regex is null) return null;
                regexes.Add(regex);
            }
            string union = Union(regexes);
            string Match(int slot) => $"(str.in_re k{index}_{slot} {union})";
            string PerValue(int slot) => op.IsNegated ? $"(not {Match(slot)})" : Match(slot);
            string absent = op.IfExists || op.Qualifier == SetQualifier.ForAllValues ? "true"
                : op.Qualifier == SetQualifier.ForAnyValue ? "false"
                : op.IsNegated ? "true" : "false";
            var slotsRange = Enumerable.Range(1, slots).ToList();
            string whenPresent = op.Qualifier switch
            {
                SetQualifier.ForAllValues => And(slotsRange.Select(s => $"(=> (>= k{index}_n {s}) {PerValue(s)})").ToList()),
                SetQualifier.ForAnyValue => Or(slotsRange.Select(s => $"(and (>= k{index}_n {s}) {PerValue(s)})").ToList()),
                _ => op.IsNegated
                    ? $"(not {Or(slotsRange.Select(s => $"(and (>= k{index}_n {s}) {Match(s)})").ToList())})"
                    : Or(slotsRange.Select(s => $"(and (>= k{index}_n {s}) {Match(s)})").ToList()),
            };
            return $"(ite {present} {whenPresent} {absent})";
        }

        private static string? Refuse(string why, out string? reason)
        {
            reason = why;
            return null;
        }

        /// <summary>A glob (<c>*</c> any run of <paramref name="wildcardClass"/>, <c>?</c> one of it) as a regular expression.</summary>
        private static string? Glob(string pattern, bool ignoreCase, string wildcardClass, out string? reason)
        {
            reason = null;
            var parts = new List<string>();
            var literal = new StringBuilder();
            void Flush()
            {
                if (literal.Length == 0) return;
                parts.Add(Literal(literal.ToString(), ignoreCase, out _)!);
                literal.Clear();
            }
            foreach (char c in pattern)
            {
                if (c == '*')
                {
                    Flush();
                    parts.Add($"(re.* {wildcardClass})");
                }
                else if (c == '?')
                {
                    Flush();
                    parts.Add(wildcardClass);
                }
                else if (char.IsSurrogate(c)) return Refuse($"'{pattern}' has a character outside the Basic Multilingual Plane", out reason);
                else literal.Append(c);
            }
            Flush();
            return parts.Count switch { 0 => "(str.to_re \"\")", 1 => parts[0], _ => $"(re.++ {string.Join(" ", parts)})" };
        }

        /// <summary>A literal string as a regular expression; ignoring case, each character as the class of those it equals ordinally ignoring case.</summary>
        private static string? Literal(string text, bool ignoreCase, out string? reason)
        {
            reason = null;
            if (text.Any(char.IsSurrogate)) return Refuse($"'{text}' has a character outside the Basic Multilingual Plane", out reason);
            if (!ignoreCase) return $"(str.to_re {Quote(text)})";
            var parts = text.Select(c => CaseClass(c)).ToList();
            return parts.Count switch { 0 => "(str.to_re \"\")", 1 => parts[0], _ => $"(re.++ {string.Join(" ", parts)})" };
        }

        private static string CaseClass(char c)
        {
            var equal = s_foldClasses.GetOrAdd(c, static p =>
            {
                // Exactly the comparison GlobPattern makes: the characters of the Basic Multilingual Plane equal to p.
                string text = p.ToString();
                var list = new List<char>();
                for (int i = 0; i <= char.MaxValue; i++)
                {
                    char other = (char)i;
                    if (!char.IsSurrogate(other) && string.Equals(text, other.ToString(), StringComparison.OrdinalIgnoreCase)) list.Add(other);
                }
                return list;
            });
            return equal.Count == 1 ? $"(str.to_re {Quote(equal[0].ToString())})" : $"(re.union {string.Join(" ", equal.Select(e => $"(str.to_re {Quote(e.ToString())})"))})";
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, List<char>> s_foldClasses = new();

        private static string Union(List<string> regexes) => regexes.Count switch { 0 => "re.none", 1 => regexes[0], _ => $"(re.union {string.Join(" ", regexes)})" };

        private static string Or(List<string> terms) => terms.Count switch { 0 => "false", 1 => terms[0], _ => $"(or {string.Join(" ", terms)})" };

        private static string And(List<string> terms) => terms.Count switch { 0 => "true", 1 => terms[0], _ => $"(and {string.Join(" ", terms)})" };
    }

    /// <summary>An SMT-LIB string literal: <c>"</c> doubled, and every character outside printable ASCII (and the backslash) as <c>\u{X}</c>.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c == '"') sb.Append("\"\"");
            else if (c is >= ' ' and <= '~' && c != '\\') sb.Append(c);
            else sb.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:x}}}");
        }
        return sb.Append('"').ToString();
    }
}
