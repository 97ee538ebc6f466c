namespace PolicyAsCode;

/// <summary>
/// One condition with its policy values parsed once, evaluated against requests without re-reading the policy.
/// </summary>
/// <remarks>
/// Semantics (IAM User Guide, "Condition operators" and "Single-valued vs. multivalued context keys"):
/// values of one key are ORed; a negated operator holds when no value matches; an absent key makes a condition false,
/// except negated operators and <c>...IfExists</c> (true) and <c>ForAllValues</c> (true); <c>ForAnyValue</c> is false on an
/// absent or empty key. Without a set qualifier, a key with several request values holds when any of them matches
/// (negated: when none does). A policy value or request value that cannot be read for the operator's type is an error,
/// which fails closed.
/// </remarks>
internal sealed class PreparedCondition
{
    private readonly GlobPattern[]? _strings;
    private readonly ArnPattern[]? _arns;
    private readonly decimal[]? _numbers;
    private readonly DateTimeOffset[]? _dates;
    private readonly bool[]? _bools;
    private readonly byte[][]? _binaries;
    private readonly IpRange[]? _ranges;
    private readonly ConditionOperatorKind _kind;
    private readonly bool _negated;
    private readonly bool _hasVariables;

    public PreparedCondition(Condition condition, bool variables)
    {
        Condition = condition;
        Operator = condition.Operator;
        Key = condition.Key;
        _kind = Operator.Kind;
        _negated = Operator.IsNegated;
        var values = condition.Values.Items;
        try
        {
            switch (Operator.Family)
            {
                case ConditionOperatorFamily.String:
                    bool like = _kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
                    bool ignoreCase = _kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase;
                    _strings = Array.ConvertAll(values, v => GlobPattern.Compile(v, wildcards: like, variables, ignoreCase));
                    break;
                case ConditionOperatorFamily.Arn:
                    _arns = Array.ConvertAll(values, v => ArnPattern.Compile(v, variables, variablesInAllFields: true));
                    break;
                case ConditionOperatorFamily.Numeric:
                    _numbers = Array.ConvertAll(values, v => ConditionValues.TryNumber(v, out var n) ? n : throw new FormatException($"'{v}' is not a number"));
                    break;
                case ConditionOperatorFamily.Date:
                    _dates = Array.ConvertAll(values, v => ConditionValues.TryDate(v, out var d) ? d : throw new FormatException($"'{v}' is not a date"));
                    break;
                case ConditionOperatorFamily.Bool:
                case ConditionOperatorFamily.Null:
                    _bools = Array.ConvertAll(values, v => ConditionValues.TryBool(v, out var b) ? b : throw new FormatException($"'{v}' is not true or false"));
                    break;
                case ConditionOperatorFamily.Binary:
                    _binaries = Array.ConvertAll(values, v => Convert.FromBase64String(v));
                    break;
                case ConditionOperatorFamily.IpAddress:
                    _ranges = Array.ConvertAll(values, v => IpRange.TryParse(v, out var r) ? r : throw new FormatException($"'{v}' is not an IP address or CIDR range"));
                    break;
            }
        }
        catch (FormatException e)
        {
            InvalidReason = $"{Operator.Name} {Key}: {e.Message}";
        }
        _hasVariables = (_strings is not null && Array.Exists(_strings, p => p.HasVariables))
            || (_arns is not null && Array.Exists(_arns, p => p.HasVariables));
    }

    public Condition Condition { get; }

    public ConditionOperator Operator { get; }

    public string Key { get; }

    /// <summary>Why a policy value cannot be used with this operator; such a condition always evaluates to an error.</summary>
    public string? InvalidReason { get; }

    /// <summary>
    /// The conditions of one statement, in order: <see cref="ConditionResult.True"/> when all hold, else the result of the
    /// first that does not (<paramref name="decisive"/> is its index). Conditions after it are not evaluated, so for a Deny
    /// statement the first condition that is not true decides whether it fails closed (error) or does not apply (false).
    /// </summary>
    public static ConditionResult EvaluateAll(PreparedCondition[] conditions, Request request, out int decisive)
    {
        for (int i = 0; i < conditions.Length; i++)
        {
            var result = conditions[i].Evaluate(request);
            if (result != ConditionResult.True)
            {
                decisive = i;
                return result;
            }
        }
        decisive = -1;
        return ConditionResult.True;
    }

