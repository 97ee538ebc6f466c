namespace PolicyAsCode.Generators;

/// <summary>One file a declaration writes under <c>iam/</c>: its name and canonical JSON.</summary>
internal sealed record IamFileSpec(string File, string Json);
