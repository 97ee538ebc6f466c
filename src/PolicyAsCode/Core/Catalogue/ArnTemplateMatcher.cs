namespace PolicyAsCode.Catalogue;

/// <summary>
/// Decides whether an ARN from a policy (which may contain <c>*</c>, <c>?</c> and policy variables) can name a resource
/// of a type whose ARN template is, e.g., <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>, and how specific the
/// match is.
/// </summary>
/// <remarks>
/// <para>
/// Both sides are patterns, so this is not <see cref="GlobPattern"/>'s job (a pattern against text): the question is
/// whether some ARN matches both. Each side is a sequence of tokens (a literal character, exactly one character, or any
/// run of characters, each wildcard either allowed or not allowed to contain <c>:</c>), and a dynamic programme over
/// the two sequences finds whether they can produce a common string.
/// </para>
/// <para>
/// Template side: a placeholder stands for one or more characters other than <c>:</c>, except the last placeholder when
/// it lies in the resource part (after the fifth colon), which may contain colons (<c>${ObjectName}</c>,
/// <c>${LogStreamName}</c>); a <c>*</c> in a template (a few services write them) stands for any run. Compiled with
/// <c>accountMayBeEmpty</c>, a placeholder that is the whole account field may also be empty (for ARNs of AWS-owned
/// resources, see <see cref="ResourceTypeIndex"/>). Policy side: as
/// IAM matches a <c>Resource</c> (<see cref="ArnPattern"/>), <c>*</c> and <c>?</c> stay within their field in the first
/// five fields and may cross colons in the resource part; an ARN with fewer than six fields must end its last field with
/// <c>*</c>, which then covers the rest; a policy variable stands for any run.
/// </para>
/// <para>
/// The score of a match is the number of the template's literal characters matched by literal characters of the ARN.
/// A match is <i>definite</i> when every literal character of the template is matched by a literal character of the
/// ARN, and <i>possible</i> when some are covered by a wildcard of the ARN. The best score of each kind is reported;
/// <see cref="ServiceCatalogue.MatchResourceTypes"/> chooses among types with them.
/// </para>
/// </remarks>
internal sealed class ArnTemplateMatcher
{
    private readonly ArnToken[] _tokens;

    // The template's literal characters in order: every match of a wildcard-free ARN contains them as a subsequence.
    private readonly char[] _literals;

    private ArnTemplateMatcher(ArnToken[] tokens, string? serviceField)
    {
        _tokens = tokens;
        ServiceField = serviceField;
        _literals = tokens.Where(t => t.Kind == ArnTokenKind.Literal).Select(t => t.Char).ToArray();
    }

    /// <summary>The template's service field (<c>s3</c>) when it is literal; null when it has a placeholder or wildcard.</summary>
    public string? ServiceField { get; }

    /// <summary>Compiles a template.</summary>
    /// <param name="template">The ARN template, e.g. <c>arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}</c>.</param>
    /// <param name="accountMayBeEmpty">Whether a placeholder that is the whole account field may also stand for nothing.</param>
    public static ArnTemplateMatcher Compile(string template, bool accountMayBeEmpty = false)
    {
        // First pass: where the resource part starts and where the last placeholder is.
        int colons = 0, resourceStart = template.Length, lastPlaceholder = -1;
        for (int i = 0; i < template.Length; i++)
        {
            if (IsPlaceholderStart(template, i, out int close))
            {
                lastPlaceholder = i;
                i = close;
            }
            else if (template[i] == ':' && ++colons == 5)
            {
                resourceStart = i + 1;
            }
        }

        var tokens = new List<ArnToken>(template.Length);
        colons = 0;
        for (int i = 0; i < template.Length; i++)
        {
            bool inResource = i >= resourceStart;
            if (IsPlaceholderStart(template, i, out int close))
            {
                bool anyColon = inResource && i == lastPlaceholder;
                bool emptyAccount = accountMayBeEmpty && colons == 4 && template[i - 1] == ':'
                    && close + 1 < template.Length && template[close + 1] == ':';
                if (!emptyAccount) tokens.Add(ArnToken.One(anyColon));
                tokens.Add(ArnToken.Many(anyColon));
                i = close;
            }
            else if (template[i] == '*')
            {
                tokens.Add(ArnToken.Many(inResource));
            }
            else
            {
                if (template[i] == ':' && !inResource) colons++;
                tokens.Add(ArnToken.Literal(template[i]));
            }
        }
        return new ArnTemplateMatcher(tokens.ToArray(), LiteralServiceField(template));
    }

