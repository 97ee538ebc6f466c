using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Policy chains: Policy.Identity() / Policy.Resource() / Policy.ServiceControl() / Policy.ResourceControl(), statements
// (Allow, Deny, AllExcept), resources (On, OnAll, OnAllExcept), principals (For, ForAllExcept), When, Named, Id and
// Include, applied to PolicyDraft as the runtime DSL does.
internal sealed partial class DslInterpreter
{
    private object InvokePolicy(IInvocationOperation invocation, DslMark mark, object? receiver, ImmutableArray<IArgumentOperation> args)
    {
        switch (mark.Op)
        {
            case DslOp.IdentityPolicy:
                return new DraftValue(DeclarationKind.ManagedPolicy, PolicyDraft.Empty);
            case DslOp.ResourcePolicy:
                return new DraftValue(DeclarationKind.ResourcePolicy, PolicyDraft.Empty);
            case DslOp.ServiceControlPolicy:
                return new DraftValue(DeclarationKind.ServiceControlPolicy, PolicyDraft.Empty);
            case DslOp.ResourceControlPolicy:
                return new DraftValue(DeclarationKind.ResourceControlPolicy, PolicyDraft.Empty);
            case DslOp.Effect:
                return new EffectStepValue(PolicyOf(receiver, invocation), mark.Effect);
            case DslOp.Start:
            {
                var draft = PolicyOf(receiver, invocation);
                var started = Start(draft, invocation, mark.Effect, args[0], notAction: false);
                // A resource policy's statement waits for its principals; the others name none (an RCP's is always "*").
                return draft.Kind == DeclarationKind.ResourcePolicy ? new PrincipalStepValue(started) : new StepValue(started);
            }
            case DslOp.StartNotAction:
            {
                var step = (EffectStepValue)receiver!;
                var started = Start(step.Draft, invocation, step.Effect, args[0], notAction: true);
                // As for Start: only a resource policy's statement waits for its principals (an SCP's NotAction names none).
                return started.Kind == DeclarationKind.ResourcePolicy ? new PrincipalStepValue(started) : new StepValue(started);
            }
            case DslOp.Conditions:
            {
                var draft = PolicyOf(receiver, invocation);
                var conditions = Conditions(args[0]);
                return Update(draft with { Draft = draft.Draft.WithConditions(conditions.Select(c => c.Condition)) },
                    s => s with { Conditions = s.Conditions.AddRange(conditions.Select(c => c.Source!)) });
            }
            case DslOp.Sid:
            {
                var draft = PolicyOf(receiver, invocation);
                string sid = String(args[0].Value);
                return Update(draft with { Draft = draft.Draft.WithSid(sid) }, s => s with { Sid = SourceSpans.Of(sid, args[0]) });
            }
            case DslOp.PolicyId:
            {
                var draft = PolicyOf(receiver, invocation);
                return draft with { Draft = draft.Draft.WithId(String(args[0].Value)) };
            }
            case DslOp.Include:
                return Include(PolicyOf(receiver, invocation), args[0]);
            case DslOp.Resources or DslOp.AllResources or DslOp.NotResources:
                return WithResources(invocation, mark.Op, (StepValue)receiver!, args);
            case DslOp.Principals or DslOp.NotPrincipals:
                return WithPrincipals(invocation, mark.Op, (PrincipalStepValue)receiver!, args[0]);
        }
        throw NotEvaluable(invocation);
    }

    /// <summary>The policy a policy method is called on: one being written, or a declared one.</summary>
    private DraftValue PolicyOf(object? receiver, IOperation invocation) => receiver switch
    {
        DraftValue value => value,
        DeclaredPolicyValue declared => declared.Draft,
        _ => throw NotEvaluable(invocation),
    };

