namespace PolicyAsCode.Analysis;

/// <summary>The three answers of an analysis.</summary>
public enum VerdictKind
{
    /// <summary>The property holds for every request of the universe (a proof, not a sample).</summary>
    Holds,

    /// <summary>The property fails; <see cref="Verdict.Witness"/> is a request that shows it, replayed through the evaluator.</summary>
    Fails,

    /// <summary>The engine cannot decide within its fragment or budget; <see cref="Verdict.Reason"/> says why. Never a pass.</summary>
    Unknown,
}

/// <summary>The result of a check.</summary>
public sealed class Verdict
{
    private Verdict(VerdictKind kind, Request? witness, string reason, IReadOnlyDictionary<string, string[]>? witnessContext = null, bool principalMatters = false)
    {
        PrincipalMatters = principalMatters;
        Kind = kind;
        Witness = witness;
        Reason = reason;
        WitnessContext = witnessContext ?? new Dictionary<string, string[]>();
    }

    /// <summary>Holds, fails or unknown.</summary>
    public VerdictKind Kind { get; }

    /// <summary>For <see cref="VerdictKind.Fails"/>: the request that shows the failure.</summary>
    public Request? Witness { get; }

    /// <summary>
    /// For <see cref="VerdictKind.Fails"/>: the context keys the witness gives (only those its decision needs), without
    /// the keys the evaluator derives from the principal and resource (<see cref="Request.Context"/> has those too).
    /// </summary>
    public IReadOnlyDictionary<string, string[]> WitnessContext { get; }

    /// <summary>
    /// For <see cref="VerdictKind.Fails"/>: whether the witness's principal is part of it (policies that name principals);
    /// for identity-based policies it is not (they apply to whoever they are attached to) and the witness has none.
    /// </summary>
    public bool PrincipalMatters { get; }

    /// <summary>The witness as one line: its principal when that matters, action, resource and the context keys it gives.</summary>
    public string? DescribeWitness() => Witness is null ? null : Describe(Witness, WitnessContext, PrincipalMatters);

    /// <summary>What the verdict means for this check (the witness's decisions, or why the answer is unknown).</summary>
    public string Reason { get; }

    internal static Verdict Holds(string reason) => new(VerdictKind.Holds, null, reason);

    internal static Verdict Fails(Request witness, string reason, IReadOnlyDictionary<string, string[]> context, bool principalMatters)
        => new(VerdictKind.Fails, witness, reason, context, principalMatters);

    internal static Verdict Unknown(string reason) => new(VerdictKind.Unknown, null, reason);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        VerdictKind.Fails => $"fails: {Reason}; witness: {DescribeWitness()}",
        _ => $"{Kind.ToString().ToLowerInvariant()}: {Reason}",
    };

    /// <summary>A one-line description of a request: principal, action, resource.</summary>
    public static string Describe(Request request)
        => $"principal {request.Principal ?? "(anonymous)"}, action {request.Action}, resource {request.Resource}";

    /// <summary>A one-line description of a request and the context keys it gives, in ordinal order of the keys.</summary>
    public static string Describe(Request request, IReadOnlyDictionary<string, string[]> context, bool includePrincipal = true)
    {
        string text = includePrincipal ? Describe(request) : $"action {request.Action}, resource {request.Resource}";
        if (context.Count == 0) return text;
        var keys = context.Keys.OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => context[k].Length == 1 ? $"{k}={context[k][0]}" : $"{k}=[{string.Join(", ", context[k])}]");
        return $"{text}, context {string.Join(", ", keys)}";
    }
}
