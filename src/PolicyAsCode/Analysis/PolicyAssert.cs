namespace PolicyAsCode.Analysis;

/// <summary>
/// Assertions for unit tests (xunit, NUnit, MSTest alike: they throw <see cref="PolicyAssertionException"/>, which every
/// test framework reports as a failure with its message). Each one proves its property over every request with
/// <see cref="PolicyAnalysis"/>; a failure's message prints the witness request, and an answer the analysis cannot give
/// (<see cref="VerdictKind.Unknown"/>) fails too, with the reason: an assertion never passes when it does not know.
/// </summary>
/// <example>
/// <code>
/// [Fact]
/// public void Deployers_cannot_pass_roles() => PolicyAssert.NeverAllows(Policies.Deploy, "iam:PassRole");
/// </code>
/// </example>
public static class PolicyAssert
{
    /// <summary>Asserts that the policy allows <paramref name="action"/> (a pattern such as <c>s3:Delete*</c> is allowed) on no resource matching <paramref name="resource"/>.</summary>
    public static void NeverAllows(PolicyBase policy, IamAction action, string resource = "*", AnalysisOptions? options = null)
        => NeverAllows([Document(policy)], [action], [resource], options);

    /// <inheritdoc cref="NeverAllows(PolicyBase, IamAction, string, AnalysisOptions?)"/>
    public static void NeverAllows(PolicyDocument policy, IamAction action, string resource = "*", AnalysisOptions? options = null)
        => NeverAllows([policy], [action], [resource], options);

    /// <summary>Asserts that the policies (identity-based policies of one principal) allow none of the actions on any of the resources.</summary>
    public static void NeverAllows(IReadOnlyList<PolicyDocument> policies, IReadOnlyList<IamAction> actions, IReadOnlyList<string> resources, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(resources);
        var names = actions.Select(a => a.Value).ToList();
        var verdict = PolicyAnalysis.AccessNotGranted(policies, names, resources, options);
        Check(verdict, $"Expected the policy never to allow {string.Join(" or ", names)} on {string.Join(" or ", resources)}");
    }

    /// <summary>Asserts that <paramref name="candidate"/> allows no request that <paramref name="baseline"/> does not.</summary>
    public static void NoNewAccess(PolicyBase baseline, PolicyBase candidate, AnalysisOptions? options = null)
        => NoNewAccess(Document(baseline), Document(candidate), options);

    /// <inheritdoc cref="NoNewAccess(PolicyBase, PolicyBase, AnalysisOptions?)"/>
    public static void NoNewAccess(PolicyDocument baseline, PolicyDocument candidate, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        Check(PolicyAnalysis.NoNewAccess([baseline], [candidate], options), "Expected the candidate to allow nothing the baseline does not");
    }

    /// <summary>Asserts that the two policies allow exactly the same requests.</summary>
    public static void Equivalent(PolicyDocument expected, PolicyDocument actual, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Check(PolicyAnalysis.Equivalent([expected], [actual], options), "Expected the policies to allow the same requests");
    }

    /// <summary>Asserts that a resource-based or trust policy allows no anonymous caller and no principal of an account it does not name.</summary>
    public static void NoPublicAccess(PolicyBase policy, AnalysisOptions? options = null) => NoPublicAccess(Document(policy), options);

    /// <inheritdoc cref="NoPublicAccess(PolicyBase, AnalysisOptions?)"/>
    public static void NoPublicAccess(PolicyDocument policy, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Check(PolicyAnalysis.NoPublicAccess(policy, options), "Expected no public access");
    }

    /// <summary>Asserts that every statement changes some decision (none can be removed without effect).</summary>
    public static void NoUnusedStatements(PolicyBase policy, AnalysisOptions? options = null) => NoUnusedStatements(Document(policy), options);

    /// <inheritdoc cref="NoUnusedStatements(PolicyBase, AnalysisOptions?)"/>
    public static void NoUnusedStatements(PolicyDocument policy, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var verdicts = PolicyAnalysis.UnusedStatements(policy, options);
        for (int i = 0; i < verdicts.Count; i++)
        {
            var verdict = verdicts[i];
            if (verdict.Kind == VerdictKind.Unknown) throw new PolicyAssertionException($"Expected every statement to be used, but statement #{i} could not be decided: {verdict.Reason}", verdict);
            if (verdict.Kind == VerdictKind.Holds) throw new PolicyAssertionException($"Expected every statement to be used, but {verdict.Reason}", verdict);
        }
    }

    private static PolicyDocument Document(PolicyBase policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Document;
    }

    private static void Check(Verdict verdict, string expectation)
    {
        switch (verdict.Kind)
        {
            case VerdictKind.Holds:
                return;
            case VerdictKind.Fails:
                throw new PolicyAssertionException($"{expectation}, but {verdict.Reason}:{Environment.NewLine}  {verdict.DescribeWitness()}", verdict);
            default:
                throw new PolicyAssertionException($"{expectation}, but the analysis could not decide it: {verdict.Reason}", verdict);
        }
    }
}

/// <summary>A <see cref="PolicyAssert"/> assertion that does not hold, or could not be decided; the message prints the witness.</summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception for a verdict.</summary>
    public PolicyAssertionException(string message, Verdict verdict)
        : base(message)
    {
        Verdict = verdict;
    }

    /// <summary>The verdict behind the failure: its witness request (when it fails) or the reason it is unknown.</summary>
    public Verdict Verdict { get; }
}
