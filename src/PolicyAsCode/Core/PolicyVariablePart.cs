namespace PolicyAsCode;

/// <summary>One part of a string that may contain policy variables.</summary>
/// <param name="Text">Literal text, or the variable's key.</param>
/// <param name="IsVariable">Whether this part is a variable <c>${key}</c>.</param>
/// <param name="IsEscape">Whether this literal came from <c>${*}</c>, <c>${?}</c> or <c>${$}</c> and so is never a wildcard.</param>
/// <param name="Default">The default value of <c>${key, 'default'}</c>, or null.</param>
/// <param name="Start">Where the part starts in the source text.</param>
/// <param name="Length">The part's length in the source text.</param>
public readonly record struct PolicyVariablePart(string Text, bool IsVariable, bool IsEscape, string? Default, int Start, int Length);
