using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// The user's own helpers: calls of static methods and local functions of the compilation, run on their IOperation body
// with an environment for parameters and locals (Scope), delegates (lambdas and method groups) and bounds on the work (no
// recursion, a step budget). The statements a body may have are in .Statements; where the values it returns are written
// is mapped out of the helper when it returns (MapOut, in .HelperSources).
internal sealed partial class DslInterpreter
{
    /// <summary>
    /// The work one evaluation may do (each expression, statement and element a LINQ operator produces is a step). An
    /// ordinary declaration takes a few hundred; the limit stops huge LINQ chains within about a tenth of a second.
    /// </summary>
    internal const int MaxSteps = 100_000;

    private static readonly object s_null = new NullValue();
    private static readonly object s_unassigned = new NullValue();
    private readonly List<Frame> _frames = [];
    /// <summary>
    /// Helpers' bound bodies, per compilation: binding a body (lambdas, overloads) costs milliseconds, and a helper is
    /// usually shared by many declarations, each evaluated by its own interpreter. Operation trees are immutable.
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<IMethodSymbol, (SyntaxNode Syntax, IBlockOperation? Body, bool Invalid)>> s_bodies = new();
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
    private Scope? _scope = new(null);
    private int _steps;
    private ISymbol? _declaration;
    private IOperation? _linq;

    /// <summary>One call of a helper: the call site, the helper's syntax (whose values are mapped out), its arguments and the reads of its parameters.</summary>
    private sealed class Frame(IMethodSymbol method, SyntaxNode syntax, IOperation? call)
    {
        public IMethodSymbol Method { get; } = method;
        public SyntaxNode Syntax { get; } = syntax;

        /// <summary>Where the helper is called; null for a declaration's own getter body.</summary>
        public IOperation? Call { get; } = call;

        public Dictionary<IParameterSymbol, Argument> Arguments { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Each reference to a parameter evaluated in the body, by its span.</summary>
        public Dictionary<TextSpan, IParameterSymbol> ParameterReads { get; } = [];

        /// <summary>The caller's scope while this frame runs, for the local functions declared there.</summary>
        public Scope? CallerScope { get; set; }
    }

    /// <summary>An argument as written at the call site: the expression, and each element of a list argument.</summary>
    private sealed record Argument(IOperation? Operation, List<Item>? Elements);

    /// <summary>Parameters and locals in scope, innermost first.</summary>
    private sealed class Scope(Scope? parent)
    {
        private readonly Dictionary<ISymbol, object> _values = new(SymbolEqualityComparer.Default);

        public Scope? Parent { get; } = parent;

        public void Declare(ISymbol symbol, object value) => _values[symbol] = value;

