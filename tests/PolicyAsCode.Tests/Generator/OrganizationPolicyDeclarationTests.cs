using Microsoft.CodeAnalysis;
using PolicyAsCode.Aws;
using PolicyAsCode.Catalogue;
using PolicyAsCode.Compiled;
using PolicyAsCode.Dsl;
using PolicyAsCode.Json;
using PolicyAsCode.Rules;
using PolicyAsCode.Tests.Analyzers;

namespace PolicyAsCode.Tests.Generator;

/// <summary>
/// <c>[ServiceControlPolicy]</c> and <c>[ResourceControlPolicy]</c>: the generator writes what the runtime DSL builds,
/// lists them in the manifest and the registry with their kinds, compiles evaluators that agree with the interpreter,
/// and the analyzer validates them with the SCP and RCP rules.
/// </summary>
public sealed class OrganizationPolicyDeclarationTests
{
    private const string Guardrails = """
        public static partial class Guardrails
        {
            // AWS Organizations User Guide, "Example SCPs": deny all actions outside the approved Regions, except global services.
            [ServiceControlPolicy("deny_outside_eu")]
            public static ServiceControlPolicy DenyOutsideEu => Policy.ServiceControl()
                .Deny().AllExcept("iam:*", "organizations:*", "sts:*", "support:*").OnAll()
                    .When(Keys.Aws.RequestedRegion.IsNot("eu-west-1", "eu-central-1"))
                    .Named("DenyOutsideEu");

            [ServiceControlPolicy("no_leaving")]
            public static ServiceControlPolicy NoLeaving => Policy.ServiceControl().Deny(Organizations.LeaveOrganization).OnAll();

            // "Resource control policy examples": enforce secure transport.
            [ResourceControlPolicy("tls_only")]
            public static ResourceControlPolicy TlsOnly => Policy.ResourceControl()
                .Deny("s3:*", "sqs:*", "kms:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse()).Named("EnforceSecureTransport");
        }
        """;

