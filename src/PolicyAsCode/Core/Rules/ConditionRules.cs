namespace PolicyAsCode.Rules;

/// <summary>Condition checks that need no catalogue (IAM User Guide, "IAM JSON policy elements: Condition operators").</summary>
internal static class ConditionRules
{
    public static void Check(RuleContext context)
    {
        var statements = context.Document.Statements;
        for (int i = 0; i < statements.Count; i++)
        {
            var conditions = statements[i].Conditions;
            for (int c = 0; c < conditions.Count; c++)
            {
                CheckUserName(context, conditions[c], i, c);
                if (!CheckSensitiveKey(context, conditions[c], i, c)) CheckExactWildcard(context, conditions[c], i, c);
            }
        }
    }

    /// <summary>
    /// IAM user names are unique ignoring case ("IAM identifiers"), and <c>aws:username</c> carries the name as created, so a
    /// case-sensitive comparison misses users whose names differ only in case.
    /// </summary>
    private static void CheckUserName(RuleContext context, Condition condition, int statement, int index)
    {
        if (!string.Equals(condition.Key, "aws:username", StringComparison.OrdinalIgnoreCase)) return;
        var kind = condition.Operator.Kind;
        if (kind is not (ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals)) return;
        string replacement = condition.Operator.Name.Replace(kind.ToString(), kind + "IgnoreCase");
        context.Report(PolicyRules.CaseSensitiveUserName, Locations.ConditionOperator(statement, condition, index),
            $"IAM user names are case-insensitive, but {condition.Operator.Name} compares aws:username case-sensitively; use {replacement}.",
            replacement);
    }

    /// <summary>
    /// The keys for which AWS says a wildcard "does not have any valid use cases, even with a substring of the key value"
    /// (IAM User Guide, "AWS global condition context keys", section "Sensitive condition keys").
    /// </summary>
    internal static readonly string[] SensitiveKeys =
    [
        "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:SourceAccount",
        "aws:SourceOrgID", "aws:SourceVpc", "aws:SourceVpce", "aws:VpceAccount", "aws:VpceOrgID",
    ];

    /// <summary>PAC108; true when the key is sensitive, so that PAC023 does not also suggest a Like operator for it.</summary>
    private static bool CheckSensitiveKey(RuleContext context, Condition condition, int statement, int index)
    {
        if (!SensitiveKeys.Contains(condition.Key, StringComparer.OrdinalIgnoreCase)) return false;
        if (condition.Operator.Family is not (ConditionOperatorFamily.String or ConditionOperatorFamily.Arn)) return true;
        bool like = condition.Operator.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
            || condition.Operator.Family == ConditionOperatorFamily.Arn;
        for (int v = 0; v < condition.Values.Count; v++)
        {
            string value = condition.Values[v];
            if (!HasWildcard(context, value)) continue;
            context.Report(PolicyRules.WildcardOnSensitiveKey, Locations.ConditionValue(statement, condition, index, v),
                like
                    ? $"'{value}' is a wildcard on {condition.Key}, where AWS says a wildcard has no valid use, even for part of the value: it can match ids you do not control. Name the exact value."
                    : $"'{value}' has a wildcard on {condition.Key}, where AWS says a wildcard has no valid use; with {condition.Operator.Name} it is literal text and matches no request. Name the exact value.");
        }
        return true;
    }

    /// <summary>
    /// PAC023. IAM User Guide, "Condition operators": only StringLike and StringNotLike match <c>*</c> and <c>?</c>; the
    /// exact operators compare them as characters. (ArnEquals is not reported: AWS documents ArnEquals and ArnLike alike,
    /// each ARN field matched with wildcards.)
    /// </summary>
    private static void CheckExactWildcard(RuleContext context, Condition condition, int statement, int index)
    {
        var kind = condition.Operator.Kind;
        if (kind is not (ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals
            or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase)) return;
        string? value = condition.Values.FirstOrDefault(v => HasWildcard(context, v));
        if (value is null) return;
        bool ignoreCase = kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase;
        string like = kind is ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase ? "StringLike" : "StringNotLike";
        string replacement = condition.Operator.Name.Replace(kind.ToString(), like);
        context.Report(PolicyRules.WildcardInExactMatch, Locations.ConditionOperator(statement, condition, index),
            $"{condition.Operator.Name} compares '{value}' character for character: its * and ? are literal, not wildcards. "
            + (ignoreCase
                ? $"To match a pattern use {replacement}, which is case-sensitive; to match the characters * or ? literally, write ${{*}} or ${{?}}."
                : $"Did you mean {replacement}? To match the characters literally, write ${{*}} or ${{?}}."),
            ignoreCase ? [] : [replacement]);
    }

    /// <summary>Whether the value has <c>*</c> or <c>?</c> other than the escapes <c>${*}</c> and <c>${?}</c>.</summary>
    private static bool HasWildcard(RuleContext context, string value)
    {
        if (value.IndexOf('*') < 0 && value.IndexOf('?') < 0) return false;
        if (!context.Document.SupportsPolicyVariables || !PolicyVariables.ContainsVariable(value)) return true;
        return PolicyVariables.Split(value).Any(p => !p.IsVariable && !p.IsEscape && (p.Text.IndexOf('*') >= 0 || p.Text.IndexOf('?') >= 0));
    }
}
