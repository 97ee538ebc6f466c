using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Dsl;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Generators.Analyzers;

/// <summary>
/// Runs the rule engine on every DSL declaration and reports each finding on the syntax that wrote it; checks action,
/// ARN and condition-key constants written anywhere else; and suggests the typed member for action strings (PAC300).
/// </summary>
/// <remarks>
/// <para>
/// Declarations (<c>[ManagedPolicy]</c>, <c>[ResourcePolicy]</c>, <c>[Role]</c> on a static property or field of the
/// matching type) are evaluated with the generator's <see cref="DslInterpreter"/>, tracking sources, and validated with
/// <see cref="PolicyValidator"/>: a managed policy as an identity-based policy (as a permissions boundary when roles use it
/// only as their boundary, <see cref="BoundaryUses"/>), a resource policy as resource-based, an SCP or RCP as a service or
/// resource control policy, a role's trust policy as a trust policy and its inline policies as role inline policies. The
/// member checks and the evaluation are the generator's <see cref="DeclarationParser"/>, whose diagnostics (PAC200-PAC205)
/// are reported here and not by the generator: one report per build, and editors that run analyzers but not generators
/// while typing (csharp-ls) show them; PAC203 (two declarations writing one file) is reported at compilation end.
/// <see cref="FindingLocator"/> maps findings to spans. Outside declarations, a constant string converted to <c>IamAction</c> or <c>ResourceArn</c>, or passed to a
/// condition key's constructor, is judged by <see cref="ValueRules"/> (PAC002-PAC004, PAC007, PAC010).
/// </para>
/// <para>
/// Contract with the code fixes, in <see cref="Diagnostic.Properties"/>:
/// <list type="bullet">
/// <item><c>Suggestion</c>: for any finding with suggestions (PAC002, PAC003, PAC013, PAC015, ...), the first one, as the
/// full replacement value (<c>s3:GetObject</c> for <c>s3:GetObjet</c>).</item>
/// <item><c>Literal</c> = <c>true</c>: the location is a string literal holding exactly the value the finding is about,
/// so a fix may replace the literal with <c>Suggestion</c>. Without it the location is the expression (a typed member, a
/// constant's name, an interpolation, the reference to another member) the value came from.</item>
/// <item><c>JsonPath</c>: for declaration findings, the finding's path in the generated JSON.</item>
/// <item>PAC300: location = the string literal; <c>TypedMember</c> = the member access to write (<c>S3.GetObject</c>),
/// <c>Namespace</c> = <c>PolicyAsCode.Aws</c> (for a using directive).</item>
/// <item>PAC001: location = the argument of the <c>Include(...)</c> that brought the principals in (or the
/// <c>For(...)</c> call of an included policy written elsewhere).</item>
/// <item>PAC013 and PAC023: location = the operator call on the key (<c>Is("alice")</c> in <c>Keys.Aws.Username.Is("alice")</c>);
/// <c>Operator</c> = the DSL method to call instead (<c>IsIgnoringCase</c>, <c>IsNotIgnoringCase</c>; <c>Like</c>, <c>NotLike</c>).</item>
/// </list>
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Names of the properties a diagnostic carries for code fixes.</summary>
    public static class Properties
    {
        /// <summary>The first suggested replacement value.</summary>
        public const string Suggestion = nameof(Suggestion);

        /// <summary>"true" when the location is a string literal holding exactly the value.</summary>
        public const string Literal = nameof(Literal);

        /// <summary>The finding's JSON path in the declared policy.</summary>
        public const string JsonPath = nameof(JsonPath);

        /// <summary>PAC300: the typed member access, e.g. <c>S3.GetObject</c>.</summary>
        public const string TypedMember = nameof(TypedMember);

        /// <summary>PAC300: the namespace of the typed member.</summary>
        public const string Namespace = nameof(Namespace);

        /// <summary>PAC013: the DSL operator method to call instead.</summary>
        public const string Operator = nameof(Operator);
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.Analyzer;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (DslSymbols.Resolve(start.Compilation) is not { } symbols) return;
            // A policy attached to many roles is evaluated once per compilation.
            var evaluated = new ConcurrentDictionary<ISymbol, object>(SymbolEqualityComparer.Default);
            // On the operation block of the declaration's value: the driver has bound it already (for the operation
            // actions below), and the interpreter reads it from the same semantic model instead of binding it again.
            var boundaries = new BoundaryUses(start.Compilation, symbols);
            var summaries = new ConcurrentBag<DeclarationSummary>();
            // The properties declarations state ([NeverAllows], ...): null when the runtime referenced has none.
            var properties = PropertyAttributes.Resolve(start.Compilation);
            // A PAC200 inside a helper shared by many declarations is reported once, by the first of them analysed.
            var helperErrors = new ConcurrentDictionary<(string Id, string Path, int Start, int Length), bool>();
            start.RegisterSymbolAction(c => AnalyzeDeclaration(c, symbols, evaluated, boundaries, summaries, helperErrors, properties), SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
            // Names across declarations (PAC203) at the end: only the whole compilation knows them.
            start.RegisterCompilationEndAction(c => ReportDuplicateNames(c, summaries));
            start.RegisterOperationAction(c => AnalyzeConversion(c, symbols), OperationKind.Conversion);
            start.RegisterOperationAction(c => AnalyzeKeyCreation(c, symbols), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, DslSymbols symbols, ConcurrentDictionary<ISymbol, object> evaluated, BoundaryUses boundaries,
        ConcurrentBag<DeclarationSummary> summaries, ConcurrentDictionary<(string Id, string Path, int Start, int Length), bool> helperErrors, PropertyAttributes? properties)
    {
        // An expression-bodied or block-bodied property is analyzed through its getter; an initializer through its member.
        // Events too, so that the attribute on one is reported (PAC202), as the generator's syntax predicate sees it; a
        // partial property once, on the part its attribute is written on.
        var member = context.Symbol;
        if (member is not (IPropertySymbol { PartialDefinitionPart: null } or IFieldSymbol or IEventSymbol)) return;
        bool declared = false;
        foreach (var (kind, attribute) in symbols.DeclarationAttributes(member))
        {
            declared = true;
            if (member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not { } syntax) return;
            AnalyzeDeclaration(context, symbols, evaluated, boundaries, summaries, helperErrors, kind, new DeclarationTarget(member, syntax, attribute, context.Compilation, null), properties?.Of(member));
        }
        if (!declared && properties?.Of(member) is { } stated) PropertyChecks.ReportWithoutDeclaration(context, stated);
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, DslSymbols symbols, ConcurrentDictionary<ISymbol, object> evaluated, BoundaryUses boundaries,
        ConcurrentBag<DeclarationSummary> summaries, ConcurrentDictionary<(string Id, string Path, int Start, int Length), bool> helperErrors,
        DeclarationKind kind, DeclarationTarget target, List<(PropertyKind Kind, AttributeData Attribute)>? properties = null)
    {
        var declaration = target.Node switch
        {
            PropertyDeclarationSyntax property => property.Identifier.GetLocation(),
            VariableDeclaratorSyntax variable => variable.Identifier.GetLocation(),
            _ => target.Node.GetLocation(),
        };
        var diagnostics = new List<Diagnostic>();
        object? value = null;
        try
        {
            // The member checks and the evaluation are the generator's own (DeclarationParser), so their diagnostics
            // (PAC200-PAC205) are reported here, once per build, and shown by editors that show analyzers' diagnostics only.
            // The generator has usually evaluated the declaration in this very compilation already.
            EvaluationShare.TryGet(context.Compilation, target.Node, out var shared);
            var spec = DeclarationParser.Parse(target, kind, context.CancellationToken, readMembers: null, out value, shared, evaluated);
            foreach (var info in spec.Diagnostics)
            {
                if (IsInAHelper(info, target.Node, context.Compilation) && !helperErrors.TryAdd((info.Id, info.Location!.FilePath, info.Location.Span.Start, info.Location.Span.Length), true))
                {
                    // The same expression of a helper other declarations share, already reported for one of them.
                    continue;
                }
                // The parser's catch-all: a bug of ours, found here by the analyzer (PAC205 semantics: prefixed 'analyzer:').
                diagnostics.Add(info.Id == DiagnosticIds.InternalError ? (info with { Message = "analyzer: " + info.Message }).ToDiagnostic(context.Compilation) : info.ToDiagnostic(context.Compilation));
            }
            if (DeclarationSummary.From(spec) is { } summary) summaries.Add(summary);
            // A managed policy that roles use only as their permissions boundary is validated as one.
            var managedAs = kind == DeclarationKind.ManagedPolicy && boundaries.IsOnlyABoundary(target.Symbol) ? PolicyKind.PermissionsBoundary : PolicyKind.Identity;
            foreach (var (document, options, sources) in value is null ? [] : Policies(kind, value, managedAs))
            {
                foreach (var finding in PolicyValidator.Validate(document, options))
                {
                    if (ReportedByIncludedDeclaration(finding, sources, options.Kind)) continue;
                    var at = FindingLocator.Locate(finding, document, sources, declaration);
                    if (at.WrittenInHelper is not null && ReportedWhereWritten(finding, document)) continue;
                    diagnostics.Add(Create(finding, at, withJsonPath: true, symbols));
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is EvaluationException or DslException)
        {
            // A value the DSL rejects when its policies are built: the parser has reported it (PAC200, PAC201).
            value = null;
        }
        catch (Exception e)
        {
            // A bug of ours: never thrown into the compiler, never silent either (a missing squiggle would hide it).
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InternalError, declaration, $"analyzer: {e.GetType().Name}: {e.Message}"));
            value = null;
        }
        // Stated properties, each within its budget; a declaration that states none costs nothing more.
        if (properties is not null) PropertyChecks.Check(context, properties, kind, target, value, symbols, evaluated, declaration, diagnostics);
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic);
    }

    /// <summary>
    /// Whether a finding that cannot be evaluated (PAC200) lies outside the declaration, in a helper method it calls: the
    /// same finding then comes from every declaration that calls the helper, and is reported once. One inside another
    /// declaration is reported by that declaration too, and by each that reads it, as before.
    /// </summary>
    private static bool IsInAHelper(DiagnosticInfo info, SyntaxNode declaration, Compilation compilation)
    {
        if (info.Id != DiagnosticIds.NotEvaluable || info.Location is not { } location) return false;
        if (location.FilePath == declaration.SyntaxTree.FilePath && declaration.FullSpan.Contains(location.Span)) return false;
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == location.FilePath);
        if (tree is null || location.Span.End > tree.Length) return false;
        var node = tree.GetRoot().FindNode(location.Span, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().Any(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
    }

    /// <summary>PAC203 over the declarations of the whole compilation, in the generator's order (<see cref="DuplicateNames"/>).</summary>
    private static void ReportDuplicateNames(CompilationAnalysisContext context, ConcurrentBag<DeclarationSummary> summaries)
    {
        foreach (var info in DuplicateNames.Find(DeclarationSummary.InOrder(summaries))) context.ReportDiagnostic(info.ToDiagnostic(context.Compilation));
    }

    /// <summary>
    /// Whether the finding is about a statement included from another declaration of the same kind, which reports it on
    /// its own code; findings the inclusion causes (an identity policy including a resource policy's principals) stay.
    /// </summary>
    private static bool ReportedByIncludedDeclaration(Finding finding, ImmutableArray<StatementSource> sources, PolicyKind kind)
        => finding.Location.Statement >= 0 && finding.Location.Statement < sources.Length
            && sources[finding.Location.Statement].IncludedFrom is { } included
            && (DeclarationKinds.Of(included).ValidateAs == kind || (included == DeclarationKind.ManagedPolicy && kind == PolicyKind.PermissionsBoundary));

    /// <summary>
    /// Whether a finding about a literal a helper writes is one the per-value checks report on that literal already
    /// (<see cref="AnalyzeConversion"/>, <see cref="AnalyzeKeyCreation"/>): a helper shared by many declarations then
    /// gets one diagnostic where the value is written, not one more at every call.
    /// </summary>
    private static bool ReportedWhereWritten(Finding finding, PolicyDocument document)
    {
        var at = finding.Location;
        var statement = document.Statements[at.Statement];
        var catalogue = ServiceCatalogue.Default;
        var values = at.Element switch
        {
            PolicyElementKind.Action when at.ValueIndex >= 0 && at.ValueIndex < statement.Action.Values.Count => ValueRules.Action(statement.Action.Values[at.ValueIndex], catalogue),
            PolicyElementKind.Resource when statement.Resource is { } resource && at.ValueIndex >= 0 && at.ValueIndex < resource.Values.Count => ValueRules.Resource(resource.Values[at.ValueIndex]),
            PolicyElementKind.ConditionKey when at.ValueIndex >= 0 && at.ValueIndex < statement.Conditions.Count => ValueRules.ConditionKey(statement.Conditions[at.ValueIndex].Key, catalogue),
            _ => [],
        };
        return values.Any(v => v.Rule == finding.Rule);
    }

    /// <summary>The policies of an evaluated declaration, each with what to validate it as and where its statements are written.</summary>
    private static IEnumerable<(PolicyDocument Document, ValidationOptions Options, ImmutableArray<StatementSource> Sources)> Policies(DeclarationKind kind, object value, PolicyKind managedAs)
    {
        var catalogue = ServiceCatalogue.Default;
        switch (value)
        {
            case DeclaredPolicyValue declared when kind == DeclarationKind.ManagedPolicy && !declared.Draft.Draft.Statements.IsEmpty:
                yield return (declared.Draft.Draft.ToDocument(), new ValidationOptions(managedAs) { Catalogue = catalogue }, declared.Draft.Sources);
                break;
            case DraftValue draft when draft.Kind == kind && kind != DeclarationKind.Role && !draft.Draft.Statements.IsEmpty:
                var policyKind = kind == DeclarationKind.ManagedPolicy ? managedAs : DeclarationKinds.Of(kind).ValidateAs;
                yield return (draft.Draft.ToDocument(), new ValidationOptions(policyKind) { Catalogue = catalogue }, draft.Sources);
                break;
            case RoleValue role when kind == DeclarationKind.Role:
                if (!role.Draft.Trust.Statements.IsEmpty)
                {
                    yield return (role.Draft.TrustPolicy(), new ValidationOptions(PolicyKind.Trust) { Catalogue = catalogue }, role.TrustSources);
                }
                for (int i = 0; i < role.Draft.Inline.Count && i < role.Inlines.Length; i++)
                {
                    // An inline policy that is another declaration is validated, and reported, there.
                    if (role.Inlines[i].Declared) continue;
                    yield return (role.Draft.Inline[i].Document,
                        new ValidationOptions(PolicyKind.Identity) { Container = PolicyContainer.RoleInline, Catalogue = catalogue }, role.Inlines[i].Statements);
                }
                break;
        }
    }

    private static Diagnostic Create(Finding finding, SourceLocation at, bool withJsonPath, DslSymbols? symbols = null)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        if (withJsonPath) properties.Add(Properties.JsonPath, finding.Location.JsonPath);
        if (finding.Suggestions.Count > 0) properties.Add(Properties.Suggestion, finding.Suggestions[0]);
        if (at.IsLiteral) properties.Add(Properties.Literal, "true");
        if ((finding.Rule == PolicyRules.CaseSensitiveUserName || finding.Rule == PolicyRules.WildcardInExactMatch) && finding.Suggestions.Count > 0
            && symbols is not null && at.Condition?.Method is { } method && OperatorMethod(symbols, method, finding.Suggestions[0]) is { } replacement)
        {
            properties.Add(Properties.Operator, replacement);
        }
        // The finding's own severity (PAC003 is a warning for names AWS managed policies use); .editorconfig still wins.
        return Diagnostic.Create(DiagnosticDescriptors.For(finding.Rule), at.Location, DiagnosticDescriptors.Severity(finding.Severity),
            additionalLocations: null, properties.ToImmutable(), finding.Message);
    }

    /// <summary>The DSL method of the key's type whose operator is <paramref name="suggestedOperator"/> without its set qualifier and IfExists.</summary>
    private static string? OperatorMethod(DslSymbols symbols, IMethodSymbol method, string suggestedOperator)
    {
        string baseOperator = suggestedOperator.Substring(suggestedOperator.IndexOf(':') + 1);
        if (baseOperator.EndsWith("IfExists", StringComparison.Ordinal)) baseOperator = baseOperator.Substring(0, baseOperator.Length - "IfExists".Length);
        foreach (var candidate in method.ContainingType.GetMembers().OfType<IMethodSymbol>())
        {
            if (symbols.MarkOf(candidate) is { Op: DslOp.Condition, Operator: { } candidateOperator } && candidateOperator == baseOperator) return candidate.Name;
        }
        return null;
    }

    /// <summary>A constant string converted to <c>IamAction</c> or <c>ResourceArn</c>.</summary>
    private static void AnalyzeConversion(OperationAnalysisContext context, DslSymbols symbols)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.Operand.ConstantValue is not { HasValue: true, Value: string value }) return;
        bool action = SymbolEqualityComparer.Default.Equals(conversion.Type, symbols.IamAction);
        if (!action && !SymbolEqualityComparer.Default.Equals(conversion.Type, symbols.ResourceArn)) return;
        try
        {
            var origin = SourceSpans.Of(value, conversion.Operand);
            // Inside a declaration the whole policy is validated, with these values in it.
            bool inDeclaration = symbols.IsInDeclaration(context.ContainingSymbol);
            if (action)
            {
                if (!inDeclaration) Report(context, ValueRules.Action(value, ServiceCatalogue.Default), origin);
                if (origin.IsLiteral && TypedCatalogue.Instance.ActionMember(value) is { } typed && symbols.HasTypedMember(typed))
                {
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
                    properties.Add(Properties.TypedMember, typed);
                    properties.Add(Properties.Namespace, DslSymbols.TypedNamespace);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UseTypedMember, origin.Location, properties.ToImmutable(), typed, value));
                }
            }
            else if (!inDeclaration && !IsConditionValue(conversion, symbols))
            {
                // ARN condition values may use wildcards where a resource may not (ArnLike on any field); only resources are judged.
                Report(context, ValueRules.Resource(value), origin);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An analyzer never throws into the compiler, and says so when it fails.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, context.Operation.Syntax.GetLocation(), $"analyzer: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>A constant string passed to a condition key's constructor: <c>new StringConditionKey("aws:usrname")</c>.</summary>
    private static void AnalyzeKeyCreation(OperationAnalysisContext context, DslSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Arguments.Length != 1 || creation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string key }) return;
        if (!symbols.IsConditionKey(creation.Type) || symbols.IsInDeclaration(context.ContainingSymbol)) return;
        try
        {
            Report(context, ValueRules.ConditionKey(key, ServiceCatalogue.Default), SourceSpans.Of(key, creation.Arguments[0]));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An analyzer never throws into the compiler, and says so when it fails.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, context.Operation.Syntax.GetLocation(), $"analyzer: {e.GetType().Name}: {e.Message}"));
        }
    }

    private static void Report(OperationAnalysisContext context, IReadOnlyList<Finding> findings, ValueSource origin)
    {
        foreach (var finding in findings) context.ReportDiagnostic(Create(finding, new SourceLocation(origin.Location, origin.IsLiteral, null), withJsonPath: false));
    }

    /// <summary>Whether a conversion is an argument of a condition key's operator (<c>Keys.Aws.SourceArn.Like("arn:aws:*:*:*:*")</c>).</summary>
    private static bool IsConditionValue(IConversionOperation conversion, DslSymbols symbols)
    {
        for (var parent = conversion.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IInvocationOperation invocation:
                    return symbols.IsConditionKey(invocation.TargetMethod.ContainingType);
                case IArgumentOperation or IArrayInitializerOperation or IArrayCreationOperation or ICollectionExpressionOperation or IConversionOperation:
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }
}
