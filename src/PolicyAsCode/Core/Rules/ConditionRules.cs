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
}
