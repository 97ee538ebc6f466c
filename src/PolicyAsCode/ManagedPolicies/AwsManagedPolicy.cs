using System.Text;
using System.Threading;
using PolicyAsCode.Json;

namespace PolicyAsCode.Catalogue;

/// <summary>An AWS managed policy: its name, ARN and latest version, whose document is parsed on first use.</summary>
public sealed class AwsManagedPolicy
{
    private readonly byte[] _utf8;
    private readonly int _start;
    private readonly int _length;
    private PolicyDocument? _document;
    private string? _json;

    internal AwsManagedPolicy(string name, string arn, string versionId, byte[] utf8, int start, int length)
    {
        Name = name;
        Arn = arn;
        VersionId = versionId;
        _utf8 = utf8;
        _start = start;
        _length = length;
    }

    /// <summary>The policy's name, e.g. <c>ReadOnlyAccess</c>.</summary>
    public string Name { get; }

    /// <summary>The policy's ARN, e.g. <c>arn:aws:iam::aws:policy/ReadOnlyAccess</c> or <c>arn:aws:iam::aws:policy/service-role/AWSLambdaRole</c>.</summary>
    public string Arn { get; }

    /// <summary>The policy's path, e.g. <c>/</c> or <c>/service-role/</c>.</summary>
    public string Path => Arn.Substring("arn:aws:iam::aws:policy".Length, Arn.Length - "arn:aws:iam::aws:policy".Length - Name.Length);

    /// <summary>The id of the latest (default) version the data holds, e.g. <c>v188</c>.</summary>
    public string VersionId { get; }

    /// <summary>The document of the latest version as minified JSON, as AWS publishes it.</summary>
    public string Json => _json ??= Encoding.UTF8.GetString(_utf8, _start, _length);

    /// <summary>The document of the latest version, parsed on first use with <see cref="PolicyJson.Parse(ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="PolicyParseException">The document is not a valid policy (none of the 1,594 of the data is).</exception>
    public PolicyDocument Document
    {
        get
        {
            // Parsing twice under a race is harmless: the documents are equal and one is kept.
            var document = Volatile.Read(ref _document);
            if (document is null)
            {
                document = PolicyJson.Parse(new ReadOnlySpan<byte>(_utf8, _start, _length));
                document = Interlocked.CompareExchange(ref _document, document, null) ?? document;
            }
            return document;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Arn;
}
