namespace PolicyAsCode.Generators.Emit;

/// <summary>What a compiled evaluator can check a wildcard pattern with.</summary>
internal enum PatternShapeKind
{
    /// <summary>Only <c>*</c>: matches everything.</summary>
    MatchAll,

    /// <summary>No wildcard: the input equals <see cref="PatternShape.Text"/>.</summary>
    Literal,

    /// <summary><c>text*</c>: the input starts with <see cref="PatternShape.Text"/>.</summary>
    Prefix,

    /// <summary><c>*text</c>: the input ends with <see cref="PatternShape.Text"/>.</summary>
    Suffix,

    /// <summary>Anything else (<c>?</c>, a <c>*</c> inside): left to the runtime's matcher.</summary>
    Other,
}

/// <summary>
/// The shape of a pattern with the IAM wildcards <c>*</c> and <c>?</c>, as <see cref="GlobPattern"/> reads it: a run of
/// stars is one star, every other character is literal.
/// </summary>
internal readonly struct PatternShape
{
    private PatternShape(PatternShapeKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>The shape.</summary>
    public PatternShapeKind Kind { get; }

    /// <summary>The literal text, without stars, for <see cref="PatternShapeKind.Literal"/>, prefixes and suffixes.</summary>
    public string Text { get; }

    /// <summary>Classifies a pattern in which <c>*</c> and <c>?</c> are wildcards.</summary>
    public static PatternShape Of(string pattern)
    {
        if (pattern.IndexOf('?') >= 0) return new PatternShape(PatternShapeKind.Other, pattern);
        if (pattern.IndexOf('*') < 0) return new PatternShape(PatternShapeKind.Literal, pattern);
        int leading = 0;
        while (leading < pattern.Length && pattern[leading] == '*') leading++;
        if (leading == pattern.Length) return new PatternShape(PatternShapeKind.MatchAll, "");
        int trailing = pattern.Length;
        while (pattern[trailing - 1] == '*') trailing--;
        string middle = pattern.Substring(leading, trailing - leading);
        if (middle.IndexOf('*') >= 0) return new PatternShape(PatternShapeKind.Other, pattern);
        if (leading == 0 && trailing < pattern.Length) return new PatternShape(PatternShapeKind.Prefix, middle);
        if (leading > 0 && trailing == pattern.Length) return new PatternShape(PatternShapeKind.Suffix, middle);
        return new PatternShape(PatternShapeKind.Other, pattern);
    }
}
