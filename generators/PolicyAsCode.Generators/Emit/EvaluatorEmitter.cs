using Microsoft.CodeAnalysis.CSharp;
using static PolicyAsCode.Generators.Emit.CSharpLiteral;

namespace PolicyAsCode.Generators.Emit;

/// <summary>
/// Writes a compiled evaluator for a policy document: a static method that decides a request exactly as
/// <c>PreparedPolicy.Decide</c> does, as straight-line C# specialised to the policy's patterns.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Emit"/> writes the method where the writer stands (inside a type's body) and returns the
/// <see cref="EvaluatorHelpers"/> it refers to, which the caller writes in the same file at namespace level. The method
/// checks the Deny statements first (the first that applies returns <c>ExplicitDeny</c>), then the Allow statements (the
/// first that applies returns <c>Allow</c>), else returns <c>ImplicitDeny</c>; a statement applies when its action,
/// resource, principal and conditions all match, as in the interpreter.
/// </para>
/// <para>
/// Specialised: an action pattern without wildcards, <c>prefix*</c> or <c>*suffix</c> becomes <c>string.Equals</c>,
/// <c>StartsWith</c> or <c>EndsWith</c> ignoring case, and <c>*</c> disappears; a statement with
/// <see cref="ServiceSwitchThreshold"/> or more action patterns becomes a <c>switch</c> over the request's service
/// prefix, found once per decision. A resource pattern <c>*</c> disappears, an ARN without wildcards becomes an ordinal
/// <c>string.Equals</c>, and one whose only wildcards end the resource field (<c>arn:aws:s3:::bucket/*</c>) an ordinal
/// <c>StartsWith</c>: with the first five fields literal, that is exactly the field-by-field match. Everything else (other
/// wildcards, <c>?</c>, policy variables, ARNs of fewer than six fields) and every principal and condition is checked by
/// the runtime's own implementation through <c>PolicyAsCode.Generation</c>, prepared once into a static field.
/// </para>
/// <para>Output is deterministic: document order, service prefixes sorted ordinally, invariant formatting.</para>
/// </remarks>
internal static class EvaluatorEmitter
{
    /// <summary>The number of action patterns from which a statement's actions are checked with a switch on the service.</summary>
    internal const int ServiceSwitchThreshold = 8;

