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

// The statements a helper's body may have: blocks, locals and local functions, if/else, return, and assignments to
// locals; and reads of the parameters and locals they bind (the helper's Scope).
internal sealed partial class DslInterpreter
{
    /// <summary>Runs a statement; a <see cref="Returned"/> when a <c>return</c> ends the body, else null.</summary>
    private Returned? Execute(IOperation statement)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        Step(statement);
        switch (statement)
        {
            case IBlockOperation block:
            {
                var saved = _scope;
                _scope = new Scope(saved);
                try
                {
                    foreach (var inner in block.Operations)
                    {
                        if (Execute(inner) is { } returned) return returned;
                    }
                    return null;
                }
                finally
                {
                    _scope = saved;
                }
            }
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var initializer = declarator.Initializer ?? declaration.Initializer;
                        _scope!.Declare(declarator.Symbol, initializer is null ? s_unassigned : EvaluateNullable(initializer.Value));
                    }
                }
                return null;
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }:
                return new Returned(EvaluateNullable(value));
            case IConditionalOperation conditional:
            {
                var branch = Condition(conditional.Condition) ? conditional.WhenTrue : conditional.WhenFalse;
                return branch is null ? null : Execute(branch);
            }
            case IExpressionStatementOperation expression:
                EvaluateNullable(expression.Operation);
                return null;
            case ILocalFunctionOperation or IEmptyOperation:
                return null;
            case ILoopOperation:
                throw new EvaluationException("Loops cannot be evaluated at compile time: build lists with arrays, collection expressions and System.Linq (Select, Where, SelectMany, Concat).", statement.Syntax);
            default:
                throw new EvaluationException($"'{Shorten(statement.Syntax.ToString())}' cannot be evaluated at compile time: a helper's body may declare local variables and use if, return and expressions.", statement.Syntax);
        }
    }

    /// <summary>A parameter's value in the running helper, remembering where it is read (for <see cref="MapOut"/>).</summary>
    private object ReadParameter(IParameterReferenceOperation reference)
    {
        var parameter = reference.Parameter;
        if (_scope is null || !_scope.TryGet(parameter, out var value)) throw NotEvaluable(reference);
        for (int i = _frames.Count - 1; i >= 0; i--)
        {
            if (_frames[i].Arguments.ContainsKey(parameter))
            {
                _frames[i].ParameterReads[reference.Syntax.Span] = parameter;
                break;
            }
        }
        return value;
    }

    private object ReadLocal(ILocalReferenceOperation reference)
    {
        if (_scope is null || !_scope.TryGet(reference.Local, out var value)) throw NotEvaluable(reference);
        if (value == s_unassigned) throw new EvaluationException($"'{reference.Local.Name}' has no value here.", reference.Syntax);
        return value;
    }

    /// <summary><c>local = value</c>: the only assignment a helper may make; anything else is a side effect.</summary>
    private object Assign(IAssignmentOperation assignment)
    {
        if (assignment is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } simple)
        {
            var value = EvaluateNullable(simple.Value);
            if (_scope is null || !_scope.TrySet(assigned.Local, value)) throw NotEvaluable(assignment);
            return value;
        }
        string target = assignment.Target switch
        {
            IFieldReferenceOperation field => $"the field '{field.Field.Name}'",
            IPropertyReferenceOperation property => $"the property '{property.Property.Name}'",
            IParameterReferenceOperation parameter => $"the parameter '{parameter.Parameter.Name}'",
            ILocalReferenceOperation local => $"'{local.Local.Name}' with '{assignment.Syntax.ChildTokens().FirstOrDefault().Text}'",
            _ => "something outside the helper",
        };
        throw new EvaluationException($"'{Shorten(assignment.Syntax.ToString())}' assigns to {target}: code evaluated at compile time may only give its own local variables a value with '='.", assignment.Syntax);
    }
}
