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
/// Specialised: an ASCII action pattern without wildcards, <c>prefix*</c> or <c>*suffix</c> becomes an ordinal
/// <c>string.Equals</c>, <c>StartsWith</c> or <c>EndsWith</c> of its lowercase text with the request's
/// <c>NormalizedAction</c> (ASCII letters lowercased once per request, so this is ignoring case), one with other characters
/// the same ignoring case on the action, and <c>*</c> disappears; a statement with
/// <see cref="ServiceSwitchThreshold"/> or more action patterns becomes a <c>switch</c> over the number of the request's
/// service, looked up once per decision, whose cases compare only the action's name. Statements that differ only in their
/// actions are checked as one. A resource pattern <c>*</c> disappears, an ARN without wildcards becomes an ordinal
/// <c>string.Equals</c>, and one whose only wildcards end the resource field (<c>arn:aws:s3:::bucket/*</c>) an ordinal
/// <c>StartsWith</c>: with the first five fields literal, that is exactly the field-by-field match. Everything else (other
/// wildcards, <c>?</c>, policy variables, ARNs of fewer than six fields) and every principal and condition is checked by
/// the runtime's own implementation through <c>PolicyAsCode.Compiled</c>, prepared once into a static field.
/// </para>
/// <para>Output is deterministic: document order, service prefixes sorted ordinally, invariant formatting.</para>
/// </remarks>
internal static class EvaluatorEmitter
{
    /// <summary>The number of action patterns from which a statement's actions are checked with a switch on the service.</summary>
    internal const int ServiceSwitchThreshold = 8;

    private const string Generation = "global::PolicyAsCode.Compiled";
    private const string IgnoreCase = "global::System.StringComparison.OrdinalIgnoreCase";
    private const string Ordinal = "global::System.StringComparison.Ordinal";
    private const string Spans = "global::System.MemoryExtensions";
    private const string DecisionType = "global::PolicyAsCode.Decision";
    private const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

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

