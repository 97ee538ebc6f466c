using PolicyAsCode.Rules;
using static PolicyAsCode.Tests.Rules.RuleKit;

namespace PolicyAsCode.Tests.Rules;

// IAM User Guide, "AWS JSON policy elements: Principal", AWS service principals: a service's principal is usually its
// service prefix followed by .amazonaws.com (lambda.amazonaws.com).
public class ServicePrincipalRuleTests
{
    private static IReadOnlyList<Finding> Trust(string service)
        => Validate(Policy($$"""{"Effect": "Allow", "Principal": {"Service": {{service}}}, "Action": "sts:AssumeRole"}"""), PolicyKind.Trust);

    [Fact]
    public void MisspelledServicePrincipal_ReportsPAC024WithTheServicesName()
        => RuleAssert.Reports(Trust("\"lamda.amazonaws.com\""), "PAC024", FindingSeverity.Warning, "$.Statement[0].Principal.Service",
            ["The service principal lamda.amazonaws.com names no AWS service: there is no service lamda. Did you mean lambda.amazonaws.com?"],
            "lambda.amazonaws.com");

    [Fact]
    public void MisspelledServicePrincipalInAList_ReportsPAC024AtThatValue()
        => RuleAssert.Reports(Trust("[\"ec2.amazonaws.com\", \"ecs-taks.amazonaws.com\", \"sttes.amazonaws.com\"]"), "PAC024", FindingSeverity.Warning,
            "$.Statement[0].Principal.Service[2]", ["there is no service sttes"], "states.amazonaws.com");

    [Theory]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("ecs-tasks.amazonaws.com")]
    [InlineData("edgelambda.amazonaws.com")]
    [InlineData("logs.us-east-1.amazonaws.com")]
    [InlineData("delivery.logs.amazonaws.com")]
    [InlineData("ec2.amazonaws.com.cn")]
    public void RealServicePrincipals_DoNotReportPAC024(string service)
        => RuleAssert.DoesNotReport(Trust($"\"{service}\""), "PAC024");
}
