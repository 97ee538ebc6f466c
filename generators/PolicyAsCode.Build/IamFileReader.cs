using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PolicyAsCode.Build;

/// <summary>
/// Reads the <c>[assembly: PolicyAsCode.Compiled.IamFile(fileName, content)]</c> attributes of an assembly from its
/// metadata alone: the assembly is neither loaded nor run.
/// </summary>
/// <remarks>
/// The attribute is matched by namespace and name, whether its type is defined in the assembly itself
/// (TypeDefinition) or referenced from PolicyAsCode.dll (TypeReference), so the task needs no reference to the runtime
/// library and works with any version of it.
/// </remarks>
internal static class IamFileReader
{
    public const string AttributeNamespace = "PolicyAsCode.Compiled";
    public const string AttributeName = "IamFileAttribute";

    /// <summary>The result of reading one assembly: its declarations, or the errors (code, message) that stopped it.</summary>
    public sealed class Result
    {
        public List<IamFileDeclaration> Declarations { get; } = [];

        public List<(string Code, string Message)> Errors { get; } = [];
    }

    public static Result Read(string assemblyPath)
    {
        var result = new Result();
        try
        {
            // Prefetch so that the file is closed before the task writes anything.
            using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var peReader = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
            if (!peReader.HasMetadata)
            {
                result.Errors.Add((ErrorCodes.UnreadableAssembly, $"'{assemblyPath}' is not a .NET assembly: it has no metadata."));
                return result;
            }
            MetadataReader reader = peReader.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                result.Errors.Add((ErrorCodes.UnreadableAssembly, $"'{assemblyPath}' is a module without an assembly manifest, not an assembly."));
                return result;
            }
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (!IsIamFileAttribute(reader, attribute.Constructor)) continue;
                string? fileName, content, problem;
                try
                {
                    Decode(reader, attribute, out fileName, out content, out problem);
                }
                catch (BadImageFormatException e)
                {
                    fileName = content = null;
                    problem = e.Message.TrimEnd('.');
                }
                if (problem is null)
                {
                    result.Declarations.Add(new IamFileDeclaration(fileName!, content!));
                }
                else
                {
                    result.Errors.Add((ErrorCodes.MalformedAttribute, $"'{assemblyPath}' has an {AttributeNamespace}.{AttributeName} that cannot be read: {problem}."));
                }
            }
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            result.Errors.Add((ErrorCodes.UnreadableAssembly, $"'{assemblyPath}' is not a readable .NET assembly: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            result.Errors.Add((ErrorCodes.UnreadableAssembly, $"'{assemblyPath}' cannot be read: {e.Message}"));
        }
        return result;
    }

    private static bool IsIamFileAttribute(MetadataReader reader, EntityHandle constructor)
    {
        switch (constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                return IsIamFileType(reader, reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
            case HandleKind.MemberReference:
                EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                return parent.Kind switch
                {
                    HandleKind.TypeDefinition => IsIamFileType(reader, (TypeDefinitionHandle)parent),
                    HandleKind.TypeReference => IsIamFileType(reader, (TypeReferenceHandle)parent),
                    _ => false, // a generic instantiation or a vararg method: not ours
                };
            default:
                return false;
        }
    }

    private static bool IsIamFileType(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        return type.GetDeclaringType().IsNil // a nested type's namespace is empty; never ours
            && reader.StringComparer.Equals(type.Name, AttributeName)
            && reader.StringComparer.Equals(type.Namespace, AttributeNamespace);
    }

    private static bool IsIamFileType(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind != HandleKind.TypeReference // nested
            && reader.StringComparer.Equals(type.Name, AttributeName)
            && reader.StringComparer.Equals(type.Namespace, AttributeNamespace);
    }

    /// <summary>
    /// Checks that the constructor is <c>(string, string)</c>, then reads the value blob (ECMA-335 II.23.3): the prolog
    /// 0x0001, then one SerString per argument. Named arguments after them are ignored.
    /// </summary>
    private static void Decode(MetadataReader reader, CustomAttribute attribute, out string? fileName, out string? content, out string? problem)
    {
        fileName = content = null;
        BlobHandle signature = attribute.Constructor.Kind == HandleKind.MethodDefinition
            ? reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).Signature
            : reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Signature;
        if (!IsStringStringConstructor(reader.GetBlobReader(signature)))
        {
            problem = "its constructor does not take (string fileName, string content)";
            return;
        }

        BlobReader value = reader.GetBlobReader(attribute.Value);
        if (value.Length < 2 || value.ReadUInt16() != 0x0001)
        {
            problem = "its value does not start with the custom attribute prolog 0x0001";
            return;
        }
        fileName = value.ReadSerializedString();
        content = value.ReadSerializedString();
        problem = fileName is null ? "its file name is null"
            : content is null ? $"the content of '{fileName}' is null"
            : null;
    }

    private static bool IsStringStringConstructor(BlobReader signature)
    {
        SignatureHeader header = signature.ReadSignatureHeader();
        if (header.Kind != SignatureKind.Method || header.IsGeneric) return false;
        if (signature.ReadCompressedInteger() != 2) return false;
        if (signature.ReadSignatureTypeCode() != SignatureTypeCode.Void) return false;
        return signature.ReadSignatureTypeCode() == SignatureTypeCode.String
            && signature.ReadSignatureTypeCode() == SignatureTypeCode.String
            && signature.RemainingBytes == 0;
    }
}