        var statements = Merge(document.Statements.Items);
        var emitter = new Emitter(document.SupportsPolicyVariables, new EvaluatorHelpers(methodName + "Helpers"), statements.Select(s => s.Statement));
        var items = document.Statements.Items;
        var plans = statements.Select(s => emitter.Plan(s.Statement, s.Indices, Label(s.Indices, items))).ToList();
        emitter.WriteMethod(methodName, plans, writer);
        return emitter.Helpers;
    }

    /// <summary>
    /// Statements that differ only in their <c>Action</c> lists (same effect, resources, principal and conditions) are one
    /// statement with both lists: either applies exactly when the merged one does. AWS splits long lists this way
    /// (ReadOnlyAccess has two statements of about 1,500 actions), and a decision then looks its service up in one switch.
    /// </summary>
    private static List<(int[] Indices, Statement Statement)> Merge(Statement[] statements)
    {
        var groups = new List<(List<int> Indices, Statement First, List<string> Actions)>();
        for (int i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            int group = statement.Action.IsNot ? -1 : groups.FindIndex(g => !g.First.Action.IsNot
                && g.First.Effect == statement.Effect
                && Equals(g.First.Resource, statement.Resource)
                && Equals(g.First.Principal, statement.Principal)
                && g.First.Conditions.Equals(statement.Conditions));
            if (group < 0)
            {
                groups.Add(([i], statement, [.. statement.Action.Values]));
                continue;
            }
            groups[group].Indices.Add(i);
            groups[group].Actions.AddRange(statement.Action.Values);
        }
        return groups.Select(g => (g.Indices.ToArray(), g.Indices.Count == 1
            ? g.First
            : g.First with { Sid = null, Action = new ActionElement(false, EquatableArray.Create(g.Actions.ToArray())) })).ToList();
    }

    /// <summary><c>Statement 2 (Sid "Deny")</c> or <c>Statements 0, 1 (Sids "A", "B")</c>, for comments.</summary>
    private static string Label(int[] indices, Statement[] statements)
    {
        var sids = indices.Select(i => statements[i].Sid).Where(sid => sid is not null).Select(sid => String(sid!)).ToArray();
        string label = (indices.Length == 1 ? "Statement " : "Statements ") + string.Join(", ", indices.Select(Int));
        return sids.Length == 0 ? label : $"{label} ({(sids.Length == 1 ? "Sid" : "Sids")} {string.Join(", ", sids)})";
    }

    /// <summary>
    /// Whether <see cref="Emit"/> also writes <c>METHODGrant(Request)</c> (how the caller matched, for multi-policy
    /// evaluation): for a policy with an Allow statement that names principals.
    /// </summary>
    public static bool HasGrant(IEnumerable<Statement> statements) => statements.Any(s => s.Effect == Effect.Allow && s.Principal is not null);

    private sealed class StatementPlan(Statement statement, string label, IReadOnlyList<EvaluatorTest>? tests, string? principalField)
    {
        /// <summary>The statement's prepared <c>Principal</c> (or <c>NotPrincipal</c>), when it has one and may apply.</summary>
        public string? PrincipalField { get; } = principalField;

        /// <summary>Which statements of the document these are, for comments.</summary>
        public string Label { get; } = label;

        public Statement Statement { get; } = statement;

        /// <summary>The non-constant tests, all of which must hold; null when the statement never applies.</summary>
        public IReadOnlyList<EvaluatorTest>? Tests { get; } = tests;
    }

    private sealed class Emitter
    {
        private readonly bool _variables;
        private readonly Dictionary<string, int> _services = new(StringComparer.Ordinal);
        private readonly List<string> _serviceKeys = [];
        private readonly string? _serviceMethod;
        private string? _principalField;
        private bool _usesAction;
        private bool _usesNormalized;
        private bool _usesResource;

        public Emitter(bool variables, EvaluatorHelpers helpers, IEnumerable<Statement> statements)
        {
            _variables = variables;
            Helpers = helpers;
            // The services of every action list long enough for a switch, numbered in ordinal order from 1: the request's
            // service is looked up once per decision and each statement switches on its number.
            var keys = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var statement in statements)
            {
                var patterns = statement.Action.Values.Items;
                // A list with "*" (or "**") matches every action, so it needs no switch.
                if (patterns.Length < ServiceSwitchThreshold || patterns.Any(p => PatternShape.Of(p).Kind == PatternShapeKind.MatchAll)) continue;
                foreach (var pattern in patterns)
                {
                    if (ServiceKeyOf(pattern) is { } key) keys.Add(key);
                }
            }
            if (keys.Count == 0) return;
            foreach (var key in keys)
            {
                _serviceKeys.Add(key);
                _services[key] = _serviceKeys.Count;
            }
            // The prefix of the request's normalized action (ASCII letters lowercased, Request.NormalizedAction), which
            // equals a lowercase key exactly when the action's prefix equals it ignoring case. A switch on the length and
            // one method per length switching on the text: a single switch over hundreds of strings makes the JIT give up
            // keeping its spans in registers and zero kilobytes of stack on every call.
            var byLength = keys.GroupBy(key => key.Length).OrderBy(group => group.Key).ToArray();
            var method = new IndentedWriter();
            method.WriteLine("/// <summary>");
            method.WriteLine("/// The number of the service whose prefix (the text before the first colon of the request's normalized action) is");
            method.WriteLine("/// <paramref name=\"key\"/>, among those the long action lists name; 0 for any other.");
            method.WriteLine("/// </summary>");
            method.WriteLine(AggressiveInlining);
            method.WriteLine("internal static int ServiceOfLowercase(global::System.ReadOnlySpan<char> key) => key.Length switch");
            using (method.Block(closingSuffix: ";"))
            {
                foreach (var group in byLength)
                {
                    method.WriteLine($"{Int(group.Key)} => ServiceOfLength{Int(group.Key)}(key),");
                }
                method.WriteLine("_ => 0,");
            }
            _serviceMethod = Helpers.AddMethod("ServiceOfLowercase", method.ToString());
            foreach (var group in byLength)
            {
                var ofLength = new IndentedWriter();
                ofLength.WriteLine($"internal static int ServiceOfLength{Int(group.Key)}(global::System.ReadOnlySpan<char> key) => key switch");
                using (ofLength.Block(closingSuffix: ";"))
                {
                    foreach (var key in group) ofLength.WriteLine($"{String(key)} => {Int(_services[key])},");
                    ofLength.WriteLine("_ => 0,");
                }
                Helpers.AddMethod($"ServiceOfLength{Int(group.Key)}", ofLength.ToString());
            }
        }

        public EvaluatorHelpers Helpers { get; }

        public StatementPlan Plan(Statement statement, int[] indices, string label)
        {
            int index = indices[0];
            var tests = new List<EvaluatorTest>();
            bool Add(EvaluatorTest test)
            {
                if (test.Constant == false) return false;
                if (test.Constant is null) tests.Add(test);
                return true;
            }

            _principalField = null;
            string names = (indices.Length == 1 ? "statement " : "statements ") + string.Join(", ", indices.Select(Int));
            bool applies = Add(ActionTest(statement.Action, index, names))
                && (statement.Resource is not { } resource || Add(ResourceTest(resource, index, statement.Effect)))
                && (statement.Principal is not { } principal || Add(PrincipalTest(principal, index)))
                && (statement.Conditions.IsEmpty || Add(ConditionsTest(statement, index)));
            return new StatementPlan(statement, label, applies ? tests : null, applies ? _principalField : null);
        }

        public void WriteMethod(string methodName, List<StatementPlan> plans, IndentedWriter writer)
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Decides <paramref name=\"request\"/> with this policy alone, as an identity-based policy, exactly as");
            writer.WriteLine("/// <see cref=\"global::PolicyAsCode.PreparedPolicy.Decide(global::PolicyAsCode.Request)\"/> does: compiled from the policy.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            using (writer.Block($"public static {DecisionType} {methodName}(global::PolicyAsCode.Request request)"))
            {
                WriteRequestLocals(writer);

                // Deny statements first: one that applies decides, whatever the Allow statements say.
                bool decided = WriteStatements(plans, Effect.Deny, "ExplicitDeny", writer);
                if (!decided) decided = WriteStatements(plans, Effect.Allow, "Allow", writer);
                if (!decided)
                {
                    writer.WriteLine();
                    writer.WriteLine($"return {DecisionType}.ImplicitDeny;");
                }
            }
            if (HasGrant(plans.Select(p => p.Statement))) WriteGrantMethod(methodName, plans, writer);
        }

        /// <summary>The locals both compiled methods read: the checked request, its action and resource, the action's service and name.</summary>
        private void WriteRequestLocals(IndentedWriter writer)
        {
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(request);");
            if (_usesAction) writer.WriteLine("string action = request.Action;");
            // ASCII letters lowercased once per request, compared ordinally with lowercase patterns: exactly ignoring case.
            if (_usesNormalized || _serviceMethod is not null) writer.WriteLine("string normalized = request.NormalizedAction;");
            if (_usesResource) writer.WriteLine("string resource = request.Resource;");
            if (_serviceMethod is not null)
            {
                writer.WriteLine("int colon = normalized.IndexOf(':');");
                writer.WriteLine($"int service = colon > 0 ? {_serviceMethod}({Spans}.AsSpan(normalized, 0, colon)) : 0;");
                writer.WriteLine($"global::System.ReadOnlySpan<char> name = service == 0 ? default : {Spans}.AsSpan(normalized, colon + 1);");
            }
        }

        /// <summary>
        /// For a policy with principals: how the caller matched the Allow statements that apply (the strongest grant), as
        /// the interpreter's outcome says, so that a resource-based policy takes part in multi-policy evaluation compiled.
        /// </summary>
        private void WriteGrantMethod(string methodName, List<StatementPlan> plans, IndentedWriter writer)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// When <see cref=\"{methodName}\"/> allows: how the caller matched the Allow statements that apply, for");
            writer.WriteLine("/// <see cref=\"global::PolicyAsCode.PreparedPolicy\"/> in multi-policy evaluation. Not meant to be called by hand.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            using (writer.Block($"public static int {methodName}Grant(global::PolicyAsCode.Request request)"))
            {
                WriteRequestLocals(writer);
                writer.WriteLine("int grant = 0;");
                foreach (var plan in plans)
                {
                    // A statement without a Principal grants nothing as a resource-based policy.
                    if (plan.Statement.Effect != Effect.Allow || plan.Tests is null || plan.PrincipalField is null) continue;
                    writer.WriteLine();
                    writer.WriteLine($"// {plan.Label}");
                    writer.WriteLine("if (" + EvaluatorTest.RenderAll(plan.Tests) + ")");
                    using (writer.Block())
                    {
                        writer.WriteLine($"int matched = {plan.PrincipalField}.Grant(request);");
                        writer.WriteLine("if (matched > grant) grant = matched;");
                    }
                }
                writer.WriteLine("return grant;");
            }
        }

        /// <summary>Writes the statements of one effect; returns true when one of them always applies (nothing after it runs).</summary>
        private static bool WriteStatements(List<StatementPlan> plans, Effect effect, string decision, IndentedWriter writer)
        {
            foreach (var plan in plans)
            {
                if (plan.Statement.Effect != effect) continue;
                writer.WriteLine();
                if (plan.Tests is null)
                {
                    writer.WriteLine($"// {plan.Label}: {effect}, never applies.");
                    continue;
                }
                writer.WriteLine($"// {plan.Label}: {effect}");
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

        private EvaluatorTest ActionTest(ActionElement element, int index, string names)
        {
            var patterns = element.Values.Items;
            var listed = patterns.Any(p => PatternShape.Of(p).Kind == PatternShapeKind.MatchAll) ? EvaluatorTest.True
                : patterns.Length >= ServiceSwitchThreshold ? ServiceSwitch(patterns, index, names)
                : EvaluatorTest.Any(patterns.Select((pattern, j) => ActionPatternTest(pattern, index, j)));
            return element.IsNot ? EvaluatorTest.Not(listed) : listed;
        }

        private EvaluatorTest ActionPatternTest(string pattern, int index, int j)
        {
            var shape = PatternShape.Of(pattern);
            if (shape.Kind == PatternShapeKind.MatchAll) return EvaluatorTest.True;
            if (shape.Kind is PatternShapeKind.Literal or PatternShapeKind.Prefix or PatternShapeKind.Suffix && IsAscii(shape.Text))
            {
                // Compared with the request's normalized action: ordinal against the lowercase text is ignoring case.
                _usesNormalized = true;
                string lower = String(shape.Text.ToLowerInvariant());
                return EvaluatorTest.Code(shape.Kind switch
                {
                    PatternShapeKind.Literal => $"string.Equals(normalized, {lower})",
                    PatternShapeKind.Prefix => $"normalized.StartsWith({lower}, {Ordinal})",
                    _ => $"normalized.EndsWith({lower}, {Ordinal})",
                });
            }
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
        {
            _usesAction = true;
            return Helpers.AddField("global::PolicyAsCode.GlobPattern", $"Statement{Int(index)}Action{Int(j)}",
                $"{Generation}.CompiledAction.Pattern({String(pattern)})");
        }

        /// <summary>Whether every character is ASCII, so that lowercasing it is <c>Request.NormalizedAction</c>'s lowercasing.</summary>
        private static bool IsAscii(string text)
        {
            foreach (char c in text)
            {
                if (c > '\u007f') return false;
            }
            return true;
        }

        /// <summary>
        /// Many action patterns: grouped by their service prefix (lowercased; AWS compares actions ignoring case) into the
        /// cases of a switch over the number of the request's service, so a decision looks only at the patterns of its own
        /// service. Patterns whose prefix has a wildcard or a character outside ASCII are checked apart, before it. A
        /// service with several patterns gets a method of its own: one large method would be compiled by the JIT without
        /// optimisations and with a stack frame it zeroes on every call.
        /// </summary>
        private EvaluatorTest ServiceSwitch(string[] patterns, int index, string names)
        {
            var anyService = new List<EvaluatorTest>();
            var byService = new SortedDictionary<int, List<EvaluatorTest>>();
            for (int j = 0; j < patterns.Length; j++)
            {
                string pattern = patterns[j];
                if (ServiceKeyOf(pattern) is not { } key)
                {
                    anyService.Add(ActionPatternTest(pattern, index, j));
                    continue;
                }
                int service = _services[key];
                if (!byService.TryGetValue(service, out var tests)) byService[service] = tests = [];
                tests.Add(ActionNameTest(pattern, key.Length, index, j));
            }
            var before = EvaluatorTest.Any(anyService);
            if (before.Constant == true || byService.Count == 0) return before;

            _usesAction = true;
            int place = Helpers.ReserveMethod();
            string keyOf(int service) => _serviceKeys[service - 1];
            string name = $"Statement{Int(index)}Action";
            var method = new IndentedWriter();
            method.WriteLine($"/// <summary>Whether the action is in the Action list of {names}: {Int(patterns.Length)} patterns, {Int(byService.Count)} services.</summary>");
            using (method.Block($"internal static bool {name}(string action, int service, global::System.ReadOnlySpan<char> name)"))
            {
                using (method.Block("switch (service)"))
                {
                    foreach (var entry in byService)
                    {
                        method.WriteLine($"case {Int(entry.Key)}: // {String(keyOf(entry.Key))}");
                        using (method.Indent())
                        {
                            var test = EvaluatorTest.Any(entry.Value);
                            if (test.Constant is { } constant)
                            {
                                method.WriteLine($"return {Bool(constant)};");
                            }
                            else if (test.Terms.Count == 1)
                            {
                                method.WriteLine($"return {test.Terms[0]};");
                            }
                            else
                            {
                                string serviceMethod = $"Statement{Int(index)}Service{Int(entry.Key)}";
                                var body = new IndentedWriter();
                                body.WriteLine($"// The patterns of service {String(keyOf(entry.Key))} in {names}.");
                                body.WriteLine($"internal static bool {serviceMethod}(string action, global::System.ReadOnlySpan<char> name)");
                                using (body.Indent())
                                {
                                    body.WriteLine("=> " + string.Join("\n    || ", test.Terms) + ";");
                                }
                                method.WriteLine($"return {Helpers.AddMethod(serviceMethod, body.ToString())}(action, name);");
                            }
                        }
                    }
                    method.WriteLine("default:");
                    using (method.Indent())
                    {
                        method.WriteLine("return false;");
                    }
                }
            }
            // Patterns whose service prefix has a wildcard are checked first, then the switch, unless the service is none of
            // those the policy's long lists name.
            var switched = EvaluatorTest.Both("service != 0", Helpers.SetMethod(place, name, method.ToString()) + "(action, service, name)");
            return EvaluatorTest.Any([before, switched]);
        }

        /// <summary>The lowercase service prefix a pattern is grouped under, or null when it goes before the switch.</summary>
        private static string? ServiceKeyOf(string pattern)
        {
            int colon = pattern.IndexOf(':');
            if (colon <= 0) return null;
            for (int i = 0; i < colon; i++)
            {
                char c = pattern[i];
                if (c > '\u007f' || c == '*' || c == '?') return null;
            }
            return pattern.Substring(0, colon).ToLowerInvariant();
        }

        /// <summary>A pattern <c>service:name</c> inside its service's case, where only the name remains to be compared.</summary>
        private EvaluatorTest ActionNameTest(string pattern, int colon, int index, int j)
        {
            var shape = PatternShape.Of(pattern.Substring(colon + 1));
            if (shape.Kind is PatternShapeKind.Literal or PatternShapeKind.Prefix or PatternShapeKind.Suffix && IsAscii(shape.Text))
            {
                // The name is a slice of the normalized action: ordinal against the lowercase text is ignoring case.
                string lower = String(shape.Text.ToLowerInvariant());
                return EvaluatorTest.Code(shape.Kind switch
                {
                    PatternShapeKind.Literal => $"{Spans}.Equals(name, {lower}, {Ordinal})",
                    PatternShapeKind.Prefix => $"{Spans}.StartsWith(name, {lower}, {Ordinal})",
                    _ => $"{Spans}.EndsWith(name, {lower}, {Ordinal})",
                });
            }
            return shape.Kind switch
            {
                PatternShapeKind.MatchAll => EvaluatorTest.True,
                PatternShapeKind.Literal => EvaluatorTest.Code($"{Spans}.Equals(name, {String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Prefix => EvaluatorTest.Code($"{Spans}.StartsWith(name, {String(shape.Text)}, {IgnoreCase})"),
                PatternShapeKind.Suffix => EvaluatorTest.Code($"{Spans}.EndsWith(name, {String(shape.Text)}, {IgnoreCase})"),
                _ => EvaluatorTest.Code(ActionGlob(pattern, index, j) + ".IsMatch(action)"),
            };
        }

        private EvaluatorTest ResourceTest(ResourceElement element, int index, Effect effect)
        {
            if (_variables && element.Values.Any(PolicyVariables.ContainsVariable))
            {
                // An element with policy variables is decided whole by the runtime: one that needs a variable the request
                // cannot resolve fails closed, which depends on the statement's effect and not on one pattern.
                var arguments = new List<string> { Bool(element.IsNot), Bool(_variables) };
                arguments.AddRange(element.Values.Select(String));
                string field = Helpers.AddField($"{Generation}.CompiledResources", $"Statement{Int(index)}Resources",
                    $"{Generation}.CompiledResources.Create(" + ArgumentList(arguments) + ")");
                return EvaluatorTest.Code(field + (effect == Effect.Deny ? ".DenyApplies(request)" : ".AllowApplies(request)"));
            }
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
            if (!(_variables && PolicyVariables.ContainsVariable(pattern)))
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
                $"{Generation}.CompiledArnPattern.Create({String(pattern)}, {Bool(_variables)})");
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
            _principalField = field;
            return EvaluatorTest.Code(field + ".Matches(request)");
        }

        private EvaluatorTest ConditionsTest(Statement statement, int index)
        {
            var arguments = new List<string>();
            foreach (var condition in statement.Conditions)
            {
                string values = "new string[] { " + string.Join(", ", condition.Values.Select(String)) + " }";
                arguments.Add($"{Generation}.CompiledCondition.Create({String(condition.Operator.Name)}, {String(condition.Key)}, {values}, {Bool(_variables)})");
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
