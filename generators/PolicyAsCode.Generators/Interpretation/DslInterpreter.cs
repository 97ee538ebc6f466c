using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

/// <summary>
/// Evaluates a DSL expression at compile time by walking its <see cref="IOperation"/> tree and applying the same
/// operations the runtime DSL applies (<see cref="PolicyDraft"/>, <see cref="RoleDraft"/>, <see cref="PrincipalSpec"/>,
/// <see cref="ConditionDraft"/>). What a DSL call means is read from the member's <c>[DslMember]</c> mark
/// (<see cref="DslSymbols.MarkOf"/>), never from its name. It knows constants, the typed catalogue members, the DSL's
/// members, and other declared policies; anything else is reported on the exact expression that cannot be evaluated.
/// Every value records where it is written (<see cref="DslSources"/>), for the analyzer.
/// </summary>
/// <remarks>
/// This file walks expressions: constants, conversions, lists, strings and reads of members. The DSL's operations are
/// in the partial files by concern: <c>.Policies</c>, <c>.Roles</c>, <c>.Principals</c>, <c>.Conditions</c>,
/// <c>.Catalogue</c> (the typed members) and <c>.Tracking</c> (where values are written).
/// </remarks>
internal sealed partial class DslInterpreter
{
    // A fluent chain nests one call per step (Allow, On, When, Named), so a long policy is a deep expression: the limit
    // leaves room for hundreds of statements, and the stack check below stops before the compiler's stack runs out.
    private const int MaxDepth = 2000;
    private readonly Compilation _compilation;
    private readonly SemanticModel? _model;
    private readonly DslSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _evaluating = new(SymbolEqualityComparer.Default);
    private int _depth;

