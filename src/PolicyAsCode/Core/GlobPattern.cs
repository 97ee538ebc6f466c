namespace PolicyAsCode;

/// <summary>
/// A compiled pattern with the IAM wildcards <c>*</c> (any run of characters) and <c>?</c> (one character), optionally
/// with policy variables replaced from the request. Matching allocates nothing.
/// </summary>
/// <remarks>
/// This is the one matcher behind action matching, resource ARN fields, <c>StringLike</c> and <c>ArnLike</c>, so the
/// runtime, the rule engine and the compiled evaluators agree. The value of a policy variable is always literal text: a
/// <c>*</c> in a user name does not become a wildcard.
/// </remarks>
public sealed class GlobPattern
{
    private readonly Token[] _tokens;
    private readonly bool _ignoreCase;

    private GlobPattern(string source, Token[] tokens, bool ignoreCase)
    {
        Source = source;
        _tokens = tokens;
        _ignoreCase = ignoreCase;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Variable) HasVariables = true;
            if (token.Kind is TokenKind.Star or TokenKind.Question) HasWildcards = true;
        }
        IsMatchAll = tokens.Length == 1 && tokens[0].Kind == TokenKind.Star;
    }

    /// <summary>The pattern text it was compiled from.</summary>
    public string Source { get; }

    /// <summary>Whether the pattern contains policy variables.</summary>
    public bool HasVariables { get; }

    /// <summary>Whether the pattern contains <c>*</c> or <c>?</c>.</summary>
    public bool HasWildcards { get; }

    /// <summary>Whether the pattern is exactly <c>*</c>.</summary>
    public bool IsMatchAll { get; }

    /// <summary>
    /// The literal text when the pattern has no wildcards and no variables; otherwise null.
    /// </summary>
    public string? LiteralText => !HasWildcards && !HasVariables ? ConcatLiterals() : null;

    /// <summary>Compiles a pattern.</summary>
    /// <param name="pattern">The pattern text.</param>
    /// <param name="wildcards">Whether <c>*</c> and <c>?</c> are wildcards (false for <c>StringEquals</c>).</param>
    /// <param name="variables">Whether <c>${...}</c> is a policy variable (version 2012-10-17 only).</param>
    /// <param name="ignoreCase">Whether to compare ignoring case (actions; <c>StringEqualsIgnoreCase</c>).</param>
    public static GlobPattern Compile(string pattern, bool wildcards, bool variables, bool ignoreCase)
    {
        var tokens = new List<Token>();
        var literal = new System.Text.StringBuilder();
        void FlushLiteral()
        {
            if (literal.Length > 0)
            {
                tokens.Add(new Token(TokenKind.Literal, literal.ToString(), null));
                literal.Clear();
            }
        }
        void AddText(string text, bool allowWildcards)
        {
            foreach (char c in text)
            {
                if (allowWildcards && c == '*')
                {
                    FlushLiteral();
                    // Consecutive stars are one star.
                    if (tokens.Count == 0 || tokens[tokens.Count - 1].Kind != TokenKind.Star)
                    {
                        tokens.Add(new Token(TokenKind.Star, "*", null));
                    }
                }
                else if (allowWildcards && c == '?')
                {
                    FlushLiteral();
                    tokens.Add(new Token(TokenKind.Question, "?", null));
                }
                else
                {
                    literal.Append(c);
                }
            }
        }

        if (variables && PolicyVariables.ContainsVariable(pattern))
        {
            foreach (var part in PolicyVariables.Split(pattern))
            {
                if (part.IsVariable)
                {
                    FlushLiteral();
                    tokens.Add(new Token(TokenKind.Variable, part.Text, part.Default));
                }
                else
                {
                    AddText(part.Text, wildcards && !part.IsEscape);
                }
            }
        }
        else
        {
            AddText(pattern, wildcards);
        }
        FlushLiteral();
        return new GlobPattern(pattern, tokens.ToArray(), ignoreCase);
    }

    /// <summary>
    /// Whether every policy variable of the pattern resolves in <paramref name="context"/>: its key has a single value
    /// there, or the variable has a default. True for a pattern without variables. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// IAM User Guide, "IAM policy elements: Variables and tags": "If AWS cannot resolve a variable this might cause the
    /// entire statement to be invalid." <see cref="IsMatch(string, int, int, IContextValueSource?)"/> treats such a
    /// variable as matching nothing; an evaluator asks this first to fail closed instead.
    /// </remarks>
    public bool VariablesResolve(IContextValueSource? context)
    {
        if (!HasVariables) return true;
        foreach (var token in _tokens)
        {
            if (token.Kind != TokenKind.Variable || token.Default is not null) continue;
            if (context is null || !context.TryGetSingleValue(token.Text, out _)) return false;
        }
        return true;
    }

    /// <summary>Whether the whole of <paramref name="input"/> matches.</summary>
    public bool IsMatch(string input, IContextValueSource? context = null) => IsMatch(input, 0, input.Length, context);

    /// <summary>
    /// Whether <paramref name="input"/> from <paramref name="start"/> to <paramref name="end"/> (exclusive) matches. A
    /// variable whose key is absent from <paramref name="context"/> (and has no default) matches nothing.
    /// </summary>
    public bool IsMatch(string input, int start, int end, IContextValueSource? context)
    {
        var tokens = _tokens;
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int ti = 0, pos = start;
        int starTi = -1, starPos = 0;
        while (true)
        {
            bool advanced;
            if (ti == tokens.Length)
            {
                if (pos == end) return true;
                advanced = false;
            }
            else
            {
                var token = tokens[ti];
                switch (token.Kind)
                {
                    case TokenKind.Star:
                        if (ti == tokens.Length - 1) return true;
                        starTi = ti;
                        starPos = pos;
                        ti++;
                        continue;
                    case TokenKind.Question:
                        advanced = pos < end;
                        if (advanced) pos++;
                        break;
                    default:
                        string text;
                        if (token.Kind == TokenKind.Literal)
                        {
                            text = token.Text;
                        }
                        else if (context is not null && context.TryGetSingleValue(token.Text, out var value))
                        {
                            text = value;
                        }
                        else if (token.Default is not null)
                        {
                            text = token.Default;
                        }
                        else
                        {
                            return false;
                        }
                        advanced = end - pos >= text.Length && string.Compare(input, pos, text, 0, text.Length, comparison) == 0;
                        if (advanced) pos += text.Length;
                        break;
                }
            }
            if (advanced)
            {
                ti++;
                continue;
            }
            // Mismatch: let the last star take one more character, or fail.
            if (starTi < 0 || starPos >= end) return false;
            starPos++;
            pos = starPos;
            ti = starTi + 1;
        }
    }

    private string ConcatLiterals()
    {
        if (_tokens.Length == 1) return _tokens[0].Text;
        var sb = new System.Text.StringBuilder();
        foreach (var token in _tokens) sb.Append(token.Text);
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Source;

    private enum TokenKind : byte
    {
        Literal,
        Star,
        Question,
        Variable,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string text, string? defaultValue)
        {
            Kind = kind;
            Text = text;
            Default = defaultValue;
        }

        public TokenKind Kind { get; }

        public string Text { get; }

        public string? Default { get; }
    }
}
