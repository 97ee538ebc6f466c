using PolicyAsCode.Analysis;

namespace PolicyAsCode.Rules;

internal static partial class SecurityRules
{
    /// <summary>
    /// The bounds of PAC109's exact check: fixed (no time limit), so that <c>pac validate</c> and the analyzer always
    /// give the same answer; a typical bucket policy needs a few hundred representative requests.
    /// </summary>
    private static readonly AnalysisOptions s_publicAccessBounds = new() { MaxRequests = 200_000, MaxAutomatonStates = 20_000 };

    /// <summary>
    /// PAC109, exact: a resource-based policy (bucket, queue, topic, key, secret, function, ...) with an Allow for every
    /// principal is public when <see cref="PolicyAnalysis.NoPublicAccess"/> finds an anonymous caller, or one outside every
    /// account the policy names and outside the owner's zone of trust, that it allows; the finding, on the principal of the
    /// statement that allows the witness, gives that request. When the check proves no such caller exists (a condition
    /// on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceVpce, ... with the owner's values, or a Deny for everyone
    /// else), nothing is reported. When it cannot decide, the statements the syntactic form flags are reported, saying so.
    /// </summary>
    private static void CheckPublicResourcePolicy(RuleContext context)
    {
        var statements = context.Document.Statements;
        var open = new List<int>();
        for (int i = 0; i < statements.Count; i++)
        {
            if (OpenToEveryone(statements[i], out _)) open.Add(i);
        }
        if (open.Count == 0) return;
        var verdict = PolicyAnalysis.NoPublicAccess(context.Document, s_publicAccessBounds);
        switch (verdict.Kind)
        {
            case VerdictKind.Holds:
                return;
            case VerdictKind.Fails:
                var witness = verdict.Witness!;
                // The statements that allow the witness on their own; the first open one when only several together do.
                var allowing = open.Where(i => new PreparedPolicy(context.Document with { Statements = EquatableArray.Create(statements[i]) }).Decide(witness) == Decision.Allow).ToList();
                foreach (int i in allowing.Count > 0 ? allowing : [open[0]])
                {
                    context.Report(PolicyRules.OpenResourcePolicy, Locations.PrincipalElement(i, statements[i].Principal!),
                        $"Anyone can use this statement, including anonymous callers where the service allows them: the resource-based policy allows every principal and no condition limits the caller to your accounts, organization or network; this request is allowed: {verdict.DescribeWitness()}. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn, aws:SourceVpce or aws:SourceIp.");
                }
                return;
            default:
                foreach (int i in open)
                {
                    if (LimitedByCondition(statements[i])) continue;
                    context.Report(PolicyRules.OpenResourcePolicy, Locations.PrincipalElement(i, statements[i].Principal!),
                        $"Anyone can use this statement, including anonymous callers where the service allows them: the resource-based policy allows every principal and no condition limits the caller (such as aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceArn, aws:SourceAccount, aws:SourceVpce or aws:SourceIp). Name the principals, or add such a condition. (The exact public-access check could not decide this policy: {verdict.Reason}.)");
                }
                return;
        }
    }
}