    /// <summary>
    /// Whether a policy value has a policy variable that the request cannot resolve (see
    /// <see cref="GlobPattern.VariablesResolve"/>): such a condition, once its key is present, is an error.
    /// </summary>
    public bool HasUnresolvedVariable(Request request)
    {
        if (!_hasVariables) return false;
        if (_strings is not null)
        {
            foreach (var pattern in _strings)
            {
                if (!pattern.VariablesResolve(request)) return true;
            }
        }
        if (_arns is not null)
        {
            foreach (var pattern in _arns)
            {
                if (!pattern.VariablesResolve(request)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Evaluates the condition. A condition whose key is present and one of whose values needs a policy variable the
    /// request cannot resolve is an error, negated operators included (IAM User Guide, "IAM policy elements: Variables and
    /// tags": "If AWS cannot resolve a variable this might cause the entire statement to be invalid"): otherwise
    /// <c>StringNotEquals</c> against <c>${aws:username}</c> would hold for every role session. When the key is absent
    /// the values are not compared (<c>...IfExists</c>, negated operators and <c>ForAllValues</c> hold, as AWS documents),
    /// so no variable is needed.
    /// </summary>
    public ConditionResult Evaluate(Request request)
    {
        if (InvalidReason is not null) return ConditionResult.Error;
        bool present = request.TryGetValues(Key, out var values) && values!.Length > 0;
        if (_kind == ConditionOperatorKind.Null)
        {
            // "Null": true asks for the key to be absent, false for it to be present (values ORed).
            foreach (bool wantAbsent in _bools!)
            {
                if (wantAbsent != present) return ConditionResult.True;
            }
            return ConditionResult.False;
        }
        if (!present)
        {
            if (Operator.IfExists) return ConditionResult.True;
            return Operator.Qualifier switch
            {
                SetQualifier.ForAllValues => ConditionResult.True,
                SetQualifier.ForAnyValue => ConditionResult.False,
                _ => ConditionResults.From(_negated),
            };
        }
        if (_hasVariables && HasUnresolvedVariable(request)) return ConditionResult.Error;
        switch (Operator.Qualifier)
        {
            case SetQualifier.ForAllValues:
            {
                var result = ConditionResult.True;
                foreach (var value in values!)
                {
                    var r = PerValue(value, request);
                    if (r == ConditionResult.False) return ConditionResult.False;
                    if (r == ConditionResult.Error) result = ConditionResult.Error;
                }
                return result;
            }
            case SetQualifier.ForAnyValue:
            {
                var result = ConditionResult.False;
                foreach (var value in values!)
                {
                    var r = PerValue(value, request);
                    if (r == ConditionResult.True) return ConditionResult.True;
                    if (r == ConditionResult.Error) result = ConditionResult.Error;
                }
                return result;
            }
            default:
            {
                var any = ConditionResult.False;
                foreach (var value in values!)
                {
                    var r = MatchesAnyPolicyValue(value, request);
                    if (r == ConditionResult.True)
                    {
                        any = ConditionResult.True;
                        break;
                    }
                    if (r == ConditionResult.Error) any = ConditionResult.Error;
                }
                return _negated ? ConditionResults.Not(any) : any;
            }
        }
    }

    private ConditionResult PerValue(string value, Request request)
    {
        var r = MatchesAnyPolicyValue(value, request);
        return _negated ? ConditionResults.Not(r) : r;
    }

    /// <summary>Whether the request value matches at least one policy value under the positive form of the operator.</summary>
    private ConditionResult MatchesAnyPolicyValue(string value, Request request)
    {
        switch (Operator.Family)
        {
            case ConditionOperatorFamily.String:
                foreach (var pattern in _strings!)
                {
                    if (pattern.IsMatch(value, 0, value.Length, request)) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.Arn:
                if (!ArnFields.TrySplit(value, out var fields)) return ConditionResult.False;
                foreach (var pattern in _arns!)
                {
                    if (pattern.IsMatch(value, fields, request)) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.Numeric:
                if (!ConditionValues.TryNumber(value, out var number)) return ConditionResult.Error;
                foreach (var n in _numbers!)
                {
                    if (Compare(number.CompareTo(n))) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.Date:
                if (!ConditionValues.TryDate(value, out var date)) return ConditionResult.Error;
                foreach (var d in _dates!)
                {
                    if (Compare(date.CompareTo(d))) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.Bool:
                if (!ConditionValues.TryBool(value, out var flag)) return ConditionResult.Error;
                foreach (var b in _bools!)
                {
                    if (b == flag) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.Binary:
#if POLICYASCODE_GENERATOR
                ReadOnlySpan<byte> buffer;
                try { buffer = Convert.FromBase64String(value); }
                catch (FormatException) { return ConditionResult.Error; }
                int written = buffer.Length;
#else
                Span<byte> buffer = value.Length <= 1024 ? stackalloc byte[value.Length] : new byte[value.Length];
                if (!Convert.TryFromBase64String(value, buffer, out int written)) return ConditionResult.Error;
#endif
                foreach (var bytes in _binaries!)
                {
                    if (buffer[..written].SequenceEqual(bytes)) return ConditionResult.True;
                }
                return ConditionResult.False;
            case ConditionOperatorFamily.IpAddress:
                if (!ConditionValues.TryAddress(value, out var address)) return ConditionResult.Error;
                foreach (var range in _ranges!)
                {
                    if (range.Contains(address)) return ConditionResult.True;
                }
                return ConditionResult.False;
            default:
                return ConditionResult.Error;
        }
    }

    /// <summary>Applies the positive comparison of the operator to <c>request.CompareTo(policy)</c>.</summary>
    private bool Compare(int comparison) => _kind switch
    {
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
            or ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => comparison == 0,
        ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.DateLessThan => comparison < 0,
        ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.DateLessThanEquals => comparison <= 0,
        ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.DateGreaterThan => comparison > 0,
        _ => comparison >= 0,
    };
}