    /// <summary>
    /// Matches the template against a tokenized policy ARN. Returns false when no ARN matches both; otherwise the best
    /// scores of a definite match (-1 when there is none) and of any match.
    /// </summary>
    /// <param name="arn">The ARN's tokens (<see cref="TryTokenizeArn"/>).</param>
    /// <param name="rows">Four work rows of at least <c>arn.Length + 1</c> elements, reused across calls.</param>
    /// <param name="definiteScore">The best score of a definite match, or -1.</param>
    /// <param name="anyScore">The best score of any match.</param>
    public bool Match(ArnToken[] arn, int[][] rows, out int definiteScore, out int anyScore)
    {
        // Placeholders match any text, literals only themselves: an ARN without wildcards that lacks the template's
        // literals in order cannot match, which rejects most candidates before the quadratic walk below.
        if (!ContainsLiteralsInOrder(arn))
        {
            anyScore = definiteScore = -1;
            return false;
        }
        var template = _tokens;
        int m = template.Length, n = arn.Length;
        int[] anyCur = rows[0], anyNext = rows[1], defCur = rows[2], defNext = rows[3];
        Fill(anyCur, n);
        Fill(defCur, n);
        anyCur[0] = defCur[0] = 0;
        for (int i = 0; ; i++)
        {
            Fill(anyNext, n);
            Fill(defNext, n);
            bool alive = false;
            for (int j = 0; j <= n; j++)
            {
                int any = anyCur[j];
                if (any < 0) continue;
                alive = true;
                int definite = defCur[j];
                bool templateMany = i < m && template[i].Kind == ArnTokenKind.Many;
                bool arnMany = j < n && arn[j].Kind == ArnTokenKind.Many;
                // A run may be empty: skip it.
                if (templateMany) Push(anyNext, defNext, j, any, definite);
                if (arnMany) Push(anyCur, defCur, j + 1, any, definite);
                // Produce one character from both sides; a run stays where it is.
                if (i < m && j < n && !(templateMany && arnMany) && Compatible(template[i], arn[j]))
                {
                    bool templateLiteral = template[i].Kind == ArnTokenKind.Literal;
                    bool bothLiteral = templateLiteral && arn[j].Kind == ArnTokenKind.Literal;
                    int gain = bothLiteral ? 1 : 0;
                    int nextDefinite = definite < 0 || (templateLiteral && !bothLiteral) ? -1 : definite + gain;
                    int nj = arnMany ? j : j + 1;
                    if (templateMany) Push(anyCur, defCur, nj, any + gain, nextDefinite);
                    else Push(anyNext, defNext, nj, any + gain, nextDefinite);
                }
            }
            if (i == m)
            {
                anyScore = anyCur[n];
                definiteScore = anyScore < 0 ? -1 : defCur[n];
                return anyScore >= 0;
            }
            if (!alive)
            {
                anyScore = definiteScore = -1;
                return false;
            }
            (anyCur, anyNext) = (anyNext, anyCur);
            (defCur, defNext) = (defNext, defCur);
        }
    }

    /// <summary>False only when <paramref name="arn"/> has no wildcard and does not contain the template's literals in order.</summary>
    private bool ContainsLiteralsInOrder(ArnToken[] arn)
    {
        int next = 0;
        foreach (var token in arn)
        {
            if (token.Kind != ArnTokenKind.Literal) return true;
            if (next < _literals.Length && token.Char == _literals[next]) next++;
        }
        return next == _literals.Length;
    }

