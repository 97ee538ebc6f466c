using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>
/// Evaluates a DSL expression at compile time by walking its <see cref="IOperation"/> tree and applying the same
/// operations the runtime DSL applies (<see cref="PolicyDraft"/>, <see cref="RoleDraft"/>, <see cref="PrincipalSpec"/>).
/// It knows constants, the typed catalogue members, the DSL's methods, and other declared policies; anything else is
/// reported on the exact expression that cannot be evaluated.
/// </summary>
internal sealed class DslInterpreter
{
    // A fluent chain nests one call per step (Allow, On, When, Named), so a long policy is a deep expression: the limit
    // leaves room for hundreds of statements, and the stack check below stops before the compiler's stack runs out.
    private const int MaxDepth = 2000;
    private readonly Compilation _compilation;
    private readonly SemanticModel? _model;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _track;
    private readonly HashSet<ISymbol> _evaluating = new(SymbolEqualityComparer.Default);
    private int _depth;

    /// <param name="compilation">The compilation.</param>
    /// <param name="model">The semantic model the pipeline already has for the declaration's tree, reused when possible.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <param name="trackSources">
    /// Whether to record where each statement, value and condition is written (<see cref="DraftValue.Sources"/>), for the
    /// analyzer to report findings on them; the generator tracks them too, and hands its evaluations to the analyzer (EvaluationShare).
    /// </param>
    public DslInterpreter(Compilation compilation, SemanticModel? model, CancellationToken cancellationToken, bool trackSources = false)
    {
        _compilation = compilation;
        _model = model;
        _cancellationToken = cancellationToken;
        _track = trackSources;
    }

    /// <summary>Collects the syntax of every member whose value is read, for <see cref="DeclarationCache"/>.</summary>
    public ICollection<SyntaxNode>? ReadMembers { get; init; }

    /// <summary>
    /// Values of members already evaluated in this compilation, shared by the interpreters of one analysis so that a
    /// policy attached to many roles is evaluated once. Values are immutable; only successful evaluations are kept.
    /// </summary>
    public ConcurrentDictionary<ISymbol, object>? EvaluatedMembers { get; init; }

