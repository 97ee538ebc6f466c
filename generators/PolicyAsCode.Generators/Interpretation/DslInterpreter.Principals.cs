using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Dsl;

namespace PolicyAsCode.Generators;

// Principals: the factories of Principal and Principal.WebIdentity, WithMfa and When, applied to PrincipalSpec as the runtime DSL does.
internal sealed partial class DslInterpreter
{
    private object InvokePrincipal(IInvocationOperation invocation, DslOp op, PrincipalSpec? principal, ImmutableArray<IArgumentOperation> args)
    {
        string Arg(int i) => String(args[i].Value);
        string? OptionalArg(int i) => i < args.Length && !args[i].IsImplicit && args[i].Value.ConstantValue is not { HasValue: true, Value: null } ? String(args[i].Value) : null;
        return op switch
        {
            DslOp.AccountPrincipal => PrincipalSpec.Account(Arg(0)),
            DslOp.RolePrincipal => PrincipalSpec.Role(Arg(0), Arg(1)),
            DslOp.UserPrincipal => PrincipalSpec.User(Arg(0), Arg(1)),
            DslOp.AssumedRolePrincipal => PrincipalSpec.AssumedRole(Arg(0), Arg(1), Arg(2)),
            DslOp.ArnPrincipal => PrincipalSpec.Aws(Arg(0)),
            DslOp.ServicePrincipal => PrincipalSpec.Service(Arg(0)),
            DslOp.SamlPrincipal => PrincipalSpec.Saml(Arg(0), Arg(1)),
            DslOp.GitHubActionsPrincipal => PrincipalSpec.GitHubActions(Arg(0), Arg(1), OptionalArg(2)),
            DslOp.GitHubActionsTagPrincipal => PrincipalSpec.GitHubActionsTag(Arg(0), Arg(1), Arg(2)),
            DslOp.GitHubActionsEnvironmentPrincipal => PrincipalSpec.GitHubActionsEnvironment(Arg(0), Arg(1), Arg(2)),
            DslOp.GitHubActionsPullRequestPrincipal => PrincipalSpec.GitHubActionsPullRequest(Arg(0), Arg(1)),
            DslOp.WebIdentityPrincipal => PrincipalSpec.WebIdentity(Arg(0), Conditions(args[1]).Select(c => c.Condition).ToArray()),
            DslOp.PrincipalWithMfa => principal!.WithMfa(),
            DslOp.PrincipalConditions => principal!.WithConditions(Conditions(args[0]).Select(c => c.Condition)),
            _ => throw NotEvaluable(invocation),
        };
    }

    private List<Item> Principals(IArgumentOperation argument)
        => Items(argument).Select(i => i.Value is PrincipalSpec ? i : throw new EvaluationException("A principal is expected here.", argument.Syntax)).ToList();
}
