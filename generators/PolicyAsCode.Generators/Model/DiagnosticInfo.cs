using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators;

/// <summary>A diagnostic to report, as data.</summary>
/// <remarks>Equatable and free of Roslyn objects.</remarks>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    public Diagnostic ToDiagnostic(Compilation compilation)
        => Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None, Message);
}