    /// <summary>Evaluates the value of a declared member (a property's expression body or getter, a field's initializer).</summary>
    /// <param name="member">The member.</param>
    /// <param name="reference">Where the member is read, when it is read from another member's value.</param>
    public object EvaluateMember(ISymbol member, IOperation? reference = null)
    {
        if (EvaluatedMembers is not null && ReadMembers is null && EvaluatedMembers.TryGetValue(member, out var known)) return known;
        if (!_evaluating.Add(member)) throw new EvaluationException($"'{member.Name}' refers to itself, directly or through other members.", reference?.Syntax);
        try
        {
            // A partial property's value is in its implementing part.
            var source = member is IPropertySymbol { PartialImplementationPart: { } implementation } ? implementation : member;
            var syntax = source.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken)
                ?? throw new EvaluationException($"'{member.Name}' has no source to evaluate.", null);
            ReadMembers?.Add(syntax);
            var expression = DeclarationSyntax.ValueOf(syntax)
                ?? throw new EvaluationException($"'{member.Name}' must be written as '=> expression' or '= expression' (or a getter that only returns an expression) so that it can be evaluated at compile time.",
                    syntax is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { AccessorList: { } accessors } ? accessors : syntax);
            var model = _model is not null && _model.SyntaxTree == expression.SyntaxTree ? _model : _compilation.GetSemanticModel(expression.SyntaxTree);
            var operation = model.GetOperation(expression, _cancellationToken)
                ?? throw new EvaluationException("This expression cannot be evaluated at compile time.", expression);
            var value = Evaluate(operation);
            EvaluatedMembers?.TryAdd(member, value);
            return value;
        }
        finally
        {
            _evaluating.Remove(member);
        }
    }

    public object Evaluate(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (++_depth > MaxDepth) throw TooDeep(operation);
        try
        {
            try
            {
                RuntimeHelpers.EnsureSufficientExecutionStack();
            }
            catch (InsufficientExecutionStackException)
            {
                throw TooDeep(operation);
            }
            if (operation is IInvalidOperation || operation.Type?.TypeKind == TypeKind.Error)
            {
                // Code that does not compile: the compiler's error says what is wrong; a PAC200 on top would only repeat it.
                throw new EvaluationException("The code has compilation errors.", operation.Syntax, id: null);
            }
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value ?? throw new EvaluationException("null is not a value a policy can hold.", operation.Syntax);
            }
            switch (operation)
            {
                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand);
                case IConversionOperation conversion:
                    return Convert(conversion);
                case IInvocationOperation invocation:
                    return Invoke(invocation);
                case IPropertyReferenceOperation property:
                    return ReadProperty(property);
                case IFieldReferenceOperation field:
                    return ReadField(field);
                case IArrayCreationOperation array when array.Initializer is not null:
                    return array.Initializer.ElementValues.Select(Evaluate).ToArray();
                case ICollectionExpressionOperation collection:
                    return collection.Elements.Select(Evaluate).ToArray();
                case IInterpolatedStringOperation interpolated:
                    return Interpolate(interpolated);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return String(binary.LeftOperand) + String(binary.RightOperand);
                case IObjectCreationOperation creation:
                    return Create(creation);
                case IArgumentOperation argument:
                    return Evaluate(argument.Value);
                case IDefaultValueOperation:
                    throw new EvaluationException("default values cannot be part of a policy.", operation.Syntax);
            }
            throw NotEvaluable(operation);
        }
        finally
        {
            _depth--;
        }
    }

    // Symbols are immutable and live as long as their compilation: their display names are computed once.
    private static readonly ConditionalWeakTable<ISymbol, string> s_displayNames = new();

    /// <summary><see cref="ISymbol.ToDisplayString"/>, once per symbol: the interpreter asks it of every call it evaluates.</summary>
    private static string DisplayName(ISymbol symbol) => s_displayNames.GetValue(symbol, static s => s.ToDisplayString());

    private static EvaluationException TooDeep(IOperation operation)
        => new("The expression is nested too deeply to evaluate.", operation.Syntax);

    private object Convert(IConversionOperation conversion)
    {
        var value = Evaluate(conversion.Operand);
        var target = conversion.Type;
        if (target is null) return value;
        string name = DisplayName(target);
        return name switch
        {
            "PolicyAsCode.IamAction" => new IamActionValue(AsString(value, conversion.Operand)),
            "PolicyAsCode.ResourceArn" => new ResourceValue(AsString(value, conversion.Operand)),
            "decimal" => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    private object Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        string type = DisplayName(method.ContainingType.OriginalDefinition);
        string name = method.Name;
        object? receiver = invocation.Instance is null ? null : Evaluate(invocation.Instance);
        // By parameter, whatever order named arguments are written in.
        var args = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).ToImmutableArray();

        // Typed catalogue members with parameters: ARN builders and condition keys with placeholders.
        if (method.IsStatic && IsTypedCatalogueType(method.ContainingType, out var owner, out var nested))
        {
            return CatalogueInvocation(invocation, owner!, nested!, args);
        }

        try
        {
            switch (type)
            {
                case "PolicyAsCode.Policy":
                    return name switch
                    {
                        "Identity" => new DraftValue(DeclarationKind.ManagedPolicy, PolicyDraft.Empty),
                        "Resource" => new DraftValue(DeclarationKind.ResourcePolicy, PolicyDraft.Empty),
                        _ => throw NotEvaluable(invocation),
                    };
                case "PolicyAsCode.IdentityPolicy":
                case "PolicyAsCode.ResourcePolicy":
                {
                    var draft = receiver switch
                    {
                        DraftValue value => value,
                        DeclaredPolicyValue declared => declared.Draft,
                        _ => throw NotEvaluable(invocation),
                    };
                    switch (name)
                    {
                        case "Allow" when args.Length == 0:
                            return new EffectStepValue(draft, Effect.Allow);
                        case "Deny" when args.Length == 0:
                            return new EffectStepValue(draft, Effect.Deny);
                        case "Allow" or "Deny":
                        {
                            var started = Start(draft, invocation, name == "Allow" ? Effect.Allow : Effect.Deny, args[0], notAction: false);
                            return draft.Kind == DeclarationKind.ManagedPolicy ? new StepValue(started) : new PrincipalStepValue(started);
                        }
                        case "When":
                        {
                            var conditions = Conditions(args[0]);
                            return Update(draft with { Draft = draft.Draft.WithConditions(conditions.Select(c => c.Condition)) },
                                s => s with { Conditions = s.Conditions.AddRange(conditions.Select(c => c.Source!)) });
                        }
                        case "Named":
                        {
                            string sid = String(args[0].Value);
                            return Update(draft with { Draft = draft.Draft.WithSid(sid) }, s => s with { Sid = SourceSpans.Of(sid, args[0]) });
                        }
                        case "Include":
                        {
                            var included = Evaluate(args[0].Value) switch
                            {
                                DraftValue value => value,
                                DeclaredPolicyValue declared => declared.Draft,
                                _ => throw new EvaluationException("Include takes a policy: a declared policy, or one written with Policy.Identity() or Policy.Resource().", args[0].Syntax),
                            };
                            var next = draft with { Draft = draft.Draft.Include(included.Draft) };
                            if (!_track) return next;
                            // Included statements are reported on the argument that brings them in (PAC001 on Include(bucketPolicy)).
                            var at = StatementSource.At(args[0].Syntax.GetLocation()) with { IncludedFrom = DeclarationKindOf(args[0].Value) };
                            return next with { Sources = draft.Sources.AddRange(Enumerable.Repeat(at, included.Draft.Statements.Count)) };
                        }
                        default:
                            throw NotEvaluable(invocation);
                    }
                }
                case "PolicyAsCode.EffectStep<TPolicy>":
                {
                    var step = (EffectStepValue)receiver!;
                    return name == "AllExcept"
                        ? new StepValue(Start(step.Draft, invocation, step.Effect, args[0], notAction: true))
                        : throw NotEvaluable(invocation);
                }
                case "PolicyAsCode.ResourceStep<TPolicy>":
                {
                    var step = (StepValue)receiver!;
                    if (name is not ("On" or "OnAll" or "OnAllExcept")) throw NotEvaluable(invocation);
                    var resources = name == "OnAll" ? [new Item("*", invocation)] : Resources(args[0]);
                    var call = _track ? SourceSpans.NameThroughArguments(invocation.Syntax) : null;
                    return Update(step.Draft with { Draft = step.Draft.Draft.WithResources(resources.Select(r => (string)r.Value), name == "OnAllExcept") },
                        s => s with
                        {
                            ResourceCall = call,
                            Resources = name == "OnAll" ? [new ValueSource("*", call!, false)] : [.. resources.Select(r => SourceSpans.Of(r.Value, r.Origin))],
                        });
                }
                case "PolicyAsCode.ResourcePolicy.PrincipalStep":
                {
                    var step = (PrincipalStepValue)receiver!;
                    var principals = Principals(args[0]);
                    if (name is "For" or "ForAllExcept")
                    {
                        var next = step.Draft with { Draft = step.Draft.Draft.WithPrincipals(principals.Select(p => (PrincipalSpec)p.Value), notPrincipal: name == "ForAllExcept") };
                        return new StepValue(Update(next, s => s with
                        {
                            PrincipalCall = SourceSpans.NameThroughArguments(invocation.Syntax),
                            Principals = [.. principals.Where(p => ((PrincipalSpec)p.Value).Id is not null).Select(p => SourceSpans.Of(((PrincipalSpec)p.Value).Id!, p.Origin))],
                        }));
                    }
                    throw NotEvaluable(invocation);
                }
                case "PolicyAsCode.Role":
                    return InvokeRole(invocation, (RoleValue?)receiver, name, args);
                case "PolicyAsCode.Principal":
                case "PolicyAsCode.Principal.WebIdentity":
                    return InvokePrincipal(invocation, (PrincipalSpec?)receiver, name, args);
                case "System.TimeSpan":
                    return EvaluateTimeSpan(invocation, name, args);
            }
            if (receiver is KeyValue key) return InvokeKey(invocation, method, key);
        }
        catch (DslException e)
        {
            throw new EvaluationException(e.Message, invocation.Syntax, DiagnosticIds.InvalidDeclaration);
        }
        throw NotEvaluable(invocation);
    }

    /// <summary><c>TimeSpan.FromHours(1.5)</c>, and the overloads with more units, <c>TimeSpan.FromHours(1, 30)</c>.</summary>
    private TimeSpanValue EvaluateTimeSpan(IInvocationOperation invocation, string name, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args)
    {
        static double? UnitSeconds(string unit) => unit switch
        {
            "days" or "FromDays" => 86400,
            "hours" or "FromHours" => 3600,
            "minutes" or "FromMinutes" => 60,
            "seconds" or "FromSeconds" => 1,
            "milliseconds" or "FromMilliseconds" => 1e-3,
            "microseconds" or "FromMicroseconds" => 1e-6,
            _ => null,
        };
        double seconds = 0;
        foreach (var argument in args)
        {
            // FromHours(double value) names its parameter "value"; FromHours(int hours, long minutes = 0, ...) names each unit.
            var unit = UnitSeconds(argument.Parameter?.Name ?? "") ?? (argument.Parameter?.Ordinal == 0 ? UnitSeconds(name) : null) ?? throw NotEvaluable(invocation);
            seconds += System.Convert.ToDouble(Evaluate(argument.Value), CultureInfo.InvariantCulture) * unit;
        }
        return new TimeSpanValue(seconds);
    }

    private object InvokeRole(IInvocationOperation invocation, RoleValue? role, string name, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args)
    {
        if (name == "Define") return new RoleValue(RoleDraft.Empty, EquatableArray<string>.Empty);
        var value = role!;
        switch (name)
        {
            case "TrustedBy":
            {
                var principals = Principals(args[0]);
                if (principals.Count == 0) throw new DslException("TrustedBy needs at least one principal.");
                var draft = value.Draft;
                var sources = value.TrustSources;
                foreach (var item in principals)
                {
                    var principal = (PrincipalSpec)item.Value;
                    draft = draft.TrustedBy(principal);
                    if (_track)
                    {
                        // A trust statement is written as its principal: every part of it is reported there.
                        var at = item.Origin.Syntax.GetLocation();
                        sources = sources.Add(new StatementSource(at)
                        {
                            Actions = [new ValueSource(principal.AssumeAction, at, false)],
                            PrincipalCall = at,
                            Principals = principal.Id is { } id ? [new ValueSource(id, at, false)] : [],
                        });
                    }
                }
                return value with { Draft = draft, TrustSources = sources };
            }
            case "Attach":
            {
                var attached = Evaluate(args[0].Value);
                return attached switch
                {
                    DeclaredPolicyValue declared => value.AttachedDeclared.Contains(declared.Name)
                        ? throw new DslException($"The policy {declared.Name} is already attached to the role.")
                        : value with { AttachedDeclared = EquatableArray.Create([.. value.AttachedDeclared, declared.Name]) },
                    ManagedPolicyValue managed => value with { Draft = value.Draft.Attach(new AttachedPolicy(managed.Name, managed.Arn)) },
                    _ => throw new EvaluationException("Attach takes a policy declared with [ManagedPolicy] or an AwsManaged policy.", args[0].Syntax),
                };
            }
            case "AttachArn":
            {
                return value with { Draft = value.Draft.AttachArn(String(args[0].Value)) };
            }
            case "Inline":
            {
                string inlineName = String(args[0].Value);
                var policy = Evaluate(args[1].Value);
                var (document, source) = policy switch
                {
                    DeclaredPolicyValue declared => (declared.Draft.Draft.ToDocument(), new InlineSource(inlineName, [], Declared: true)),
                    DraftValue draft => (draft.Draft.ToDocument(), new InlineSource(inlineName, draft.Sources, Declared: false)),
                    _ => throw new EvaluationException("Inline takes an identity policy.", args[1].Syntax),
                };
                return value with { Draft = value.Draft.WithInline(inlineName, document), Inlines = _track ? value.Inlines.Add(source) : value.Inlines };
            }
            case "PermissionsBoundary":
            {
                var boundary = Evaluate(args[0].Value) as ManagedPolicyValue
                    ?? throw new EvaluationException("PermissionsBoundary takes an AwsManaged policy.", args[0].Syntax);
                return value with { Draft = value.Draft.WithBoundary(new AttachedPolicy(boundary.Name, boundary.Arn)) };
            }
            case "MaxSession":
            {
                var span = Evaluate(args[0].Value) as TimeSpanValue
                    ?? throw new EvaluationException("MaxSession takes a TimeSpan such as TimeSpan.FromHours(1).", args[0].Syntax);
                return value with { Draft = value.Draft.WithMaxSession((int)span.Seconds) };
            }
            case "Path":
                return value with { Draft = value.Draft.WithPath(String(args[0].Value)) };
            case "Description":
                return value with { Draft = value.Draft.WithDescription(String(args[0].Value)) };
        }
        throw NotEvaluable(invocation);
    }

    private object InvokePrincipal(IInvocationOperation invocation, PrincipalSpec? principal, string name, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args)
    {
        string Arg(int i) => String(args[i].Value);
        string? OptionalArg(int i) => i < args.Length && !args[i].IsImplicit && args[i].Value.ConstantValue is not { HasValue: true, Value: null } ? String(args[i].Value) : null;
        switch (name)
        {
            case "Account": return PrincipalSpec.Account(Arg(0));
            case "Role": return PrincipalSpec.Role(Arg(0), Arg(1));
            case "User": return PrincipalSpec.User(Arg(0), Arg(1));
            case "AssumedRole": return PrincipalSpec.AssumedRole(Arg(0), Arg(1), Arg(2));
            case "Arn": return PrincipalSpec.Aws(Arg(0));
            case "Service": return PrincipalSpec.Service(Arg(0));
            case "Saml": return PrincipalSpec.Saml(Arg(0), Arg(1));
            case "GitHubActions": return PrincipalSpec.GitHubActions(Arg(0), Arg(1), OptionalArg(2));
            case "Provider": return PrincipalSpec.WebIdentity(Arg(0), Conditions(args[1]).Select(c => c.Condition).ToArray());
            case "WithMfa": return principal!.WithMfa();
            case "When": return principal!.WithConditions(Conditions(args[0]).Select(c => c.Condition));
        }
        throw NotEvaluable(invocation);
    }

    private object InvokeKey(IInvocationOperation invocation, IMethodSymbol method, KeyValue key)
    {
        switch (method.Name)
        {
            case "IfExists": return key with { IfExists = true };
        }
        var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && DisplayName(c) == "PolicyAsCode.Generation.DslOperatorAttribute");
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string baseOperator) throw NotEvaluable(invocation);
        List<Item> values = method.Name switch
        {
            "Exists" => [new Item("false", invocation)],
            "IsAbsent" => [new Item("true", invocation)],
            "IsTrue" => [new Item("true", invocation)],
            "IsFalse" => [new Item("false", invocation)],
            _ => Values(invocation.Arguments[0]),
        };
        if (values.Count == 0) throw new DslException($"A condition on {key.Name} needs at least one value.");
        var condition = new Condition(ConditionOperator.Compose(baseOperator, key.Qualifier, key.IfExists), key.Name, EquatableArray.Create(values.Select(v => (string)v.Value).ToArray()));
        if (!_track) return new ConditionValue(condition, null);
        return new ConditionValue(condition, new ConditionSource(condition, SourceSpans.NameThroughArguments(invocation.Syntax), KeySource(invocation.Instance!, key.Name),
            [.. values.Select(v => v.Origin == invocation ? new ValueSource(v.Value, invocation.Syntax.GetLocation(), false) : SourceSpans.Of(v.Value, v.Origin))], method));
    }

    /// <summary>Where a condition's key is written: the key expression without IfExists()/ForAnyValue/ForAllValues, or the string it is created from.</summary>
    private static ValueSource KeySource(IOperation instance, string name)
    {
        var operation = instance;
        while (true)
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "IfExists", Instance: { } receiver }) operation = receiver;
            else if (operation is IPropertyReferenceOperation { Property.Name: "ForAnyValue" or "ForAllValues", Instance: { } key }) operation = key;
            else break;
        }
        return operation is IObjectCreationOperation { Arguments.Length: 1 } creation
            ? SourceSpans.Of(name, creation.Arguments[0])
            : new ValueSource(name, operation.Syntax.GetLocation(), false);
    }

    private List<Item> Values(IArgumentOperation argument)
        => Items(argument).Select(item => new Item(ConditionText(item.Value, argument), item.Origin)).ToList();

    private static string ConditionText(object value, IArgumentOperation argument)
        => value switch
        {
            string s => s,
            ResourceValue r => r.Value,
            IamActionValue a => a.Value,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            int or long or double or float => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            DateValue date => date.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => throw new EvaluationException("This condition value cannot be evaluated at compile time.", argument.Syntax),
        };

    private object ReadProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var containing = property.ContainingType;
        if (property.IsStatic && IsTypedCatalogueType(containing, out var owner, out var nested))
        {
            return CatalogueMember(reference, owner!, nested!, property.Name, []);
        }
        string type = DisplayName(containing.OriginalDefinition);
        switch ((type, property.Name))
        {
            case ("PolicyAsCode.IamAction", "All"): return new IamActionValue("*");
            case ("PolicyAsCode.ResourceArn", "All"): return new ResourceValue("*");
            case ("PolicyAsCode.Principal", "Everyone"): return PrincipalSpec.Everyone;
            case ("PolicyAsCode.Aws.AwsManaged", _):
            {
                var arn = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "AwsManagedPolicyArnAttribute")?.ConstructorArguments.FirstOrDefault().Value as string
                    ?? throw NotEvaluable(reference);
                return new ManagedPolicyValue(arn.Substring(arn.LastIndexOf('/') + 1), arn);
            }
        }
        if (reference.Instance is not null && Evaluate(reference.Instance) is KeyValue key)
        {
            return property.Name switch
            {
                "ForAnyValue" => key with { Qualifier = SetQualifier.ForAnyValue },
                "ForAllValues" => key with { Qualifier = SetQualifier.ForAllValues },
                _ => throw NotEvaluable(reference),
            };
        }
        return ReadDeclaredMember(reference, property);
    }

    private object ReadField(IFieldReferenceOperation reference)
    {
        if (reference.Field.IsConst && reference.Field.ConstantValue is { } constant) return constant;
        if (reference.Field is { IsStatic: true, Name: "Zero" } && DisplayName(reference.Field.ContainingType) == "System.TimeSpan") return new TimeSpanValue(0);
        return ReadDeclaredMember(reference, reference.Field);
    }

    /// <summary>What the member read by <paramref name="operation"/> declares, if it is a declaration.</summary>
    private static DeclarationKind? DeclarationKindOf(IOperation operation)
    {
        ISymbol? member = operation switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IConversionOperation { Operand: IPropertyReferenceOperation property } => property.Property,
            IConversionOperation { Operand: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };
        foreach (var attribute in member?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
        {
            switch (attribute.AttributeClass is { } c ? DisplayName(c) : null)
            {
                case "PolicyAsCode.ManagedPolicyAttribute": return DeclarationKind.ManagedPolicy;
                case "PolicyAsCode.ResourcePolicyAttribute": return DeclarationKind.ResourcePolicy;
            }
        }
        return null;
    }

    /// <summary>A static member of the user's code: another declared policy, or a value it can evaluate from source.</summary>
    private object ReadDeclaredMember(IOperation reference, ISymbol member)
    {
        if (!member.IsStatic || member.DeclaringSyntaxReferences.IsEmpty) throw NotEvaluable(reference);
        var value = EvaluateMember(member, reference);
        if (_track) value = Relocate(value, reference.Syntax.GetLocation());
        var attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && DisplayName(c) == "PolicyAsCode.ManagedPolicyAttribute");
        if (attribute is not null && value is DraftValue draft && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
        {
            return new DeclaredPolicyValue(name, draft);
        }
        return value;
    }

    private object Create(IObjectCreationOperation creation)
    {
        string type = creation.Type is { } created ? DisplayName(created) : "";
        object Arg(int i) => Evaluate(creation.Arguments[i].Value);
        return type switch
        {
            "PolicyAsCode.IamAction" => new IamActionValue(AsString(Arg(0), creation)),
            "PolicyAsCode.ResourceArn" => new ResourceValue(AsString(Arg(0), creation)),
            "PolicyAsCode.StringConditionKey" or "PolicyAsCode.NumericConditionKey" or "PolicyAsCode.DateConditionKey"
                or "PolicyAsCode.BoolConditionKey" or "PolicyAsCode.ArnConditionKey" or "PolicyAsCode.IpAddressConditionKey"
                or "PolicyAsCode.BinaryConditionKey" => new KeyValue(AsString(Arg(0), creation), SetQualifier.None, false),
            "System.DateTimeOffset" => Date(creation),
            _ => throw NotEvaluable(creation),
        };
    }

    /// <summary>
    /// A date for a date condition, written with its offset so that it does not depend on the machine's time zone:
    /// <c>new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)</c> (a millisecond argument is accepted too).
    /// </summary>
    private DateValue Date(IObjectCreationOperation creation)
    {
        var parts = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var argument in creation.Arguments) parts[argument.Parameter?.Name ?? ""] = Evaluate(argument.Value);
        string[] known = ["year", "month", "day", "hour", "minute", "second", "millisecond", "offset"];
        if (!parts.Keys.All(known.Contains) || !parts.ContainsKey("year") || !parts.TryGetValue("offset", out var offsetValue) || offsetValue is not TimeSpanValue offset)
        {
            throw new EvaluationException("A date in a declaration is written new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).", creation.Syntax);
        }
        int Part(string name) => parts.TryGetValue(name, out var value) ? System.Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return new DateValue(new DateTimeOffset(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), Part("millisecond"),
                System.TimeSpan.FromTicks((long)Math.Round(offset.Seconds * System.TimeSpan.TicksPerSecond))));
        }
        catch (ArgumentException e)
        {
            throw new EvaluationException(e.Message, creation.Syntax, DiagnosticIds.InvalidDeclaration);
        }
    }

    private string Interpolate(IInterpolatedStringOperation interpolated)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    sb.Append(String(text.Text));
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    sb.Append(Evaluate(hole.Expression) switch
                    {
                        string s => s,
                        IamActionValue a => a.Value,
                        ResourceValue r => r.Value,
                        KeyValue k => k.Name,
                        int or long or decimal => System.Convert.ToString(Evaluate(hole.Expression), CultureInfo.InvariantCulture),
                        _ => throw new EvaluationException("This interpolation cannot be evaluated at compile time.", hole.Syntax),
                    });
                    break;
                default:
                    throw NotEvaluable(part);
            }
        }
        return sb.ToString();
    }

    private string String(IOperation operation) => AsString(Evaluate(operation), operation);

    private static string AsString(object value, IOperation operation) => value switch
    {
        string s => s,
        IamActionValue a => a.Value,
        ResourceValue r => r.Value,
        _ => throw new EvaluationException("A string that can be evaluated at compile time is expected here.", operation.Syntax),
    };

    /// <summary>Starts a statement (<c>Allow(...)</c>, <c>Deny(...)</c>, <c>AllExcept(...)</c>), recording where it and its actions are written.</summary>
    private DraftValue Start(DraftValue draft, IInvocationOperation invocation, Effect effect, IArgumentOperation argument, bool notAction)
    {
        var actions = Actions(argument);
        var next = draft with { Draft = draft.Draft.Start(effect, actions.Select(a => (string)a.Value), notAction) };
        if (!_track) return next;
        return next with
        {
            Sources = draft.Sources.Add(new StatementSource(SourceSpans.NameThroughArguments(invocation.Syntax))
            {
                Actions = [.. actions.Select(a => SourceSpans.Of(a.Value, a.Origin))],
            }),
        };
    }

    /// <summary>Records where a change to the last statement is written.</summary>
    private DraftValue Update(DraftValue value, Func<StatementSource, StatementSource> update)
    {
        if (!_track || value.Sources.IsEmpty) return value;
        int last = value.Sources.Length - 1;
        return value with { Sources = value.Sources.SetItem(last, update(value.Sources[last])) };
    }

    /// <summary>A value read from another member: its parts are reported on the expression that reads it.</summary>
    private static object Relocate(object value, Location at) => value switch
    {
        DraftValue draft => draft with { Sources = [.. draft.Sources.Select(_ => StatementSource.At(at))] },
        DeclaredPolicyValue declared => declared with { Draft = (DraftValue)Relocate(declared.Draft, at) },
        RoleValue role => role with
        {
            TrustSources = [.. role.TrustSources.Select(_ => StatementSource.At(at))],
            Inlines = [.. role.Inlines.Select(i => i with { Statements = [.. i.Statements.Select(_ => StatementSource.At(at))] })],
        },
        ConditionValue condition => condition with { Source = ConditionAt(condition.Condition, at) },
        object[] items => items.Select(item => Relocate(item, at)).ToArray(),
        _ => value,
    };

    private static ConditionSource ConditionAt(Condition condition, Location at)
        => new(condition, at, new ValueSource(condition.Key, at, false), [], null);

    private List<Item> Actions(IArgumentOperation argument)
        => Items(argument).Select(i => new Item(i.Value is IamActionValue a ? a.Value : i.Value is string s ? s : throw new EvaluationException("An action is expected here.", argument.Syntax), i.Origin)).ToList();

    private List<Item> Resources(IArgumentOperation argument)
        => Items(argument).Select(i => new Item(i.Value is ResourceValue r ? r.Value : i.Value is string s ? s : throw new EvaluationException("A resource is expected here.", argument.Syntax), i.Origin)).ToList();

    private List<Item> Principals(IArgumentOperation argument)
        => Items(argument).Select(i => i.Value is PrincipalSpec ? i : throw new EvaluationException("A principal is expected here.", argument.Syntax)).ToList();

    /// <summary>The conditions of an argument, each with where it is written (its own source, or the expression it comes from).</summary>
    private List<ConditionValue> Conditions(IArgumentOperation argument)
        => Items(argument).Select(i => i.Value is ConditionValue c
            ? (_track && c.Source is null ? c with { Source = ConditionAt(c.Condition, i.Origin.Syntax.GetLocation()) } : c)
            : throw new EvaluationException("A condition is expected here.", argument.Syntax)).ToList();

    /// <summary>
    /// The values of a <c>params</c> or list argument, each with the expression it comes from: the element written in the
    /// array or collection expression, or the whole argument when it evaluates to a list.
    /// </summary>
    private List<Item> Items(IArgumentOperation argument)
    {
        var value = argument.Value;
        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } when value.Type?.TypeKind != TypeKind.Error => initializer.ElementValues,
            ICollectionExpressionOperation collection when value.Type?.TypeKind != TypeKind.Error => collection.Elements,
            _ => default,
        };
        if (!elements.IsDefault)
        {
            var items = new List<Item>(elements.Length);
            foreach (var element in elements) items.Add(new Item(Evaluate(element), element));
            return items;
        }
        var evaluated = Evaluate(value);
        return evaluated is object[] array ? array.Select(v => new Item(v, value)).ToList() : [new Item(evaluated, value)];
    }

    /// <summary>Whether a type is a typed catalogue class (<c>PolicyAsCode.Aws.S3</c>, <c>S3.Keys</c>, <c>S3.Arn</c>, <c>Keys.Aws</c>).</summary>
    private static bool IsTypedCatalogueType(INamedTypeSymbol type, out string? owner, out string? nested)
    {
        owner = nested = null;
        var outer = type.ContainingType ?? type;
        if (outer.ContainingNamespace is not { } ns || DisplayName(ns) != "PolicyAsCode.Aws" || outer.Name == "AwsManaged") return false;
        owner = outer.Name;
        nested = type.ContainingType is null ? "" : type.Name;
        return true;
    }

    private object CatalogueInvocation(IInvocationOperation invocation, string owner, string nested, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in args)
        {
            values[argument.Parameter!.Name] = String(argument.Value);
        }
        return CatalogueMember(invocation, owner, nested, invocation.TargetMethod.Name, values);
    }

    /// <summary>Maps a typed catalogue member back to its catalogue entry with the naming that wrote it.</summary>
    private object CatalogueMember(IOperation operation, string owner, string nested, string member, Dictionary<string, string> arguments)
    {
        var catalogue = TypedCatalogue.Instance;
        if (owner == "Keys")
        {
            if (catalogue.GlobalKeys(nested) is { } globals && globals.TryGetValue(member, out var global)) return KeyFor(global, arguments);
            throw NotEvaluable(operation);
        }
        var members = catalogue.Service(owner) ?? throw NotEvaluable(operation);
        if (nested.Length == 0 && members.Actions.TryGetValue(member, out var action)) return new IamActionValue(action.FullName);
        if (nested == TypedServiceMembers.KeysClass && members.ConditionKeys.TryGetValue(member, out var key)) return KeyFor(key, arguments);
        if (nested == TypedServiceMembers.ArnClass && members.ResourceTypes.TryGetValue(member, out var resourceType))
        {
            return new ResourceValue(Fill(resourceType.ArnTemplate, arguments, "Partition"));
        }
        throw NotEvaluable(operation);
    }

    private static KeyValue KeyFor(ConditionKeyInfo key, Dictionary<string, string> arguments)
        => new(arguments.Count == 0 ? key.Name : Fill(key.Name, arguments, null), SetQualifier.None, false);

    /// <summary>Fills a template's placeholders with the arguments named after them (the same naming as the writer).</summary>
    private static string Fill(string template, Dictionary<string, string> arguments, string? partition)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in TypedNames.Split(template))
        {
            if (!part.IsPlaceholder)
            {
                sb.Append(part.Text);
                continue;
            }
            string parameter = TypedNames.Parameter(part.Text).TrimStart('@');
            if (arguments.TryGetValue(parameter, out var value)) sb.Append(value);
            else if (part.Text == partition) sb.Append("aws");
            else throw new EvaluationException($"No value for {part.Text}.", null);
        }
        return sb.ToString();
    }

    private static EvaluationException NotEvaluable(IOperation operation)
        => new($"'{Shorten(operation.Syntax.ToString())}' cannot be evaluated at compile time: a declaration may use constants, the typed AWS members (S3.GetObject, S3.Arn.Bucket(...), Keys.Aws.SourceIp), the PolicyAsCode DSL and other declared policies.", operation.Syntax);

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}