    /// <summary>
    /// Splits a policy ARN into tokens. False when it does not start with <c>arn:</c>, or has fewer than six fields and
    /// does not end with <c>*</c> (such a resource matches nothing in IAM).
    /// </summary>
    /// <param name="arn">The ARN, possibly with wildcards and policy variables.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="serviceField">
    /// The service field's text, or null when it is not plain text (it has wildcards or variables, or the ARN ends within it).
    /// </param>
    public static bool TryTokenizeArn(string arn, out ArnToken[] tokens, out string? serviceField)
    {
        tokens = Array.Empty<ArnToken>();
        serviceField = null;
        if (!arn.StartsWith("arn:", StringComparison.Ordinal)) return false;

        var list = new List<ArnToken>(arn.Length);
        int colons = 0, lastFieldStart = 0;
        bool endsWithStar = false;
        void AddText(string text, bool wildcards)
        {
            foreach (char c in text)
            {
                bool inResource = colons >= 5;
                endsWithStar = wildcards && c == '*';
                if (endsWithStar)
                {
                    list.Add(ArnToken.Many(inResource));
                }
                else if (wildcards && c == '?')
                {
                    list.Add(ArnToken.One(inResource));
                }
                else
                {
                    list.Add(ArnToken.Literal(c));
                    if (c == ':' && colons < 5)
                    {
                        colons++;
                        lastFieldStart = list.Count;
                    }
                }
            }
        }

        if (PolicyVariables.ContainsVariable(arn))
        {
            foreach (var part in PolicyVariables.Split(arn))
            {
                if (part.IsVariable)
                {
                    list.Add(ArnToken.Many(colons >= 5));
                    endsWithStar = false;
                }
                else
                {
                    AddText(part.Text, wildcards: !part.IsEscape);
                }
            }
        }
        else
        {
            AddText(arn, wildcards: true);
        }

        if (colons < 5)
        {
            // IAM: the last field written ends with '*', which covers the colons and fields that follow.
            if (!endsWithStar) return false;
            for (int k = lastFieldStart; k < list.Count; k++)
            {
                if (list[k].Kind != ArnTokenKind.Literal) list[k] = list[k].WithAnyColon();
            }
        }
        tokens = list.ToArray();
        serviceField = LiteralServiceField(arn);
        return true;
    }

    private static int NthColon(string text, int n)
    {
        int at = -1;
        for (int k = 0; k < n; k++)
        {
            at = text.IndexOf(':', at + 1);
            if (at < 0) return -1;
        }
        return at;
    }

    // The third field when it is plain text (no placeholder, variable or wildcard) and followed by a colon; else null.
    private static string? LiteralServiceField(string arn)
    {
        int c2 = NthColon(arn, 2), c3 = c2 < 0 ? -1 : arn.IndexOf(':', c2 + 1);
        if (c3 < 0) return null;
        string field = arn.Substring(c2 + 1, c3 - c2 - 1);
        return field.IndexOf('$') >= 0 || field.IndexOf('*') >= 0 || field.IndexOf('?') >= 0 ? null : field;
    }

    private static bool IsPlaceholderStart(string template, int i, out int close)
    {
        close = -1;
        if (template[i] != '$' || i + 1 >= template.Length || template[i + 1] != '{') return false;
        close = template.IndexOf('}', i + 2);
        return close >= 0;
    }

    private static bool Compatible(ArnToken template, ArnToken arn)
    {
        bool templateLiteral = template.Kind == ArnTokenKind.Literal, arnLiteral = arn.Kind == ArnTokenKind.Literal;
        if (templateLiteral && arnLiteral) return template.Char == arn.Char;
        if (templateLiteral) return arn.AnyColon || template.Char != ':';
        if (arnLiteral) return template.AnyColon || arn.Char != ':';
        return true;
    }

    private static void Push(int[] any, int[] definite, int j, int anyScore, int definiteScore)
    {
        if (anyScore > any[j]) any[j] = anyScore;
        if (definiteScore > definite[j]) definite[j] = definiteScore;
    }

    private static void Fill(int[] row, int n)
    {
        for (int j = 0; j <= n; j++) row[j] = -1;
    }
}

/// <summary>The kind of an <see cref="ArnToken"/>.</summary>
internal enum ArnTokenKind : byte
{
    Literal,
    One,
    Many,
}

/// <summary>A literal character, exactly one character, or any run of characters, with whether the wildcard may be <c>:</c>.</summary>
internal readonly struct ArnToken
{
    private ArnToken(ArnTokenKind kind, char c, bool anyColon)
    {
        Kind = kind;
        Char = c;
        AnyColon = anyColon;
    }

    public ArnTokenKind Kind { get; }

    public char Char { get; }

    public bool AnyColon { get; }

    public static ArnToken Literal(char c) => new(ArnTokenKind.Literal, c, false);

    public static ArnToken One(bool anyColon) => new(ArnTokenKind.One, '\0', anyColon);

    public static ArnToken Many(bool anyColon) => new(ArnTokenKind.Many, '\0', anyColon);

    public ArnToken WithAnyColon() => new(Kind, Char, true);
}
