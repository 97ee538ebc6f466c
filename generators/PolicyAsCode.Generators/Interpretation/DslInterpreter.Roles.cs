using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Roles: Role.Define() and the steps after it, applied to RoleDraft as the runtime DSL does; and TimeSpan values for MaxSession.
internal sealed partial class DslInterpreter
{
    private object InvokeRole(IInvocationOperation invocation, DslOp op, RoleValue? role, ImmutableArray<IArgumentOperation> args)
    {
        if (op == DslOp.DefineRole) return new RoleValue(RoleDraft.Empty);
        var value = role!;
        switch (op)
        {
            case DslOp.TrustedBy:
            {
                var principals = Principals(args[0]);
                var sources = value.TrustSources;
                foreach (var item in principals)
                {
                    // A trust statement is written as its principal: every part of it is reported there.
                    var principal = (PrincipalSpec)item.Value;
                    var at = item.Origin.Syntax.GetLocation();
                    sources = sources.Add(new StatementSource(at)
                    {
                        Actions = [new ValueSource(principal.AssumeAction, at, false)],
                        PrincipalCall = at,
                        Principals = principal.Id is { } id ? [new ValueSource(id, at, false)] : [],
                    });
                }
                return value with { Draft = value.Draft.TrustedBy(principals.Select(p => (PrincipalSpec)p.Value)), TrustSources = sources };
            }
            case DslOp.Attach:
                return Evaluate(args[0].Value) switch
                {
                    DeclaredPolicyValue declared => value with { Draft = value.Draft.AttachDeclared(declared.Name, declared.Draft.Draft.ToDocument()) },
                    ManagedPolicyValue managed => value with { Draft = value.Draft.Attach(new AttachedPolicy(managed.Name, managed.Arn)) },
                    _ => throw new EvaluationException("Attach takes a policy declared with [ManagedPolicy] or an AwsManaged policy.", args[0].Syntax),
                };
            case DslOp.AttachArn:
                return value with { Draft = value.Draft.AttachArn(String(args[0].Value)) };
            case DslOp.Inline:
            {
                string inlineName = String(args[0].Value);
                var (document, source) = Evaluate(args[1].Value) switch
                {
                    DeclaredPolicyValue declared => (declared.Draft.Draft.ToDocument(), new InlineSource(inlineName, [], Declared: true)),
                    DraftValue draft => (draft.Draft.ToDocument(), new InlineSource(inlineName, draft.Sources, Declared: false)),
                    _ => throw new EvaluationException("Inline takes an identity policy.", args[1].Syntax),
                };
                return value with { Draft = value.Draft.WithInline(inlineName, document), Inlines = value.Inlines.Add(source) };
            }
            case DslOp.PermissionsBoundary:
                return Evaluate(args[0].Value) switch
                {
                    DeclaredPolicyValue declared => value with
                    {
                        Draft = value.Draft.WithDeclaredBoundary(declared.Name, declared.Draft.Draft.ToDocument()),
                        Boundary = new BoundarySource(args[0].Syntax.GetLocation(), declared.Draft.Sources),
                    },
                    ManagedPolicyValue managed => value with { Draft = value.Draft.WithBoundary(new AttachedPolicy(managed.Name, managed.Arn)) },
                    _ => throw new EvaluationException("PermissionsBoundary takes a policy declared with [ManagedPolicy] or an AwsManaged policy.", args[0].Syntax),
                };
            case DslOp.PermissionsBoundaryArn:
                return value with { Draft = value.Draft.WithBoundaryArn(String(args[0].Value)) };
            case DslOp.MaxSession:
            {
                var span = Evaluate(args[0].Value) as TimeSpanValue
                    ?? throw new EvaluationException("MaxSession takes a TimeSpan such as TimeSpan.FromHours(1).", args[0].Syntax);
                return value with { Draft = value.Draft.WithMaxSession(span.Seconds) };
            }
            case DslOp.RolePath:
                return value with { Draft = value.Draft.WithPath(String(args[0].Value)) };
            case DslOp.RoleDescription:
                return value with { Draft = value.Draft.WithDescription(String(args[0].Value)) };
        }
        throw NotEvaluable(invocation);
    }

    /// <summary><c>TimeSpan.FromHours(1.5)</c>, and the overloads with more units, <c>TimeSpan.FromHours(1, 30)</c>.</summary>
    private TimeSpanValue EvaluateTimeSpan(IInvocationOperation invocation, string name, ImmutableArray<IArgumentOperation> args)
    {
        // System.TimeSpan's own names: its factories and their parameters.
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
}
