namespace PolicyAsCode.Rules;

/// <summary>Policy size as IAM counts it against its quotas.</summary>
public static class PolicySize
{
    /// <summary>
    /// The number of characters of the document without whitespace (IAM User Guide, "IAM and AWS STS quotas": "IAM does
    /// not count white space when calculating the size of a policy"), measured on the canonical JSON.
    /// </summary>
    public static int Of(PolicyDocument document)
    {
        string json = CanonicalJsonWriter.Write(document, indented: false);
        int count = 0;
        foreach (char c in json)
        {
            if (!char.IsWhiteSpace(c)) count++;
        }
        return count;
    }
}
