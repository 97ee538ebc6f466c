using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>What the parser reads of a declaration: the generator's attribute context, or the analyzer's symbol.</summary>
/// <param name="Symbol">The declared property or field.</param>
/// <param name="Node">Its declaring syntax: a property, indexer or variable declarator (what <c>ForAttributeWithMetadataName</c> targets).</param>
/// <param name="Attribute">The declaration attribute of the kind being parsed.</param>
/// <param name="Compilation">The compilation it is declared in.</param>
/// <param name="Model">The semantic model of its tree, when the caller has one.</param>
internal readonly record struct DeclarationTarget(ISymbol Symbol, SyntaxNode Node, AttributeData? Attribute, Compilation Compilation, SemanticModel? Model)
{
    public static DeclarationTarget From(GeneratorAttributeSyntaxContext context)
        => new(context.TargetSymbol, context.TargetNode, context.Attributes.FirstOrDefault(), context.SemanticModel.Compilation, context.SemanticModel);
}

/// <summary>
/// The transform of the pipeline: checks the declared member and evaluates its value into a <see cref="DeclarationSpec"/>.
/// Symbols and the semantic model are used only here; nothing of them leaves it.
/// </summary>
/// <remarks>
/// The analyzer runs the same checks on the same declarations and reports the spec's diagnostics (PAC200-PAC205), so
/// that editors which show analyzers' diagnostics but not generators' show them too; the generator reports none.
/// </remarks>
internal static class DeclarationParser
{
    private static readonly Regex s_policyName = new(@"^[\w+=,.@-]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_roleName = new(@"^[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant);

    /// <param name="target">The declaration.</param>
    /// <param name="kind">What the attribute declares.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    /// <param name="readMembers">Collects the syntax of every member whose value the evaluation read.</param>
    /// <param name="value">The interpreter's value of the declaration, when it was evaluated (with where each part is written).</param>
    /// <param name="evaluated">The declaration's value evaluated already in this compilation (<see cref="EvaluationShare"/>), if any.</param>
    /// <param name="evaluatedMembers">Values of members evaluated already in this compilation, shared between declarations.</param>
    public static DeclarationSpec Parse(DeclarationTarget target, DeclarationKind kind, CancellationToken cancellationToken, ICollection<SyntaxNode>? readMembers, out object? value,
        object? evaluated = null, ConcurrentDictionary<ISymbol, object>? evaluatedMembers = null)
    {
        value = null;
        var info = DeclarationKinds.Of(kind);
        var symbol = target.Symbol;
        // Declaration-level diagnostics go on the member's name: the whole node would also cover its attributes and value.
        var location = LocationInfo.From(IdentifierLocation(target.Node));
        string memberName = Escape(symbol.Name);
        var attribute = target.Attribute;
        string name = attribute?.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var containing = Containing(symbol.ContainingType);
        var diagnostics = new List<DiagnosticInfo>();
        string? description = null;
        DeclarationSpec Result(PolicyDocument? document, RoleSpec? role)
            => new(kind, name, memberName, containing, document, role, DeclarationFiles.Of(name, document, role), location, EquatableArray.Create(diagnostics.ToArray()))
            {
                Description = document is null && role is null ? null : description,
            };

        try
        {
            if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                // The compiler reports the attribute's own error (a missing or non-constant name).
                return Result(null, null);
            }
            if (!IsValidName(kind, name))
            {
                diagnostics.Add(new(DiagnosticIds.InvalidDeclaration, kind == DeclarationKind.Role
                    ? $"'{name}' is not a valid IAM role name: use 1 to 64 letters, digits and +=,.@-_ characters."
                    : $"'{name}' is not a valid IAM policy name: use 1 to 128 letters, digits and +=,.@-_ characters.", NameLocation(attribute, cancellationToken) ?? location));
                return Result(null, null);
            }
            if (Description(attribute, cancellationToken, out var descriptionLocation) is { } text)
            {
                try
                {
                    RoleDraft.RequireDescription(text, info.Prose);
                    description = text;
                }
                catch (DslException e)
                {
                    diagnostics.Add(new(DiagnosticIds.InvalidDeclaration, e.Message, descriptionLocation ?? location));
                    return Result(null, null);
                }
            }
            var type = symbol switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            var symbols = DslSymbols.For(target.Compilation);
            if (type is { TypeKind: TypeKind.Error })
            {
                // The compiler reports the unknown type.
                return Result(null, null);
            }
            if (!symbol.IsStatic || symbols is null || !SymbolEqualityComparer.Default.Equals(type, symbols.DeclaredType(kind)) || type!.NullableAnnotation == NullableAnnotation.Annotated)
            {
                diagnostics.Add(new(DiagnosticIds.WrongMember,
                    $"[{info.AttributeWord}] goes on a static property or field of type {info.DeclaredTypeName}; '{memberName}' is {(symbol.IsStatic ? "" : "not static and ")}of type {type?.ToDisplayString() ?? "?"}.", location));
                return Result(null, null);
            }
            if (GenericOrFileLocal(symbol.ContainingType) is { } unsupported)
            {
                diagnostics.Add(new(DiagnosticIds.WrongMember,
                    $"[{info.AttributeWord}] cannot be used in {unsupported}; declare '{memberName}' in a non-generic type that is not file-local.", location));
                return Result(null, null);
            }
            if (containing.Types.Any(t => !t.IsPartial))
            {
                diagnostics.Add(new(DiagnosticIds.NotPartial,
                    $"Make {string.Join(".", containing.Types.Select(t => t.Name))} partial (and its containing types) to get the compiled evaluator of '{memberName}'; its JSON is generated either way.", location));
            }

            value = evaluated
                ?? new DslInterpreter(target.Compilation, target.Model, symbols, cancellationToken) { ReadMembers = readMembers, EvaluatedMembers = evaluatedMembers }.EvaluateMember(symbol);
            switch (value)
            {
                case DeclaredPolicyValue declared when kind == DeclarationKind.ManagedPolicy:
                    return Result(declared.Draft.Draft.ToDocument(), null);
                case DraftValue draft when draft.Kind == kind && kind != DeclarationKind.Role:
                    if (draft.Draft.Statements.IsEmpty)
                    {
                        diagnostics.Add(new(DiagnosticIds.InvalidDeclaration, $"The policy '{name}' has no statements; add one with Allow(...) or Deny(...).", location));
                        return Result(null, null);
                    }
                    return Result(draft.Draft.ToDocument(), null);
                case RoleValue role when kind == DeclarationKind.Role:
                    role.Draft.TrustPolicy();
                    return Result(null, new RoleSpec(role.Draft));
                default:
                    // An incomplete chain (Allow(...) without On) does not compile: the compiler's error is enough.
                    var model = target.Model ?? target.Compilation.GetSemanticModel(target.Node.SyntaxTree);
                    if (!model.GetDiagnostics(target.Node.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
                    {
                        diagnostics.Add(new(DiagnosticIds.NotEvaluable, $"The value of '{memberName}' is not a complete {info.AttributeWord} declaration.", location));
                    }
                    return Result(null, null);
            }
        }
        catch (EvaluationException e)
        {
            if (e.Id is { } id) diagnostics.Add(new(id, e.Message, e.Syntax is null ? location : LocationInfo.From(e.Syntax)));
            return Result(null, null);
        }
        catch (DslException e)
        {
            diagnostics.Add(new(DiagnosticIds.InvalidDeclaration, e.Message, location));
            return Result(null, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // Never throw into the compiler: whatever code it is given, the generator reports instead.
            diagnostics.Add(new(DiagnosticIds.InternalError, $"{e.GetType().Name}: {e.Message}", location));
            return Result(null, null);
        }
    }

    private static Location IdentifierLocation(SyntaxNode node) => node switch
    {
        PropertyDeclarationSyntax property => property.Identifier.GetLocation(),
        VariableDeclaratorSyntax variable => variable.Identifier.GetLocation(),
        IndexerDeclarationSyntax indexer => indexer.ThisKeyword.GetLocation(),
        _ => node.GetLocation(),
    };

    private static LocationInfo? NameLocation(AttributeData attribute, CancellationToken cancellationToken)
        => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: [var argument, ..] }
            ? LocationInfo.From(argument.Expression)
            : null;

    /// <summary>The attribute's <c>Description = "..."</c> (a managed policy's), with where its value is written.</summary>
    private static string? Description(AttributeData attribute, CancellationToken cancellationToken, out LocationInfo? location)
    {
        location = null;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != "Description" || argument.Value.Value is not string text) continue;
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list })
            {
                var written = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argument.Key);
                if (written is not null) location = LocationInfo.From(written.Expression);
            }
            return text;
        }
        return null;
    }

    /// <summary>Why the compiled class cannot be generated next to the member, if the type is generic or file-local.</summary>
    private static string? GenericOrFileLocal(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0) return $"a generic type ({current.ToDisplayString()})";
            if (current.IsFileLocal) return $"a file-local type ({current.Name})";
        }
        return null;
    }

    /// <summary>An identifier as C# source must write it: <c>@class</c> for the keyword <c>class</c>.</summary>
    internal static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    private static bool IsValidName(DeclarationKind kind, string name)
        => (kind == DeclarationKind.Role ? s_roleName : s_policyName).IsMatch(name);

    private static ContainingTypeSpec Containing(INamedTypeSymbol type)
    {
        var types = new List<TypeSpec>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            bool isPartial = current.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t
                && t.Modifiers.Any(m => m.Text == "partial"));
            string keyword = current.IsRecord ? (current.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : current.TypeKind == TypeKind.Struct ? "struct" : current.TypeKind == TypeKind.Interface ? "interface" : "class";
            types.Insert(0, new TypeSpec(keyword, Escape(current.Name), current.IsStatic, isPartial));
        }
        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers)) : null;
        bool visible = true;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            visible &= current.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal or Accessibility.NotApplicable;
        }
        return new ContainingTypeSpec(ns, EquatableArray.Create(types.ToArray()), visible);
    }
}
