namespace PolicyAsCode;

/// <summary>
/// An Amazon Resource Name: <c>arn:partition:service:region:account-id:resource</c>. The resource part may itself contain
/// colons and slashes; region and account may be empty (S3 buckets, IAM).
/// </summary>
public sealed record Arn
{
    /// <summary>Creates an ARN from its fields.</summary>
    public Arn(string partition, string service, string region, string account, string resource)
    {
        Partition = partition;
        Service = service;
        Region = region;
        Account = account;
        Resource = resource;
    }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...</summary>
    public string Partition { get; }

    /// <summary>The service namespace, e.g. <c>s3</c>.</summary>
    public string Service { get; }

    /// <summary>The region; empty for global resources.</summary>
    public string Region { get; }

    /// <summary>The 12-digit account id; empty for S3 buckets and objects; <c>aws</c> for AWS managed policies.</summary>
    public string Account { get; }

    /// <summary>The resource part: everything after the fifth colon.</summary>
    public string Resource { get; }

    /// <summary>Parses an ARN.</summary>
    /// <exception cref="FormatException">The text is not an ARN; the message names the field that is wrong.</exception>
    public static Arn Parse(string text)
        => TryParse(text, out var arn, out var error) ? arn! : throw new FormatException(error);

    /// <summary>Parses an ARN; on failure <paramref name="error"/> names the field that is wrong.</summary>
    public static bool TryParse(string text, out Arn? arn, out string? error)
    {
        arn = null;
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (!ArnFields.TrySplit(text, out var fields, out error)) return false;
        if (!IsLowerAlnumDash(fields.Partition(text)))
        {
            error = $"'{text}' is not an ARN: the partition '{fields.Partition(text)}' must be lowercase letters, digits and dashes (aws, aws-cn, aws-us-gov).";
            return false;
        }
        if (!IsLowerAlnumDash(fields.Service(text)))
        {
            error = $"'{text}' is not an ARN: the service '{fields.Service(text)}' must be lowercase letters, digits and dashes (e.g. s3, iam).";
            return false;
        }
        string account = fields.Account(text);
        if (account.Length != 0 && account != "aws" && !IsAccountId(account))
        {
            error = $"'{text}' is not an ARN: the account id '{account}' must be 12 digits (or empty).";
            return false;
        }
        if (fields.ResourceLength(text) == 0)
        {
            error = $"'{text}' is not an ARN: the resource (after the fifth colon) is empty.";
            return false;
        }
        arn = new Arn(fields.Partition(text), fields.Service(text), fields.Region(text), account, fields.Resource(text));
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a 12-digit AWS account id.</summary>
    public static bool IsAccountId(string text)
    {
        if (text.Length != 12) return false;
        foreach (char c in text)
        {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static bool IsLowerAlnumDash(string text)
    {
        if (text.Length == 0) return false;
        foreach (char c in text)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}

/// <summary>
/// The positions of the six fields of an ARN inside a string, found without allocating; used on hot paths.
/// </summary>
public readonly struct ArnFields
{
    private readonly int _c1, _c2, _c3, _c4, _c5;

    private ArnFields(int c1, int c2, int c3, int c4, int c5)
    {
        _c1 = c1; _c2 = c2; _c3 = c3; _c4 = c4; _c5 = c5;
    }

    /// <summary>Whether these fields were found (false for the default value).</summary>
    public bool IsValid => _c5 > 0;

    /// <summary>The start and end (exclusive) of field <paramref name="index"/> (0 = <c>arn</c>, 5 = resource).</summary>
    public void GetRange(string text, int index, out int start, out int end)
    {
        switch (index)
        {
            case 0: start = 0; end = _c1; break;
            case 1: start = _c1 + 1; end = _c2; break;
            case 2: start = _c2 + 1; end = _c3; break;
            case 3: start = _c3 + 1; end = _c4; break;
            case 4: start = _c4 + 1; end = _c5; break;
            default: start = _c5 + 1; end = text.Length; break;
        }
    }

    /// <summary>Where the resource field starts.</summary>
    public int ResourceStart => _c5 + 1;

    internal string Partition(string text) => text.Substring(_c1 + 1, _c2 - _c1 - 1);

    internal string Service(string text) => text.Substring(_c2 + 1, _c3 - _c2 - 1);

    internal string Region(string text) => text.Substring(_c3 + 1, _c4 - _c3 - 1);

    internal string Account(string text) => text.Substring(_c4 + 1, _c5 - _c4 - 1);

    internal string Resource(string text) => text.Substring(_c5 + 1);

    internal int ResourceLength(string text) => text.Length - _c5 - 1;

    /// <summary>Finds the first five colons of an ARN that starts with <c>arn:</c>.</summary>
    public static bool TrySplit(string text, out ArnFields fields) => TrySplit(text, out fields, out _);

    /// <summary>Finds the first five colons of an ARN; on failure <paramref name="error"/> says what is missing.</summary>
    public static bool TrySplit(string text, out ArnFields fields, out string? error)
    {
        fields = default;
        error = null;
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            error = $"'{text}' is not an ARN: it must start with 'arn:' (arn:partition:service:region:account-id:resource).";
            return false;
        }
        int c1 = 3;
        int c2 = text.IndexOf(':', c1 + 1);
        int c3 = c2 < 0 ? -1 : text.IndexOf(':', c2 + 1);
        int c4 = c3 < 0 ? -1 : text.IndexOf(':', c3 + 1);
        int c5 = c4 < 0 ? -1 : text.IndexOf(':', c4 + 1);
        if (c5 < 0)
        {
            int found = c2 < 0 ? 2 : c3 < 0 ? 3 : c4 < 0 ? 4 : 5;
            string missing = found switch { 2 => "service", 3 => "region", 4 => "account-id", _ => "resource" };
            error = $"'{text}' is not an ARN: it has {found} of the 6 colon-separated fields and no {missing} field "
                + "(arn:partition:service:region:account-id:resource).";
            return false;
        }
        fields = new ArnFields(c1, c2, c3, c4, c5);
        return true;
    }
}