    /// <param name="compilation">The compilation.</param>
    /// <param name="model">The semantic model the pipeline already has for the declaration's tree, reused when possible.</param>
    /// <param name="symbols">The DSL's symbols in <paramref name="compilation"/>.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public DslInterpreter(Compilation compilation, SemanticModel? model, DslSymbols symbols, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _model = model;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
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
        _declaration ??= member;
        // A member's value sees no helper's parameters or locals, whoever reads it.
        var (savedScope, savedFrames) = (_scope, _frames.ToArray());
        _scope = new Scope(null);
        _frames.Clear();
        try
        {
            // A partial property's value is in its implementing part.
            var source = member is IPropertySymbol { PartialImplementationPart: { } implementation } ? implementation : member;
            var syntax = source.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken)
                ?? throw new EvaluationException($"'{member.Name}' has no source to evaluate.", null);
            ReadMembers?.Add(syntax);
            if (MemberValueSyntax.ValueOf(syntax) is null && GetterBody(member, syntax) is { } getter)
            {
                var computed = getter;
                EvaluatedMembers?.TryAdd(member, computed);
                return computed;
            }
            var expression = MemberValueSyntax.ValueOf(syntax)
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
            _scope = savedScope;
            _frames.AddRange(savedFrames);
        }
    }

    public object Evaluate(IOperation operation) => Evaluate(operation, nullable: false);

    /// <param name="operation">The expression.</param>
    /// <param name="nullable">Whether null may be the value (as <see cref="s_null"/>): where a helper compares or passes it on.</param>
    private object Evaluate(IOperation operation, bool nullable)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Step(operation);
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
                return operation.ConstantValue.Value ?? (nullable ? s_null : throw new EvaluationException("null is not a value a policy can hold.", operation.Syntax));
            }
            var value = EvaluateOperation(operation, nullable);
            if (value == s_null && !nullable) throw new EvaluationException($"'{Shorten(operation.Syntax.ToString())}' is null here, which is not a value a policy can hold.", operation.Syntax);
            return value;
        }
        finally
        {
            _depth--;
        }
    }

    private object EvaluateOperation(IOperation operation, bool nullable)
    {
            switch (operation)
            {
                case IParenthesizedOperation parenthesized:
                    return Evaluate(parenthesized.Operand, nullable);
                case IConversionOperation conversion:
                    return Convert(conversion, nullable);
                case IInvocationOperation invocation:
                    return Invoke(invocation);
                case IParameterReferenceOperation parameter:
                    return ReadParameter(parameter);
                case ILocalReferenceOperation local:
                    return ReadLocal(local);
                case IConditionalOperation { WhenFalse: not null } conditional:
                    return Conditional(conditional);
                case ISwitchExpressionOperation switchExpression:
                    return Switch(switchExpression);
                case IIsPatternOperation isPattern:
                    return IsPattern(isPattern);
                case ICoalesceOperation coalesce:
                    return Coalesce(coalesce);
                case IBinaryOperation binary:
                    return Binary(binary);
                case IUnaryOperation unary:
                    return Unary(unary);
                case IDelegateCreationOperation creation:
                    return Delegate(creation);
                case IAnonymousFunctionOperation function:
                    return new Closure(function, _scope);
                case IArrayElementReferenceOperation element:
                    return Element(element);
                case IPropertyReferenceOperation { Instance: { } list, Property.Name: "Length" or "Count" } when IsListOrString(list.Type):
                    return Evaluate(list) is string text ? text.Length : List(list).Length;
                case IAssignmentOperation assignment:
                    return Assign(assignment);
                case IIncrementOrDecrementOperation increment:
                    throw new EvaluationException($"'{Shorten(increment.Syntax.ToString())}' changes a variable: code evaluated at compile time may only give its own local variables a value with '='.", increment.Syntax);
                case IThrowOperation:
                    throw new EvaluationException($"'{Shorten(operation.Syntax.ToString())}' throws: a declaration evaluated at compile time must have a value, not an exception.", operation.Syntax);
                case IPropertyReferenceOperation property:
                    return ReadProperty(property);
                case IFieldReferenceOperation field:
                    return ReadField(field);
                case IArrayCreationOperation array when array.Initializer is not null:
                    return array.Initializer.ElementValues.Select(Evaluate).ToArray();
                case ICollectionExpressionOperation collection:
                    return CollectionItems(collection).Select(i => i.Value).ToArray();
                case IInterpolatedStringOperation interpolated:
                    return Interpolate(interpolated);
                case IObjectCreationOperation creation:
                    return Create(creation);
                case IArgumentOperation argument:
                    return Evaluate(argument.Value);
                case IDefaultValueOperation:
                    throw new EvaluationException("default values cannot be part of a policy.", operation.Syntax);
            }
            throw NotEvaluable(operation);
    }

    private static EvaluationException TooDeep(IOperation operation)
        => new("The expression is nested too deeply to evaluate.", operation.Syntax);

    private object Convert(IConversionOperation conversion, bool nullable)
    {
        var value = Evaluate(conversion.Operand, nullable);
        var target = conversion.Type;
        if (target is null || value == s_null) return value;
        if (target.SpecialType == SpecialType.System_Decimal) return System.Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return _symbols.MarkOfType(target)?.Op switch
        {
            DslOp.Action => new IamActionValue(AsString(value, conversion.Operand)),
            DslOp.Resource => new ResourceValue(AsString(value, conversion.Operand)),
            _ => value,
        };
    }

    /// <summary>A call: a typed catalogue member with parameters, a <c>TimeSpan</c> factory, or a DSL member by its mark.</summary>
    private object Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        // The user's own helpers, System.Linq and delegates (DslInterpreter.Helpers, .Linq).
        if (InvokeHelper(invocation) is { } helped) return helped;
        object? receiver = invocation.Instance is null ? null : Evaluate(invocation.Instance);
        // By parameter, whatever order named arguments are written in.
        var args = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).ToImmutableArray();

        // Typed catalogue members with parameters: ARN builders and condition keys with placeholders.
        if (method.IsStatic && _symbols.IsTypedCatalogueType(method.ContainingType, out var owner, out var nested))
        {
            return CatalogueInvocation(invocation, owner!, nested!, args);
        }
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.TimeSpan)) return EvaluateTimeSpan(invocation, method.Name, args);

        if (_symbols.MarkOf(method) is not { } mark) throw NotEvaluable(invocation);
        try
        {
            return mark.Op switch
            {
                DslOp.IdentityPolicy or DslOp.ResourcePolicy or DslOp.ServiceControlPolicy or DslOp.ResourceControlPolicy or DslOp.Start or DslOp.Effect or DslOp.StartNotAction or DslOp.Resources
                    or DslOp.AllResources or DslOp.NotResources or DslOp.Principals or DslOp.NotPrincipals or DslOp.Conditions
                    or DslOp.Sid or DslOp.Include or DslOp.PolicyId => InvokePolicy(invocation, mark, receiver, args),
                DslOp.DefineRole or DslOp.TrustedBy or DslOp.Attach or DslOp.AttachArn or DslOp.Inline or DslOp.PermissionsBoundary
                    or DslOp.MaxSession or DslOp.RolePath or DslOp.RoleDescription or DslOp.PermissionsBoundaryArn => InvokeRole(invocation, mark.Op, (RoleValue?)receiver, args),
                DslOp.AccountPrincipal or DslOp.RolePrincipal or DslOp.UserPrincipal or DslOp.AssumedRolePrincipal or DslOp.ArnPrincipal
                    or DslOp.ServicePrincipal or DslOp.SamlPrincipal or DslOp.GitHubActionsPrincipal or DslOp.WebIdentityPrincipal
                    or DslOp.PrincipalWithMfa or DslOp.PrincipalConditions or DslOp.GitHubActionsTagPrincipal or DslOp.GitHubActionsEnvironmentPrincipal
                    or DslOp.GitHubActionsPullRequestPrincipal => InvokePrincipal(invocation, mark.Op, (PrincipalSpec?)receiver, args),
                DslOp.IfExists or DslOp.Condition when receiver is KeyValue key => InvokeKey(invocation, mark, key),
                _ => throw NotEvaluable(invocation),
            };
        }
        catch (DslException e)
        {
            throw new EvaluationException(e.Message, invocation.Syntax, DiagnosticIds.InvalidDeclaration);
        }
    }

    private object ReadProperty(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var containing = property.ContainingType;
        if (property.IsStatic && _symbols.IsTypedCatalogueType(containing, out var owner, out var nested))
        {
            return CatalogueMember(reference, owner!, nested!, property.Name, []);
        }
        var mark = _symbols.MarkOf(property);
        switch (mark)
        {
            case { Op: DslOp.Action, Value: { } action }: return new IamActionValue(action);
            case { Op: DslOp.Resource, Value: { } resource }: return new ResourceValue(resource);
            case { Op: DslOp.Everyone }: return PrincipalSpec.Everyone;
        }
        if (property.IsStatic && _symbols.IsInTypedNamespace(containing))
        {
            var arn = _symbols.AwsManagedPolicyArn(property) ?? throw NotEvaluable(reference);
            return new ManagedPolicyValue(arn.Substring(arn.LastIndexOf('/') + 1), arn);
        }
        if (reference.Instance is not null && Evaluate(reference.Instance) is KeyValue key)
        {
            return mark?.Op switch
            {
                DslOp.ForAnyValue => key with { Qualifier = SetQualifier.ForAnyValue },
                DslOp.ForAllValues => key with { Qualifier = SetQualifier.ForAllValues },
                _ => throw NotEvaluable(reference),
            };
        }
        return ReadDeclaredMember(reference, property);
    }

    private object ReadField(IFieldReferenceOperation reference)
    {
        if (reference.Field.IsConst && reference.Field.ConstantValue is { } constant) return constant;
        if (reference.Field is { IsStatic: true, Name: nameof(System.TimeSpan.Zero) } && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, _symbols.TimeSpan)) return new TimeSpanValue(0);
        return ReadDeclaredMember(reference, reference.Field);
    }

    /// <summary>A static member of the user's code: another declared policy, or a value it can evaluate from source.</summary>
    private object ReadDeclaredMember(IOperation reference, ISymbol member)
    {
        if (!member.IsStatic || member.DeclaringSyntaxReferences.IsEmpty) throw NotEvaluable(reference);
        var value = Relocate(EvaluateMember(member, reference), reference.Syntax.GetLocation());
        if (_symbols.DeclarationAttribute(member) is (DeclarationKind.ManagedPolicy, var attribute)
            && value is DraftValue draft && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
        {
            return new DeclaredPolicyValue(name, draft);
        }
        return value;
    }

    /// <summary><c>new IamAction(...)</c>, <c>new ResourceArn(...)</c>, a condition key by name, or a date.</summary>
    private object Create(IObjectCreationOperation creation)
    {
        object Arg(int i) => Evaluate(creation.Arguments[i].Value);
        if (creation.Type is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _symbols.DateTimeOffset)) return Date(creation);
        return _symbols.MarkOfType(creation.Type)?.Op switch
        {
            DslOp.Action => new IamActionValue(AsString(Arg(0), creation)),
            DslOp.Resource => new ResourceValue(AsString(Arg(0), creation)),
            DslOp.ConditionKey => new KeyValue(AsString(Arg(0), creation), SetQualifier.None, false),
            _ => throw NotEvaluable(creation),
        };
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
        if (value is ICollectionExpressionOperation collectionExpression && value.Type?.TypeKind != TypeKind.Error) return CollectionItems(collectionExpression);
        if (!elements.IsDefault)
        {
            var items = new List<Item>(elements.Length);
            foreach (var element in elements) items.Add(new Item(Evaluate(element), element));
            return items;
        }
        var evaluated = Evaluate(value);
        return evaluated is object[] array ? array.Select(v => new Item(v, value)).ToList() : [new Item(evaluated, value)];
    }

    private static EvaluationException NotEvaluable(IOperation operation)
        => new($"'{Shorten(operation.Syntax.ToString())}' cannot be evaluated at compile time: a declaration may use constants, the typed AWS members (S3.GetObject, S3.Arn.Bucket(...), Keys.Aws.SourceIp), the PolicyAsCode DSL, other declared policies and its project's own static helper methods.", operation.Syntax);

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