        public bool TryGet(ISymbol symbol, out object value)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._values.TryGetValue(symbol, out value!)) return true;
            }
            value = null!;
            return false;
        }

        public bool TrySet(ISymbol symbol, object value)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope._values.ContainsKey(symbol))
                {
                    scope._values[symbol] = value;
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>null (and an unassigned local), which a helper may compare with but a policy cannot hold.</summary>
    private sealed class NullValue;

    /// <summary>A lambda with the scope it was written in.</summary>
    private sealed class Closure(IAnonymousFunctionOperation function, Scope? scope)
    {
        public IAnonymousFunctionOperation Function { get; } = function;
        public Scope? Scope { get; } = scope;
    }

    /// <summary>A method group converted to a delegate (<c>Select(ArnOf)</c>).</summary>
    private sealed class MethodGroup(IMethodSymbol method)
    {
        public IMethodSymbol Method { get; } = method;
    }

    /// <summary>What <see cref="Execute"/> returns when a <c>return</c> ends the body.</summary>
    private sealed class Returned(object value)
    {
        public object Value { get; } = value;
    }

    /// <summary>Counts a step; past the budget, reports the outermost LINQ call running (the chain to shorten), or else the expression.</summary>
    private void Step(IOperation at)
    {
        if (++_steps > MaxSteps)
        {
            var culprit = _linq ?? at;
            throw new EvaluationException($"'{Shorten(culprit.Syntax.ToString())}' takes more than {MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps to evaluate (a huge LINQ chain or list): the generator stops here. Keep compile-time lists to the size of a policy.", culprit.Syntax);
        }
    }

    /// <summary>
    /// A call the helpers handle: one of the user's static methods or local functions, a <c>System.Linq</c> operator, a
    /// delegate; or an error for a call that cannot be evaluated (an instance method, a method of a library). Null for
    /// the calls of the DSL, the typed catalogue and TimeSpan, which <see cref="Invoke"/> handles.
    /// </summary>
    private object? InvokeHelper(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance is { } target)
        {
            var values = Arguments(invocation).Select(a => a.Value).ToArray();
            return CallDelegate(EvaluateNullable(target), values, invocation);
        }
        if (IsLinq(method)) return InvokeLinq(invocation);
        if (method is { Name: "ToArray", Parameters.Length: 0 } && invocation.Instance is { } list && IsList(method.ContainingType)) return Produce(List(list), invocation);
        if (SourceMethod(method) is { } definition)
        {
            if (!method.IsStatic && method.MethodKind != MethodKind.LocalFunction)
            {
                throw new EvaluationException($"'{Shorten(invocation.Syntax.ToString())}' calls the instance method '{method.Name}': only static methods and local functions can be evaluated at compile time.", invocation.Syntax);
            }
            var arguments = Arguments(invocation);
            return Call(definition, invocation, arguments);
        }
        if (_symbols.MarkOf(method) is null && !(method.IsStatic && _symbols.IsTypedCatalogueType(method.ContainingType, out _, out _))
            && !SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.TimeSpan))
        {
            throw new EvaluationException($"'{Shorten(invocation.Syntax.ToString())}' calls '{method.ContainingType?.Name}.{method.Name}', which cannot be run at compile time: a declaration may call its project's own static methods and local functions, the System.Linq operators {LinqOperators}, the typed AWS members and the PolicyAsCode DSL.", invocation.Syntax);
        }
        return null;
    }

    /// <summary>The method whose body can be evaluated (a partial method's implementation), or null for a method without source in this compilation.</summary>
    private IMethodSymbol? SourceMethod(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        definition = definition.PartialImplementationPart ?? definition;
        if (definition.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || definition.DeclaringSyntaxReferences.IsEmpty) return null;
        return _symbols.MarkOf(method) is null ? definition : null;
    }

    /// <summary>The arguments of a call in parameter order, evaluated where they are written, with each element of a list argument.</summary>
    private List<(int Ordinal, object Value, Argument Argument)> Arguments(IInvocationOperation invocation)
    {
        var arguments = new List<(int, object, Argument)>(invocation.Arguments.Length);
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            if (argument.Parameter is not { } parameter) throw NotEvaluable(argument);
            if (parameter.RefKind is not (RefKind.None or RefKind.In))
            {
                throw new EvaluationException($"'{parameter.Name}' is a ref or out parameter: a helper evaluated at compile time takes its arguments by value.", argument.Syntax);
            }
            // An omitted optional argument has its default value, written in the helper, not at the call.
            // (A params argument is implicit, its elements are not.)
            bool written = argument.ArgumentKind == ArgumentKind.ParamArray || (argument.ArgumentKind != ArgumentKind.DefaultValue && !argument.IsImplicit);
            if (parameter.Type is IArrayTypeSymbol && !IsNull(argument.Value))
            {
                var items = Items(argument);
                arguments.Add((parameter.Ordinal, items.Select(i => i.Value).ToArray(), new Argument(written ? argument.Value : null, written ? items : null)));
            }
            else
            {
                arguments.Add((parameter.Ordinal, EvaluateNullable(argument.Value), new Argument(written ? argument.Value : null, null)));
            }
        }
        return arguments;
    }

    private static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

    /// <summary>Runs a helper's body with its parameters bound, and maps where its values are written out of it.</summary>
    private object Call(IMethodSymbol method, IOperation call, List<(int Ordinal, object Value, Argument Argument)> arguments)
    {
        Step(call);
        if (_frames.Any(f => SymbolEqualityComparer.Default.Equals(f.Method, method)))
        {
            throw new EvaluationException($"'{Shorten(call.Syntax.ToString())}' calls '{method.Name}' while '{method.Name}' is running (recursion): a helper evaluated at compile time cannot call itself, directly or through other helpers.", call.Syntax);
        }
        var (syntax, body) = Body(method, call);
        // A helper's body is an input of the declaration: editing it evaluates its callers again (DeclarationCache).
        if (method.MethodKind != MethodKind.LocalFunction) ReadMembers?.Add(syntax);

        var scope = new Scope(method.MethodKind == MethodKind.LocalFunction ? ScopeOf(method.ContainingSymbol) : null);
        var frame = new Frame(method, syntax, call);
        foreach (var (ordinal, value, argument) in arguments)
        {
            if (ordinal >= method.Parameters.Length) throw NotEvaluable(call);
            scope.Declare(method.Parameters[ordinal], value);
            frame.Arguments[method.Parameters[ordinal]] = argument;
        }
        if (arguments.Count != method.Parameters.Length) throw NotEvaluable(call);

        var saved = _scope;
        if (_frames.Count > 0) _frames[_frames.Count - 1].CallerScope = saved;
        _frames.Add(frame);
        _scope = scope;
        try
        {
            var result = Execute(body) as Returned
                ?? throw new EvaluationException($"'{method.Name}' ends without returning a value.", syntax is MethodDeclarationSyntax m ? m.Identifier.Parent! : syntax);
            if (result.Value == s_null)
            {
                throw new EvaluationException($"'{Shorten(call.Syntax.ToString())}' returns null, which is not a value a policy can hold.", call.Syntax);
            }
            return MapOut(result.Value, frame);
        }
        catch (EvaluationException e) when (e.Id is not null && e.Syntax is { } at && Inside(at.SyntaxTree, at.Span, frame) && e is not HelperEvaluationException)
        {
            throw HelperError(e, frame);
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
            _scope = saved;
        }
    }

    /// <summary>
    /// An error inside a helper. One that cannot be evaluated (PAC200) stays on the exact expression, which is what must
    /// change, and names the declaration it was evaluated for. One the DSL rejects (PAC201) is about a value: it goes
    /// where that value is written in the caller, the argument when it comes from one parameter, else the call.
    /// </summary>
    private Exception HelperError(EvaluationException e, Frame frame)
    {
        string context = $" (in '{frame.Method.Name}', evaluated for '{_declaration?.Name}')";
        if (e.Id != DiagnosticIds.InvalidDeclaration || frame.Call is null) return new HelperEvaluationException(e.Message + context, e.Syntax, e.Id);
        var parameter = SingleParameter(e.Syntax!.Span, frame);
        var at = parameter is not null && frame.Arguments.TryGetValue(parameter, out var argument) && argument.Operation is { } written ? written.Syntax : frame.Call.Syntax;
        return new EvaluationException(e.Message + $" (in '{frame.Method.Name}')", at, e.Id);
    }

    /// <summary>An error already placed and described inside a helper: the callers above pass it on as it is.</summary>
    private sealed class HelperEvaluationException(string message, SyntaxNode? syntax, string? id) : EvaluationException(message, syntax, id);

    /// <summary>The scope in which a local function declared in <paramref name="container"/> runs.</summary>
    private Scope? ScopeOf(ISymbol container)
    {
        for (int i = _frames.Count - 1; i >= 0; i--)
        {
            if (!SymbolEqualityComparer.Default.Equals(_frames[i].Method, container)) continue;
            return i == _frames.Count - 1 ? _scope : _frames[i].CallerScope;
        }
        return null;
    }

    /// <summary>A method's body (bound once per evaluation) and the syntax it is declared by.</summary>
    private (SyntaxNode Syntax, IBlockOperation Body) Body(IMethodSymbol method, IOperation call)
    {
        var bodies = s_bodies.GetValue(_compilation, static _ => new ConcurrentDictionary<IMethodSymbol, (SyntaxNode, IBlockOperation?, bool)>(SymbolEqualityComparer.Default));
        if (!bodies.TryGetValue(method, out var known))
        {
            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
            IBlockOperation? bound = ModelFor(declaration.SyntaxTree).GetOperation(declaration, _cancellationToken) switch
            {
                IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
                ILocalFunctionOperation localFunction => localFunction.Body,
                _ => null,
            };
            bool invalid = bound is not null && (bound.Type?.TypeKind == TypeKind.Error || bound.Descendants().Any(o => o is IInvalidOperation));
            known = bodies.GetOrAdd(method, (declaration, bound, invalid));
        }
        var (syntax, body, hasErrors) = known;
        if (body is null || method.IsAsync || method.IsExtern || method.IsAbstract)
        {
            throw new EvaluationException($"'{method.Name}' has no body that can be evaluated at compile time.", call.Syntax);
        }
        if (hasErrors)
        {
            throw new EvaluationException("The code has compilation errors.", syntax, id: null);
        }
        return (syntax, body);
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (_model is not null && _model.SyntaxTree == tree) return _model;
        if (!_models.TryGetValue(tree, out var model)) _models[tree] = model = _compilation.GetSemanticModel(tree);
        return model;
    }

    /// <summary>
    /// The value of a property whose getter is a block of statements (locals, local functions, if, return), or null when
    /// the member has no such getter.
    /// </summary>
    private object? GetterBody(ISymbol member, SyntaxNode syntax)
    {
        if (member is not IPropertySymbol { GetMethod: { } getter } || syntax is not PropertyDeclarationSyntax { AccessorList: { } accessors }) return null;
        if (accessors.Accessors.FirstOrDefault(a => a.Keyword.Text == "get") is not { Body: { } block } accessor) return null;
        if (ModelFor(syntax.SyntaxTree).GetOperation(accessor, _cancellationToken) is not IMethodBodyOperation { BlockBody: { } body }) return null;
        if (body.Descendants().Any(o => o is IInvalidOperation)) throw new EvaluationException("The code has compilation errors.", block, id: null);
        var frame = new Frame(getter, accessor, call: null);
        _frames.Add(frame);
        _scope = new Scope(null);
        try
        {
            var result = Execute(body) as Returned ?? throw new EvaluationException($"The getter of '{member.Name}' ends without returning a value.", accessor);
            return result.Value == s_null ? throw new EvaluationException($"The getter of '{member.Name}' returns null, which is not a value a policy can hold.", accessor) : result.Value;
        }
        finally
        {
            _frames.Remove(frame);
            _scope = null;
        }
    }

    /// <summary>The elements of a collection expression, each with the expression it comes from; a spread's elements come from the spread list.</summary>
    private List<Item> CollectionItems(ICollectionExpressionOperation collection)
    {
        var elementType = collection.Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments: [var argument] } => argument,
            _ => null,
        };
        var items = new List<Item>(collection.Elements.Length);
        foreach (var element in collection.Elements)
        {
            if (element is ISpreadOperation spread)
            {
                foreach (var value in List(spread.Operand))
                {
                    Step(spread);
                    items.Add(new Item(ConvertElement(value, elementType), spread.Operand));
                }
            }
            else
            {
                items.Add(new Item(Evaluate(element), element));
            }
        }
        return items;
    }

    /// <summary>A spread element converted to the collection's element type (a string spread into an <c>IamAction[]</c>).</summary>
    private object ConvertElement(object value, ITypeSymbol? elementType) => value is string text
        ? _symbols.MarkOfType(elementType)?.Op switch
        {
            Dsl.DslOp.Action => new IamActionValue(text),
            Dsl.DslOp.Resource => new ResourceValue(text),
            _ => value,
        }
        : value;

    /// <summary>Calls a lambda or a method group with evaluated arguments.</summary>
    private object CallDelegate(object target, object[] arguments, IOperation call)
    {
        switch (target)
        {
            case Closure closure:
            {
                Step(call);
                var parameters = closure.Function.Symbol.Parameters;
                if (parameters.Length != arguments.Length) throw NotEvaluable(call);
                var saved = _scope;
                _scope = new Scope(closure.Scope);
                try
                {
                    for (int i = 0; i < parameters.Length; i++) _scope.Declare(parameters[i], arguments[i]);
                    var result = Execute(closure.Function.Body) as Returned ?? throw NotEvaluable(closure.Function);
                    return result.Value;
                }
                finally
                {
                    _scope = saved;
                }
            }
            case MethodGroup group when SourceMethod(group.Method) is { } method && method.IsStatic:
                return Call(method, call, [.. arguments.Select((value, i) => (i, value, new Argument(null, null)))]);
            default:
                throw new EvaluationException($"'{Shorten(call.Syntax.ToString())}' calls a delegate that cannot be evaluated at compile time: use a lambda or one of your own static methods.", call.Syntax);
        }
    }

    /// <summary>A lambda or a method group as a delegate.</summary>
    private object Delegate(IDelegateCreationOperation creation) => creation.Target switch
    {
        IAnonymousFunctionOperation function => new Closure(function, _scope),
        IMethodReferenceOperation { Instance: null, Method: var method } when SourceMethod(method) is not null => new MethodGroup(method),
        _ => throw new EvaluationException($"'{Shorten(creation.Syntax.ToString())}' cannot be evaluated at compile time: a delegate must be a lambda or one of your own static methods.", creation.Syntax),
    };
}