/// <summary>A value the interpreter cannot produce, with the syntax to report it on.</summary>
/// <param name="id">The diagnostic to report, or null when the compiler already reports an error there.</param>
internal sealed class EvaluationException(string message, SyntaxNode? syntax, string? id = DiagnosticIds.NotEvaluable) : Exception(message)
{
    public SyntaxNode? Syntax { get; } = syntax;

    public string? Id { get; } = id;
}

// The values of the interpreter: the DSL's objects as data.
internal sealed record IamActionValue(string Value);
internal sealed record ResourceValue(string Value);
internal sealed record KeyValue(string Name, SetQualifier Qualifier, bool IfExists);
internal sealed record DraftValue(DeclarationKind Kind, PolicyDraft Draft)
{
    /// <summary>Where each statement is written, one per statement, when the interpreter tracks sources; otherwise empty.</summary>
    public ImmutableArray<StatementSource> Sources { get; init; } = ImmutableArray<StatementSource>.Empty;
}
internal sealed record StepValue(DraftValue Draft);
internal sealed record EffectStepValue(DraftValue Draft, Effect Effect);
internal sealed record PrincipalStepValue(DraftValue Draft);
internal sealed record RoleValue(RoleDraft Draft, EquatableArray<string> AttachedDeclared)
{
    /// <summary>Where each trust statement is written, when tracked.</summary>
    public ImmutableArray<StatementSource> TrustSources { get; init; } = ImmutableArray<StatementSource>.Empty;

    /// <summary>Where each inline policy is written, when tracked.</summary>
    public ImmutableArray<InlineSource> Inlines { get; init; } = ImmutableArray<InlineSource>.Empty;
}
internal sealed record DeclaredPolicyValue(string Name, DraftValue Draft);
internal sealed record ManagedPolicyValue(string Name, string Arn);
internal sealed record TimeSpanValue(double Seconds);
internal sealed record DateValue(DateTimeOffset Value);

/// <summary>One value of a list argument and the expression it comes from.</summary>
internal readonly record struct Item(object Value, IOperation Origin);