    [Fact]
    public async Task OrganizationPolicies_AreWrittenAsTheRuntimeBuildsThem_WithTheirKindsInTheManifestAndTheRegistry()
    {
        using var generated = await new PolicyGeneratorTest(Guardrails).RunAndLoadAsync();
        var files = generated.AssertMatchesRuntime();
        Assert.Equal(["deny_outside_eu.json", "manifest.json", "no_leaving.json", "tls_only.json"], files.Keys);

        // An RCP's statements always have "Principal": "*": the DSL writes it.
        Assert.Equal("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "EnforceSecureTransport",
                  "Effect": "Deny",
                  "Principal": "*",
                  "Action": [
                    "s3:*",
                    "sqs:*",
                    "kms:*"
                  ],
                  "Resource": "*",
                  "Condition": {
                    "Bool": {
                      "aws:SecureTransport": "false"
                    }
                  }
                }
              ]
            }
            """.ReplaceLineEndings("\n"), files["tls_only.json"].TrimEnd('\n'));
        Assert.Contains("""{"name": "deny_outside_eu", "kind": "scp", "file": "deny_outside_eu.json"}""", files["manifest.json"]);
        Assert.Contains("""{"name": "tls_only", "kind": "rcp", "file": "tls_only.json"}""", files["manifest.json"]);

        var registry = generated.Registry();
        Assert.Equal(IamDeclarationKind.ServiceControlPolicy, registry.Single(d => d.Name == "no_leaving").Kind);
        Assert.Equal(IamDeclarationKind.ResourceControlPolicy, registry.Single(d => d.Name == "tls_only").Kind);
    }

    [Fact]
    public async Task CompiledOrganizationPolicyEvaluators_AgreeWithTheInterpreter()
    {
        using var generated = await new PolicyGeneratorTest(Guardrails).RunAndLoadAsync();
        const string Admin = "arn:aws:iam::222222222222:role/admin";
        Request[] requests =
        [
            new(Admin, "ec2:RunInstances", "*", [new("aws:RequestedRegion", ["us-east-1"])]),
            new(Admin, "ec2:RunInstances", "*", [new("aws:RequestedRegion", ["eu-west-1"])]),
            new(Admin, "iam:CreateRole", "*", [new("aws:RequestedRegion", ["us-east-1"])]),
            new(Admin, "ec2:RunInstances", "*"),
            new(Admin, "organizations:LeaveOrganization", "*"),
            new(Admin, "s3:GetObject", "arn:aws:s3:::reports/a", [new("aws:SecureTransport", ["false"])]),
            new(Admin, "s3:GetObject", "arn:aws:s3:::reports/a", [new("aws:SecureTransport", ["true"])]),
            new(Admin, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:222222222222:q"),
            new(Admin, "dynamodb:GetItem", "arn:aws:dynamodb:eu-west-1:222222222222:table/t", [new("aws:SecureTransport", ["false"])]),
        ];
        var decisions = new List<Decision>();
        foreach (var declared in generated.Declarations())
        {
            var prepared = new PreparedPolicy(((PolicyBase)declared.Value).Document);
            var evaluate = generated.Registry().Single(d => d.Name == declared.Name).Evaluate!;
            foreach (var request in requests)
            {
                Assert.Equal(prepared.Decide(request), evaluate(request));
                decisions.Add(evaluate(request));
            }
        }
        // The requests exercise both outcomes, so agreement is not trivially "no match".
        Assert.Contains(Decision.ExplicitDeny, decisions);
        Assert.Contains(Decision.ImplicitDeny, decisions);
    }

    [Fact]
    public async Task OrganizationPolicyOfTheWrongType_IsPAC202()
    {
        await new PolicyGeneratorTest("""
            public static partial class Wrong
            {
                [ServiceControlPolicy("wrong")]
                public static IdentityPolicy {|#0:Wrong1|} => Policy.Identity().Allow(S3.GetObject).OnAll();
            }
            """).Expect(PolicyGeneratorTest.Diagnostic("PAC202", 0, DiagnosticSeverity.Error)
                .WithMessage("[ServiceControlPolicy] goes on a static property or field of type ServiceControlPolicy; 'Wrong1' is of type PolicyAsCode.IdentityPolicy.")).RunAsync();
    }

    // The analyzer validates an SCP as an SCP: FullAWSAccess-style Allow * on * is what SCPs are for (no PAC101, which the
    // same statement gets in a managed policy), and catalogue rules still apply.
    [Fact]
    public Task ScpDeclarations_AreValidatedAsServiceControlPolicies() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Scps
        {
            [ServiceControlPolicy("allow_all")]
            public static ServiceControlPolicy AllowAll => Policy.ServiceControl().Allow(IamAction.All).OnAll()
                .Deny({|PAC003:"ec2:RunInstancez"|}).OnAll();

            [ManagedPolicy("admin")]
            public static IdentityPolicy Admin => Policy.Identity().{|PAC101:Allow(IamAction.All)|}.OnAll();
        }
        """);

    [Fact]
    public Task RcpDeclarations_AreValidatedAsResourceControlPolicies() => PolicyAnalyzerTest.VerifyAsync("""
        public static partial class Rcps
        {
            [ResourceControlPolicy("perimeter")]
            public static ResourceControlPolicy Perimeter => Policy.ResourceControl()
                .Deny({|PAC003:"s3:GetObjekt"|}).OnAll().When(Keys.Aws.PrincipalOrgID.IsNot("o-abc123"))
                .Include(Shared);

            [ResourceControlPolicy("shared")]
            public static ResourceControlPolicy Shared => Policy.ResourceControl().Deny({|PAC002:"s4:GetObject"|}).OnAll();
        }
        """);

    [Fact]
    public void RuntimeDsl_WritesOnlyWhatTheGrammarsAllow_AndTheRulesAgree()
    {
        var rcp = Policy.ResourceControl().Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse());
        var scp = Policy.ServiceControl().Deny().AllExcept("iam:*").OnAllExcept("arn:aws:s3:::logs").When(Keys.Aws.RequestedRegion.IsNot("eu-west-1"));
        static ValidationOptions As(PolicyKind kind) => new(kind) { Catalogue = ServiceCatalogue.Default };
        Assert.Empty(PolicyValidator.Validate(rcp.Document, As(PolicyKind.ResourceControlPolicy)));
        Assert.Empty(PolicyValidator.Validate(scp.Document, As(PolicyKind.ServiceControlPolicy)));
        // AWS's own policies, as the organization model attaches them: the one Allow an RCP may have, and FullAWSAccess.
        Assert.Empty(PolicyValidator.Validate(ResourceControlPolicy.FullAwsAccess.Document, As(PolicyKind.ResourceControlPolicy)));
        Assert.Empty(PolicyValidator.Validate(ServiceControlPolicy.FullAwsAccess.Document, As(PolicyKind.ServiceControlPolicy)));
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""",
            PolicyJson.Write(ResourceControlPolicy.FullAwsAccess.Document, indented: false));
        Assert.Throws<DslException>(() => Policy.ResourceControl().Deny());
    }
}
