namespace PolicyAsCode.Generators;

/// <summary>
/// The ids the generator and the analyzer report besides the rule engine's rules (whose ids are in
/// <c>PolicyRules</c>, shared with <c>pac validate</c>): PAC2xx, "cannot generate", from the generator; PAC300, C# usage,
/// from the analyzer; PAC4xx, the properties a declaration states ([NeverAllows], ...), from the analyzer. The build task's PAC9xx are in generators/PolicyAsCode.Build/ErrorCodes.cs.
/// </summary>
internal static class DiagnosticIds
{
    public const string NotEvaluable = "PAC200";
    public const string InvalidDeclaration = "PAC201";
    public const string WrongMember = "PAC202";
    public const string DuplicateName = "PAC203";
    public const string NotPartial = "PAC204";
    public const string InternalError = "PAC205";
    public const string UseTypedMember = "PAC300";
    public const string PropertyFails = "PAC400";
    public const string PropertyNotDecided = "PAC401";
    public const string PropertyNotChecked = "PAC402";
    public const string PropertyMisused = "PAC403";
}
