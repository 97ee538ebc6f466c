namespace PolicyAsCode.Build;

/// <summary>One <c>[assembly: IamFile(fileName, content)]</c> as read from an assembly's metadata.</summary>
internal sealed record IamFileDeclaration(string FileName, string Content);
