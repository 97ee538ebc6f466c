namespace PolicyAsCode;

/// <summary>A three-valued condition outcome: a condition that cannot be evaluated is an error, and errors fail closed.</summary>
internal enum ConditionResult : byte
{
    False,
    True,
    Error,
}

internal static class ConditionResults
{
    public static ConditionResult Not(ConditionResult r) => r switch
    {
        ConditionResult.True => ConditionResult.False,
        ConditionResult.False => ConditionResult.True,
        _ => ConditionResult.Error,
    };

    public static ConditionResult From(bool value) => value ? ConditionResult.True : ConditionResult.False;

    /// <summary>
    /// Whether a statement whose conditions gave <paramref name="conditions"/> applies: all true, or (failing closed) an
    /// error in a Deny statement.
    /// </summary>
    public static bool Applies(ConditionResult conditions, Effect effect)
        => conditions == ConditionResult.True || (conditions == ConditionResult.Error && effect == Effect.Deny);
}