    /// <summary>The <c>[GeneratedCode]</c> attribute on generated members.</summary>
    internal static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.Generators\", {String(typeof(EvaluatorEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0")})]";

    private const string Generation = "global::PolicyAsCode.Generation";
    private const string IgnoreCase = "global::System.StringComparison.OrdinalIgnoreCase";
    private const string Ordinal = "global::System.StringComparison.Ordinal";
    private const string Spans = "global::System.MemoryExtensions";
    private const string DecisionType = "global::PolicyAsCode.Decision";

    /// <summary>
    /// Writes <c>public static global::PolicyAsCode.Decision <paramref name="methodName"/>(global::PolicyAsCode.Request request)</c>
    /// for <paramref name="document"/> and returns the helpers it uses.
    /// </summary>
    /// <param name="document">The policy.</param>
    /// <param name="methodName">The method's name; the helper class is named after it.</param>
    /// <param name="writer">Where to write the method, positioned inside a type's body.</param>
    /// <returns>
    /// The helper class the method refers to; write it with <see cref="EvaluatorHelpers.Write"/> in the same file, at namespace
    /// level (one evaluator of a given name per file).
    /// </returns>
    public static EvaluatorHelpers Emit(PolicyDocument document, string methodName, IndentedWriter writer)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (writer is null) throw new ArgumentNullException(nameof(writer));
        if (methodName is null || !SyntaxFacts.IsValidIdentifier(methodName) || SyntaxFacts.GetKeywordKind(methodName) != SyntaxKind.None)
        {
            throw new ArgumentException($"'{methodName}' is not a C# identifier.", nameof(methodName));
        }

        var emitter = new Emitter(document.SupportsPolicyVariables, new EvaluatorHelpers(methodName + "Helpers"));
        var statements = document.Statements.Items;
        var plans = new List<StatementPlan>(statements.Length);
        for (int i = 0; i < statements.Length; i++)
        {
            plans.Add(emitter.Plan(statements[i], i));
        }
        emitter.WriteMethod(methodName, plans, writer);
        return emitter.Helpers;
    }

    private sealed class StatementPlan(int index, Statement statement, IReadOnlyList<EvaluatorTest>? tests)
    {
        public int Index { get; } = index;

        public Statement Statement { get; } = statement;

        /// <summary>The non-constant tests, all of which must hold; null when the statement never applies.</summary>
        public IReadOnlyList<EvaluatorTest>? Tests { get; } = tests;
    }

    private sealed class Emitter(bool variables, EvaluatorHelpers helpers)
    {
        private bool _usesAction;
        private bool _usesResource;
        private int _serviceKeyLength;

        public EvaluatorHelpers Helpers { get; } = helpers;

        public StatementPlan Plan(Statement statement, int index)
        {
            var tests = new List<EvaluatorTest>();
            bool Add(EvaluatorTest test)
            {
                if (test.Constant == false) return false;
                if (test.Constant is null) tests.Add(test);
                return true;
            }

            bool applies = Add(ActionTest(statement.Action, index))
                && (statement.Resource is not { } resource || Add(ResourceTest(resource, index)))
                && (statement.Principal is not { } principal || Add(PrincipalTest(principal, index)))
                && (statement.Conditions.IsEmpty || Add(ConditionsTest(statement, index)));
            return new StatementPlan(index, statement, applies ? tests : null);
        }

        public void WriteMethod(string methodName, List<StatementPlan> plans, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Decides <paramref name=\"request\"/> with this policy alone, as an identity-based policy, exactly as");
            writer.WriteLine("/// <see cref=\"global::PolicyAsCode.PreparedPolicy.Decide(global::PolicyAsCode.Request)\"/> does: compiled from the policy.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(GeneratedCodeAttribute);
            using (writer.Block($"public static {DecisionType} {methodName}(global::PolicyAsCode.Request request)"))
            {
                writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(request);");
                if (_usesAction) writer.WriteLine("string action = request.Action;");
                if (_usesResource) writer.WriteLine("string resource = request.Resource;");
                if (_serviceKeyLength > 0)
                {
                    writer.WriteLine($"global::System.ReadOnlySpan<char> service = {Generation}.CompiledAction.ServiceKey(action, stackalloc char[{Int(_serviceKeyLength)}]);");
                    writer.WriteLine($"global::System.ReadOnlySpan<char> name = service.IsEmpty ? default : {Spans}.AsSpan(action, service.Length + 1);");
                }

                // Deny statements first: one that applies decides, whatever the Allow statements say.
                bool decided = WriteStatements(plans, Effect.Deny, "ExplicitDeny", writer);
                if (!decided) decided = WriteStatements(plans, Effect.Allow, "Allow", writer);
                if (!decided)
                {
                    writer.WriteLine();
                    writer.WriteLine($"return {DecisionType}.ImplicitDeny;");
                }
            }
        }

        /// <summary>Writes the statements of one effect; returns true when one of them always applies (nothing after it runs).</summary>
        private static bool WriteStatements(List<StatementPlan> plans, Effect effect, string decision, IndentedWriter writer)
        {
            foreach (var plan in plans)
            {
                if (plan.Statement.Effect != effect) continue;
                writer.WriteLine();
                string sid = plan.Statement.Sid is { } s ? $" (Sid {String(s)})" : "";
                if (plan.Tests is null)
                {
                    writer.WriteLine($"// Statement {Int(plan.Index)}{sid}: {effect}, never applies.");
                    continue;
                }
                writer.WriteLine($"// Statement {Int(plan.Index)}{sid}: {effect}");
                if (plan.Tests.Count == 0)
                {
                    writer.WriteLine($"return {DecisionType}.{decision};");
                    return true;
                }
                writer.WriteLine("if (" + EvaluatorTest.RenderAll(plan.Tests) + ")");
                using (writer.Block())
                {
                    writer.WriteLine($"return {DecisionType}.{decision};");
                }
            }
            return false;
        }

        private EvaluatorTest ActionTest(ActionElement element, int index)
        {
            var patterns = element.Values.Items;
            var listed = patterns.Length >= ServiceSwitchThreshold
                ? ServiceSwitch(patterns, index)
                : EvaluatorTest.Any(patterns.Select((pattern, j) => ActionPatternTest(pattern, index, j)));
            return element.IsNot ? EvaluatorTest.Not(listed) : listed;
        }

        private EvaluatorTest ActionPatternTest(string pattern, int index, int j)
        {
            var shape = PatternShape.Of(pattern);
            if (shape.Kind == PatternShapeKind.MatchAll) return EvaluatorTest.True;
            _usesAction = true;
            return shape.Kind switch
            {
                PatternShapeKind.Literal => EvaluatorTest.Code($"string.Equals(action, {String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Prefix => EvaluatorTest.Code($"action.StartsWith({String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Suffix => EvaluatorTest.Code($"action.EndsWith({String(shape.Text)}, {IgnoreCase})"),
                _ => EvaluatorTest.Code(ActionGlob(pattern, index, j) + ".IsMatch(action)"),
            };
        }

        private string ActionGlob(string pattern, int index, int j)
            => Helpers.AddField("global::PolicyAsCode.GlobPattern", $"Statement{Int(index)}Action{Int(j)}",
                $"{Generation}.CompiledAction.Pattern({String(pattern)})");

        /// <summary>
        /// Many action patterns: grouped by their service prefix (lowercased; AWS compares actions ignoring case) into the
        /// cases of a switch over the request's service, so a decision looks only at the patterns of its own service.
        /// Patterns whose prefix has a wildcard or a character outside ASCII are checked before the switch.
        /// </summary>
        private EvaluatorTest ServiceSwitch(string[] patterns, int index)
        {
            var anyService = new List<EvaluatorTest>();
            var byService = new SortedDictionary<string, List<EvaluatorTest>>(StringComparer.Ordinal);
            for (int j = 0; j < patterns.Length; j++)
            {
                string pattern = patterns[j];
                int colon = pattern.IndexOf(':');
                string? service = colon > 0 ? pattern.Substring(0, colon) : null;
                if (service is null || !IsAsciiWithoutWildcards(service))
                {
                    anyService.Add(ActionPatternTest(pattern, index, j));
                    continue;
                }
                string key = service.ToLowerInvariant();
                if (!byService.TryGetValue(key, out var tests)) byService[key] = tests = [];
                tests.Add(ActionNameTest(pattern, colon, index, j));
            }
            var before = EvaluatorTest.Any(anyService);
            if (before.Constant == true) return before;
            if (byService.Count == 0) return before;

            _usesAction = true;
            string name = $"Statement{Int(index)}Action";
            var method = new IndentedWriter();
            method.WriteLine($"/// <summary>Whether the action is in statement {Int(index)}'s list: {Int(patterns.Length)} patterns, {Int(byService.Count)} services.</summary>");
            using (method.Block($"internal static bool {name}(string action, global::System.ReadOnlySpan<char> service, global::System.ReadOnlySpan<char> name)"))
            {
                if (before.Constant is null)
                {
                    method.WriteLine("if (" + EvaluatorTest.RenderAll([before]) + ")");
                    using (method.Block())
                    {
                        method.WriteLine("return true;");
                    }
                }
                using (method.Block("switch (service)"))
                {
                    foreach (var entry in byService)
                    {
                        _serviceKeyLength = Math.Max(_serviceKeyLength, entry.Key.Length);
                        method.WriteLine($"case {String(entry.Key)}:");
                        using (method.Indent())
                        {
                            var test = EvaluatorTest.Any(entry.Value);
                            method.WriteLine(test.Constant is { } constant
                                ? $"return {Bool(constant)};"
                                : "return " + string.Join("\n    || ", test.Terms) + ";");
                        }
                    }
                    method.WriteLine("default:");
                    using (method.Indent())
                    {
                        method.WriteLine("return false;");
                    }
                }
            }
            return EvaluatorTest.Code(Helpers.AddMethod(name, method.ToString()) + "(action, service, name)");
        }

        /// <summary>A pattern <c>service:name</c> inside its service's case, where only the name remains to be compared.</summary>
        private EvaluatorTest ActionNameTest(string pattern, int colon, int index, int j)
        {
            var shape = PatternShape.Of(pattern.Substring(colon + 1));
            return shape.Kind switch
            {
                PatternShapeKind.MatchAll => EvaluatorTest.True,
                PatternShapeKind.Literal => EvaluatorTest.Code($"{Spans}.Equals(name, {String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Prefix => EvaluatorTest.Code($"{Spans}.StartsWith(name, {String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Suffix => EvaluatorTest.Code($"{Spans}.EndsWith(name, {String(shape.Text)}, {IgnoreCase})"),
                _ => EvaluatorTest.Code(ActionGlob(pattern, index, j) + ".IsMatch(action)"),
            };
        }

        private static bool IsAsciiWithoutWildcards(string text)
        {
            foreach (char c in text)
            {
                if (c > '\u007f' || c == '*' || c == '?') return false;
            }
            return true;
        }

        private EvaluatorTest ResourceTest(ResourceElement element, int index)
        {
            var listed = EvaluatorTest.Any(element.Values.Items.Select((pattern, j) => ResourcePatternTest(pattern, index, j)));
            return element.IsNot ? EvaluatorTest.Not(listed) : listed;
        }

        /// <summary>
        /// One resource pattern, specialised where a string comparison is exactly <c>ArnPattern</c>'s field-by-field match:
        /// <c>*</c>; a pattern that is not an ARN (matched whole); an ARN whose first five fields are literal and whose
        /// resource field is literal or ends its literal text with <c>*</c>.
        /// </summary>
        private EvaluatorTest ResourcePatternTest(string pattern, int index, int j)
        {
            if (!(variables && PolicyVariables.ContainsVariable(pattern)))
            {
                if (!pattern.StartsWith("arn:", StringComparison.Ordinal))
                {
                    var whole = PatternShape.Of(pattern);
                    switch (whole.Kind)
                    {
                        case PatternShapeKind.MatchAll:
                            return EvaluatorTest.True;
                        case PatternShapeKind.Literal:
                            return ResourceEquals(pattern);
                        case PatternShapeKind.Prefix:
                            return ResourceStartsWith(whole.Text);
                        case PatternShapeKind.Suffix:
                            _usesResource = true;
                            return EvaluatorTest.Code($"resource.EndsWith({String(whole.Text)}, {Ordinal})");
                    }
                }
                else if (ResourceFieldStart(pattern) is int start and > 0 && pattern.IndexOfAny(['*', '?'], 0, start) < 0)
                {
                    var field = PatternShape.Of(pattern.Substring(start));
                    switch (field.Kind)
                    {
                        case PatternShapeKind.Literal:
                            return ResourceEquals(pattern);
                        case PatternShapeKind.Prefix:
                        case PatternShapeKind.MatchAll:
                            return ResourceStartsWith(pattern.Substring(0, start) + field.Text);
                    }
                }
            }
            string compiled = Helpers.AddField($"{Generation}.CompiledArnPattern", $"Statement{Int(index)}Resource{Int(j)}",
                $"{Generation}.CompiledArnPattern.Create({String(pattern)}, {Bool(variables)})");
            return EvaluatorTest.Code(compiled + ".IsMatch(request)");
        }

        /// <summary>Where the resource field (after the fifth colon) starts, or -1 when the ARN has fewer than six fields.</summary>
        private static int ResourceFieldStart(string arn)
        {
            int colon = -1;
            for (int field = 0; field < 5; field++)
            {
                colon = arn.IndexOf(':', colon + 1);
                if (colon < 0) return -1;
            }
            return colon + 1;
        }

        private EvaluatorTest ResourceEquals(string text)
        {
            _usesResource = true;
            return EvaluatorTest.Code($"string.Equals(resource, {String(text)}, {Ordinal})");
        }

        private EvaluatorTest ResourceStartsWith(string prefix)
        {
            _usesResource = true;
            return EvaluatorTest.Code($"resource.StartsWith({String(prefix)}, {Ordinal})");
        }

        private EvaluatorTest PrincipalTest(PrincipalElement principal, int index)
        {
            var arguments = new List<string> { Bool(principal.IsNot), Bool(principal.IsWildcard) };
            foreach (var id in principal.Ids)
            {
                arguments.Add($"new global::PolicyAsCode.PrincipalId(global::PolicyAsCode.PrincipalType.{id.Type}, {String(id.Value)})");
            }
            string field = Helpers.AddField($"{Generation}.CompiledPrincipal", $"Statement{Int(index)}Principal",
                $"{Generation}.CompiledPrincipal.Create(" + ArgumentList(arguments) + ")");
            return EvaluatorTest.Code(field + ".Matches(request)");
        }

        private EvaluatorTest ConditionsTest(Statement statement, int index)
        {
            var arguments = new List<string>();
            foreach (var condition in statement.Conditions)
            {
                string values = "new string[] { " + string.Join(", ", condition.Values.Select(String)) + " }";
                arguments.Add($"{Generation}.CompiledCondition.Create({String(condition.Operator.Name)}, {String(condition.Key)}, {values}, {Bool(variables)})");
            }
            string field = Helpers.AddField($"{Generation}.CompiledConditions", $"Statement{Int(index)}Conditions",
                $"{Generation}.CompiledConditions.Create(" + ArgumentList(arguments) + ")");
            return EvaluatorTest.Code(field + (statement.Effect == Effect.Deny ? ".DenyApplies(request)" : ".AllowApplies(request)"));
        }

        /// <summary>Arguments on one line when there are two or three short ones, else one per line.</summary>
        private static string ArgumentList(List<string> arguments)
            => arguments.Count <= 3 && arguments.Sum(a => a.Length) <= 80
                ? string.Join(", ", arguments)
                : "\n    " + string.Join(",\n    ", arguments);
    }
}
