using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyAsCode.Generators;

// The common System.Linq operators over evaluated lists (object[]), with Enumerable's meaning: order kept, Distinct
// keeping first occurrences. Each element produced is a step of the budget (MaxSteps).
internal sealed partial class DslInterpreter
{
    /// <summary>The operators evaluated, as the messages name them.</summary>
    internal const string LinqOperators = "Select, Where, SelectMany, Concat, Append, Prepend, Distinct, ToArray and ToList";

    private INamedTypeSymbol? _enumerable;
    private bool _enumerableResolved;

    private bool IsLinq(IMethodSymbol method)
    {
        if (!_enumerableResolved)
        {
            _enumerable = _compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            _enumerableResolved = true;
        }
        return _enumerable is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _enumerable);
    }

    /// <summary>An array, a <c>List&lt;T&gt;</c> (what <c>ToList()</c> gives) or a string: what <c>Length</c>, <c>Count</c> and <c>ToArray()</c> apply to.</summary>
    private static bool IsListOrString(ITypeSymbol? type)
        => type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String || IsList(type);

    private static bool IsList(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "List", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    private object InvokeLinq(IInvocationOperation invocation)
    {
        var outer = _linq;
        _linq ??= invocation;
        try
        {
            return Linq(invocation);
        }
        finally
        {
            _linq = outer;
        }
    }

    private object Linq(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var args = invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue).ToArray();
        if (args.Length == 0) throw NotLinq(invocation);
        var source = List(args[0].Value);
        switch (method.Name, args.Length)
        {
            case ("ToArray" or "ToList", 1):
                return Produce(source, invocation);
            case ("Concat", 2):
                return Produce([.. source, .. List(args[1].Value)], invocation);
            case ("Append", 2):
                return Produce([.. source, Evaluate(args[1].Value)], invocation);
            case ("Prepend", 2):
                return Produce([Evaluate(args[1].Value), .. source], invocation);
            case ("Distinct", 1):
            {
                var seen = new HashSet<object>();
                var distinct = new List<object>();
                foreach (var item in source)
                {
                    Step(invocation);
                    if (item is not (string or IamActionValue or ResourceValue or bool or char) && !IsNumber(item))
                    {
                        // Other DSL objects (principals, conditions) are compared by reference at run time.
                        throw new EvaluationException("Distinct can be evaluated at compile time over strings, numbers, actions and resources only.", invocation.Syntax);
                    }
                    if (seen.Add(item)) distinct.Add(item);
                }
                return distinct.ToArray();
            }
            case ("Select", 2):
            {
                var selector = Evaluate(args[1].Value);
                bool indexed = Arity(selector) == 2;
                var selected = new object[source.Length];
                for (int i = 0; i < source.Length; i++)
                {
                    Step(invocation);
                    selected[i] = CallDelegate(selector, indexed ? [source[i], i] : [source[i]], invocation);
                }
                return selected;
            }
            case ("Where", 2):
            {
                var predicate = Evaluate(args[1].Value);
                bool indexed = Arity(predicate) == 2;
                var kept = new List<object>();
                for (int i = 0; i < source.Length; i++)
                {
                    Step(invocation);
                    if (CallDelegate(predicate, indexed ? [source[i], i] : [source[i]], invocation) is not bool keep)
                    {
                        throw new EvaluationException("The predicate of Where must return true or false.", args[1].Syntax);
                    }
                    if (keep) kept.Add(source[i]);
                }
                return kept.ToArray();
            }
            case ("SelectMany", 2):
            {
                var selector = Evaluate(args[1].Value);
                bool indexed = Arity(selector) == 2;
                var flattened = new List<object>();
                for (int i = 0; i < source.Length; i++)
                {
                    Step(invocation);
                    if (CallDelegate(selector, indexed ? [source[i], i] : [source[i]], invocation) is not object[] items)
                    {
                        throw new EvaluationException("The selector of SelectMany must return a list.", args[1].Syntax);
                    }
                    foreach (var item in items)
                    {
                        Step(invocation);
                        flattened.Add(item);
                    }
                }
                return flattened.ToArray();
            }
        }
        throw NotLinq(invocation);
    }

    /// <summary>A copy of a list, a step per element.</summary>
    private object[] Produce(object[] items, IOperation at)
    {
        for (int i = 0; i < items.Length; i++) Step(at);
        return items.Length == 0 ? items : (object[])items.Clone();
    }

    private static int Arity(object function) => function switch
    {
        Closure closure => closure.Function.Symbol.Parameters.Length,
        MethodGroup group => group.Method.Parameters.Length,
        _ => 1,
    };

    private static EvaluationException NotLinq(IInvocationOperation invocation)
        => new($"'{Shorten(invocation.Syntax.ToString())}' calls Enumerable.{invocation.TargetMethod.Name} in a form that cannot be evaluated at compile time: the operators evaluated are {LinqOperators} (without comparers or result selectors).", invocation.Syntax);
}