    /// <summary>Starts a statement (<c>Allow(...)</c>, <c>Deny(...)</c>, <c>AllExcept(...)</c>), recording where it and its actions are written.</summary>
    private DraftValue Start(DraftValue draft, IInvocationOperation invocation, Effect effect, IArgumentOperation argument, bool notAction)
    {
        var actions = Actions(argument);
        var values = actions.Select(a => (string)a.Value);
        return draft with
        {
            Draft = draft.Kind == DeclarationKind.ResourceControlPolicy ? draft.Draft.StartForEveryone(effect, values) : draft.Draft.Start(effect, values, notAction),
            Sources = draft.Sources.Add(new StatementSource(SourceSpans.NameThroughArguments(invocation.Syntax))
            {
                Actions = [.. actions.Select(a => SourceSpans.Of(a.Value, a.Origin))],
            }),
        };
    }

    private DraftValue WithResources(IInvocationOperation invocation, DslOp op, StepValue step, ImmutableArray<IArgumentOperation> args)
    {
        var resources = op == DslOp.AllResources ? [new Item("*", invocation)] : Resources(args[0]);
        var call = SourceSpans.NameThroughArguments(invocation.Syntax);
        return Update(step.Draft with { Draft = step.Draft.Draft.WithResources(resources.Select(r => (string)r.Value), op == DslOp.NotResources) },
            s => s with
            {
                ResourceCall = call,
                Resources = op == DslOp.AllResources ? [new ValueSource("*", call, false)] : [.. resources.Select(r => SourceSpans.Of(r.Value, r.Origin))],
            });
    }

    private StepValue WithPrincipals(IInvocationOperation invocation, DslOp op, PrincipalStepValue step, IArgumentOperation argument)
    {
        var principals = Principals(argument);
        var next = step.Draft with { Draft = step.Draft.Draft.WithPrincipals(principals.Select(p => (PrincipalSpec)p.Value), notPrincipal: op == DslOp.NotPrincipals) };
        return new StepValue(Update(next, s => s with
        {
            PrincipalCall = SourceSpans.NameThroughArguments(invocation.Syntax),
            Principals = [.. principals.Where(p => ((PrincipalSpec)p.Value).Id is not null).Select(p => SourceSpans.Of(((PrincipalSpec)p.Value).Id!, p.Origin))],
        }));
    }

    private DraftValue Include(DraftValue draft, IArgumentOperation argument)
    {
        var included = Evaluate(argument.Value) switch
        {
            DraftValue value => value,
            DeclaredPolicyValue declared => declared.Draft,
            _ => throw new EvaluationException("Include takes a policy: a declared policy, or one written with Policy.Identity(), Policy.Resource(), Policy.ServiceControl() or Policy.ResourceControl().", argument.Syntax),
        };
        var next = draft with { Draft = draft.Draft.Include(included.Draft) };
        // Included statements are reported on the argument that brings them in (PAC001 on Include(bucketPolicy)).
        var at = StatementSource.At(argument.Syntax.GetLocation()) with { IncludedFrom = DeclarationKindOf(argument.Value) };
        return next with { Sources = draft.Sources.AddRange(Enumerable.Repeat(at, included.Draft.Statements.Count)) };
    }

    /// <summary>What the member read by <paramref name="operation"/> declares, if it is a declaration.</summary>
    private DeclarationKind? DeclarationKindOf(IOperation operation)
    {
        ISymbol? member = operation switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            IConversionOperation { Operand: IPropertyReferenceOperation property } => property.Property,
            IConversionOperation { Operand: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };
        // Only a policy declaration reports its own statements; a role is not a policy that can be included.
        return member is null ? null : _symbols.DeclarationKindOf(member) is { } kind && kind != DeclarationKind.Role ? kind : null;
    }

    private List<Item> Actions(IArgumentOperation argument)
        => Items(argument).Select(i => new Item(i.Value is IamActionValue a ? a.Value : i.Value is string s ? s : throw new EvaluationException("An action is expected here.", argument.Syntax), i.Origin)).ToList();

    private List<Item> Resources(IArgumentOperation argument)
        => Items(argument).Select(i => new Item(i.Value is ResourceValue r ? r.Value : i.Value is string s ? s : throw new EvaluationException("A resource is expected here.", argument.Syntax), i.Origin)).ToList();
}
