namespace PolicyAsCode.Generators;

/// <summary>
/// The files a declaration writes under <c>iam/</c>, with their canonical JSON: <c>NAME.json</c> for a policy;
/// <c>NAME.trust.json</c> and <c>NAME.inline.INLINE.json</c> for a role. Written once per evaluation and carried by the
/// spec, so the emitter and the assembly-wide outputs never write a policy's JSON again.
/// </summary>
internal static class DeclarationFiles
{
    public static EquatableArray<IamFileSpec> Of(string name, PolicyDocument? document, RoleSpec? role)
    {
        var files = new List<IamFileSpec>();
        if (document is not null) files.Add(new($"{name}.json", CanonicalJsonWriter.Write(document)));
        if (role is not null)
        {
            files.Add(new($"{name}.trust.json", CanonicalJsonWriter.Write(role.Draft.TrustPolicy())));
            foreach (var inline in role.Draft.Inline) files.Add(new($"{name}.inline.{inline.Name}.json", CanonicalJsonWriter.Write(inline.Document)));
        }
        return EquatableArray.Create(files.ToArray());
    }
}
