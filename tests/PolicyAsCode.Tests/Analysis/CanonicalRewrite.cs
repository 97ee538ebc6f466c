using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// A rewrite of a policy that changes the document but not what it allows: the canonical JSON written and read back,
/// every statement with several actions split into one statement per action (each keeping the effect, principal,
/// resources and conditions), resource lists reversed and the statements in reverse order. Used for the round trip of
/// every AWS managed policy (a test and a benchmark).
/// </summary>
/// <remarks>
/// Why the meaning is kept: a statement applies when the action is in its Action list and the rest matches, so it
/// applies exactly when one of its one-action parts does; Allow and explicit Deny are unions over statements (order
/// does not matter), and a Resource list is a union too. NotAction statements are kept whole (splitting a NotAction
/// list would widen it). Actions are not expanded to the catalogue's: a wildcard also matches actions the catalogue
/// does not know, so the expansion would grant less.
/// </remarks>
public static class CanonicalRewrite
{
    /// <summary>The rewritten policy.</summary>
    public static PolicyDocument Of(PolicyDocument policy)
    {
        var reread = PolicyJson.Parse(PolicyJson.Write(policy, indented: false));
        var statements = new List<Statement>();
        foreach (var statement in reread.Statements.Items)
        {
            var resource = statement.Resource is { } r ? r with { Values = EquatableArray.Create(r.Values.Items.Reverse().ToArray()) } : null;
            var kept = statement with { Resource = resource };
            if (statement.Action.IsNot || statement.Action.Values.Count <= 1)
            {
                statements.Add(kept);
                continue;
            }
            foreach (string action in statement.Action.Values.Items)
            {
                statements.Add(kept with { Sid = null, Action = statement.Action with { Values = EquatableArray.Create(action) } });
            }
        }
        statements.Reverse();
        return reread with { Statements = EquatableArray.Create(statements.ToArray()) };
    }
}
