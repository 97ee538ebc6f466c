using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators;

/// <summary>The generator's diagnostic ids (PAC2xx: "cannot generate"). Policy quality is the analyzers' job.</summary>
internal static class DiagnosticIds
{
    public const string NotEvaluable = "PAC200";
    public const string InvalidDeclaration = "PAC201";
    public const string WrongMember = "PAC202";
    public const string DuplicateName = "PAC203";
    public const string NotPartial = "PAC204";
    public const string InternalError = "PAC205";
}

/// <summary>The generator's diagnostics; each has a page in docs/rules.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PolicyAsCode.Generator";
    private const string HelpBase = "https://github.com/policyascode/policyascode/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor NotEvaluable = new(DiagnosticIds.NotEvaluable,
        "Declaration cannot be evaluated at compile time",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.NotEvaluable + ".md");

    public static readonly DiagnosticDescriptor InvalidDeclaration = new(DiagnosticIds.InvalidDeclaration,
        "Declaration is not a valid policy",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.InvalidDeclaration + ".md");

    public static readonly DiagnosticDescriptor WrongMember = new(DiagnosticIds.WrongMember,
        "Declaration attribute on an unsupported member",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.WrongMember + ".md");

    public static readonly DiagnosticDescriptor DuplicateName = new(DiagnosticIds.DuplicateName,
        "Two declarations write the same IAM file",
        "{0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.DuplicateName + ".md");

    public static readonly DiagnosticDescriptor NotPartial = new(DiagnosticIds.NotPartial,
        "Declaring type is not partial",
        "{0}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.NotPartial + ".md");

    public static readonly DiagnosticDescriptor InternalError = new(DiagnosticIds.InternalError,
        "The PolicyAsCode generator failed on a declaration",
        "The PolicyAsCode generator could not process this declaration ({0}); please report it",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + DiagnosticIds.InternalError + ".md");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.NotEvaluable => NotEvaluable,
        DiagnosticIds.InvalidDeclaration => InvalidDeclaration,
        DiagnosticIds.WrongMember => WrongMember,
        DiagnosticIds.DuplicateName => DuplicateName,
        DiagnosticIds.NotPartial => NotPartial,
        _ => InternalError,
    };
}
