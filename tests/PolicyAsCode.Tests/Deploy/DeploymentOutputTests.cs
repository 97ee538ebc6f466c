using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyAsCode.Compiled;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Cli;
using PolicyAsCode.Tests.Generator;

namespace PolicyAsCode.Tests.Deploy;

/// <summary>
/// The build's CloudFormation template and Terraform configuration, for a project with every kind of declaration and for
/// every example: they conform to AWS's CloudFormation resource specification (TestData/cfnspec, from @aws-cdk/cfnspec)
/// and to the Terraform AWS provider's argument names (TestData/terraform, from its documentation), and say exactly what
/// the declarations say.
/// </summary>
public sealed class DeploymentOutputTests
{
    private const string Team = """
        using System;
        using PolicyAsCode;
        using PolicyAsCode.Aws;

        namespace Team;

        public static partial class Iam
        {
            [ManagedPolicy("read_reports")]
            public static IdentityPolicy ReadReports => Policy.Identity()
                .Allow(S3.ListBucket).On(S3.Arn.Bucket("reports"))
                .Allow(S3.GetObject).On(S3.Arn.Object("reports", "home/${aws:username}/*"));

            [ManagedPolicy("read-reports")]
            public static IdentityPolicy ReadReportsToo => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object("reports", "public/*"));

            [ResourcePolicy("reports_bucket")]
            public static ResourcePolicy ReportsBucket => Policy.Resource()
                .Allow(S3.GetObject).For(Principal.Account("444455556666")).On(S3.Arn.Object("reports", "shared/*"))
                .Named("PartnerReadsShared");

            [Role("report_reader")]
            public static Role ReportReader => Role.Define()
                .TrustedBy(Principal.Account("444455556666").WithMfa())
                .Attach(ReadReports)
                .Attach(ReadReportsToo)
                .Attach(AwsManaged.ReadOnlyAccess)
                .Inline("tag_reports", Policy.Identity().Allow(S3.PutObjectTagging).On(S3.Arn.Object("reports", "${aws:username}/*")))
                .PermissionsBoundary(AwsManaged.PowerUserAccess)
                .MaxSession(TimeSpan.FromHours(2))
                .Path("/reports/")
                .Description("Reads the reports bucket");

            [Role("lambda_runner")]
            public static Role LambdaRunner => Role.Define().TrustedBy(Principal.Service("lambda.amazonaws.com"))
                .PermissionsBoundaryArn("arn:aws:iam::111122223333:policy/boundaries/lambda");

            [ManagedPolicy("developer_boundary", Description = "The most a developer's role may do: read and tag reports")]
            public static IdentityPolicy DeveloperBoundary => Policy.Identity().Allow(S3.GetObject, S3.ListBucket, S3.PutObjectTagging).OnAll();

            [Role("developer")]
            public static Role Developer => Role.Define().TrustedBy(Principal.Account("444455556666")).Attach(ReadReports).PermissionsBoundary(DeveloperBoundary);

            [ServiceControlPolicy("deny_outside_eu")]
            public static ServiceControlPolicy DenyOutsideEu => Policy.ServiceControl()
                .Deny().AllExcept("iam:*", "sts:*").OnAll().When(Keys.Aws.RequestedRegion.IsNot("eu-west-1", "eu-central-1"));

            [ResourceControlPolicy("s3_tls_only")]
            public static ResourceControlPolicy S3TlsOnly => Policy.ResourceControl()
                .Deny("s3:*").OnAll().When(Keys.Aws.SecureTransport.IsFalse()).Named("DenyInsecureTransport");
        }
        """;

    public static TheoryData<string> Sources =>
    [
        "team",
        Path.Combine("examples", "CrossAccountS3", "Production.cs"),
        Path.Combine("examples", "ForceMfa", "Policies.cs"),
        Path.Combine("examples", "GitHubActionsOidc", "Roles.cs"),
        Path.Combine("examples", "Organization", "Guardrails.cs"),
    ];

    private static string Source(string name) => name == "team" ? Team : File.ReadAllText(RepoFiles.Get(name.Split(Path.DirectorySeparatorChar)));

    [Theory]
    [MemberData(nameof(Sources))]
    public void CloudFormationTemplate_ConformsToTheResourceSpecification_AndSaysWhatTheDeclarationsSay(string source)
    {
        using var build = DeploymentBuild.Compile(Source(source));
        build.RunTask();
        using var template = JsonDocument.Parse(File.ReadAllText(build.CloudFormationFile));
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cfnspec", "iam-resource-spec.json")));

        CloudFormationSpec.AssertConforms(template.RootElement, spec.RootElement);
        AssertCloudFormationMeansTheDeclarations(template.RootElement, build.Generated.Declarations());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void TerraformConfiguration_UsesTheProvidersArguments_EscapesPolicyVariables_AndSaysWhatTheDeclarationsSay(string source)
    {
        using var build = DeploymentBuild.Compile(Source(source));
        build.RunTask();
        string text = File.ReadAllText(build.TerraformFile);
        using var configuration = JsonDocument.Parse(text);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "terraform", "aws-provider-iam-arguments.json")));

        TerraformSchema.AssertConforms(configuration.RootElement, schema.RootElement);
        // Terraform would interpolate ${aws:username}: in .tf.json it must be written $${aws:username}.
        Assert.DoesNotMatch(new Regex(@"(?<!\$)\$\{aws:"), text);
        if (Source(source).Contains("${aws:username}", StringComparison.Ordinal)) Assert.Contains("$${aws:username}", text);
        AssertTerraformMeansTheDeclarations(configuration.RootElement, build.Generated.Declarations());
    }

    [Fact]
    public void DeploymentFiles_AreStable_RewrittenOnlyWhenChanged_AndDeletedWhenSwitchedOff()
    {
        using var build = DeploymentBuild.Compile(Team);
        build.RunTask();
        string cfn = File.ReadAllText(build.CloudFormationFile), tf = File.ReadAllText(build.TerraformFile);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(build.CloudFormationFile, longAgo);

        build.RunTask();
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(build.CloudFormationFile));
        Assert.Equal(cfn, File.ReadAllText(build.CloudFormationFile));
        Assert.Equal(tf, File.ReadAllText(build.TerraformFile));
        // Logical ids and names are the declared names: ReadReportsPolicy, and a hash for the two that would clash.
        Assert.Contains("\"ReadReportsPolicy", cfn);
        Assert.Contains("\"ReportReaderRole\": {", cfn);
        Assert.Contains("\"report_reader\": {", tf);

        build.RunTask(cloudFormation: false, terraform: false);
        Assert.False(File.Exists(build.CloudFormationFile));
        Assert.False(File.Exists(build.TerraformFile));
    }

    [Fact]
    public void TwoNamesWithTheSameIdentifier_GetDistinctStableIds()
    {
        using var build = DeploymentBuild.Compile(Team);
        build.RunTask();
        using var template = JsonDocument.Parse(File.ReadAllText(build.CloudFormationFile));
        var ids = template.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::IAM::ManagedPolicy").Select(r => r.Name)
            .Where(id => id.StartsWith("ReadReports", StringComparison.Ordinal)).ToList();
        // read_reports and read-reports are both "ReadReports": each gets the FNV-1a hash of its name.
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^ReadReportsPolicy[0-9a-f]{8}$", id));
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9]+$", id));
    }

    // ---- what the outputs mean ----

    private static PolicyDocument Policy(JsonElement json) => PolicyJson.Parse(json.GetRawText());

    private static string? DescriptionOf(Declared policy)
        => ((System.Reflection.MemberInfo?)policy.Type.GetProperty(policy.Member, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            ?? policy.Type.GetField(policy.Member, System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))!
            .GetCustomAttributes(typeof(ManagedPolicyAttribute), false).Cast<ManagedPolicyAttribute>().Single().Description;

    private static void AssertCloudFormationMeansTheDeclarations(JsonElement template, IReadOnlyList<Declared> declarations)
    {
        var resources = template.GetProperty("Resources").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
        JsonElement ByName(string type, string property, string name) => Assert.Single(resources.Values,
            r => r.GetProperty("Type").GetString() == type && r.GetProperty("Properties").GetProperty(property).GetString() == name);

        var managed = declarations.Where(d => d.Kind == IamDeclarationKind.ManagedPolicy).ToList();
        Assert.Equal(managed.Count, resources.Values.Count(r => r.GetProperty("Type").GetString() == "AWS::IAM::ManagedPolicy"));
        foreach (var policy in managed)
        {
            var resource = ByName("AWS::IAM::ManagedPolicy", "ManagedPolicyName", policy.Name);
            Assert.Equal(((IdentityPolicy)policy.Value).Document, Policy(resource.GetProperty("Properties").GetProperty("PolicyDocument")));
            Assert.Equal(DescriptionOf(policy), resource.GetProperty("Properties").TryGetProperty("Description", out var description) ? description.GetString() : null);
        }
        var roles = declarations.Where(d => d.Kind == IamDeclarationKind.Role).ToList();
        Assert.Equal(roles.Count, resources.Values.Count(r => r.GetProperty("Type").GetString() == "AWS::IAM::Role"));
        foreach (var declared in roles)
        {
            var role = (Role)declared.Value;
            var properties = ByName("AWS::IAM::Role", "RoleName", declared.Name).GetProperty("Properties");
            Assert.Equal(role.TrustPolicy, Policy(properties.GetProperty("AssumeRolePolicyDocument")));
            Assert.Equal(role.Draft.Path ?? "/", properties.GetProperty("Path").GetString());
            Assert.Equal(role.Draft.Description, properties.TryGetProperty("Description", out var d) ? d.GetString() : null);
            Assert.Equal(role.Draft.MaxSessionSeconds, properties.TryGetProperty("MaxSessionDuration", out var m) ? m.GetInt32() : null);
            // A boundary declared in the project by Ref to its ManagedPolicy, any other by ARN.
            var boundary = properties.TryGetProperty("PermissionsBoundary", out var b) ? b : default;
            Assert.Equal(role.Draft.Boundary?.Arn, boundary.ValueKind == JsonValueKind.String ? boundary.GetString() : null);
            Assert.Equal(role.Draft.DeclaredBoundary?.Document,
                boundary.ValueKind == JsonValueKind.Object ? Policy(resources[boundary.GetProperty("Ref").GetString()!].GetProperty("Properties").GetProperty("PolicyDocument")) : null);

            // Declared policies by Ref to their ManagedPolicy, in order; AWS managed ones by ARN.
            var arns = properties.TryGetProperty("ManagedPolicyArns", out var list) ? list.EnumerateArray().ToList() : [];
            var referenced = arns.Where(a => a.ValueKind == JsonValueKind.Object)
                .Select(a => Policy(resources[a.GetProperty("Ref").GetString()!].GetProperty("Properties").GetProperty("PolicyDocument"))).ToList();
            Assert.Equal(role.AttachedPolicies.Select(p => p.Document), referenced);
            Assert.Equal(role.Draft.Attached.Select(a => a.Arn), arns.Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()));

            var inline = properties.TryGetProperty("Policies", out var policies) ? policies.EnumerateArray().ToList() : [];
            Assert.Equal(role.Draft.Inline.Select(i => (i.Name, i.Document)),
                inline.Select(i => (i.GetProperty("PolicyName").GetString()!, Policy(i.GetProperty("PolicyDocument")))));
        }
        // Service and resource control policies: one AWS::Organizations::Policy each, of their type, with their document;
        // where they are attached is the user's (no TargetIds), from the id output.
        var organization = declarations.Where(d => d.Kind is IamDeclarationKind.ServiceControlPolicy or IamDeclarationKind.ResourceControlPolicy).ToList();
        Assert.Equal(organization.Count, resources.Values.Count(r => r.GetProperty("Type").GetString() == "AWS::Organizations::Policy"));
        foreach (var declared in organization)
        {
            var (id, resource) = Assert.Single(resources, r => r.Value.GetProperty("Type").GetString() == "AWS::Organizations::Policy"
                && r.Value.GetProperty("Properties").GetProperty("Name").GetString() == declared.Name);
            var properties = resource.GetProperty("Properties");
            Assert.Equal(declared.Kind == IamDeclarationKind.ServiceControlPolicy ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY", properties.GetProperty("Type").GetString());
            Assert.Equal(((PolicyBase)declared.Value).Document, Policy(properties.GetProperty("Content")));
            Assert.False(properties.TryGetProperty("TargetIds", out _));
            Assert.Equal(id, template.GetProperty("Outputs").GetProperty(id + "Id").GetProperty("Value").GetProperty("Ref").GetString());
        }
        var outputs = template.TryGetProperty("Outputs", out var o) ? o.EnumerateObject().ToList() : [];
        foreach (var declared in declarations.Where(d => d.Kind == IamDeclarationKind.ResourcePolicy))
        {
            var document = ((ResourcePolicy)declared.Value).Document;
            Assert.Single(outputs, output => output.Value.GetProperty("Value").ValueKind == JsonValueKind.String
                && PolicyJson.Parse(output.Value.GetProperty("Value").GetString()!) == document);
        }
    }

    private static void AssertTerraformMeansTheDeclarations(JsonElement configuration, IReadOnlyList<Declared> declarations)
    {
        static string Unescape(string value) => value.Replace("$${", "${", StringComparison.Ordinal).Replace("%%{", "%{", StringComparison.Ordinal);
        var resource = configuration.TryGetProperty("resource", out var r) ? r : default;
        IEnumerable<JsonProperty> Blocks(string type) => resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty(type, out var blocks) ? blocks.EnumerateObject() : [];
        JsonProperty ByName(string type, string name) => Assert.Single(Blocks(type), b => Unescape(b.Value.GetProperty("name").GetString()!) == name);

        var managed = declarations.Where(d => d.Kind == IamDeclarationKind.ManagedPolicy).ToList();
        Assert.Equal(managed.Count, Blocks("aws_iam_policy").Count());
        foreach (var policy in managed)
        {
            var block = ByName("aws_iam_policy", policy.Name);
            Assert.Equal(((IdentityPolicy)policy.Value).Document, PolicyJson.Parse(Unescape(block.Value.GetProperty("policy").GetString()!)));
            Assert.Equal(DescriptionOf(policy), block.Value.TryGetProperty("description", out var description) ? Unescape(description.GetString()!) : null);
        }
        foreach (var declared in declarations.Where(d => d.Kind == IamDeclarationKind.Role))
        {
            var role = (Role)declared.Value;
            var block = ByName("aws_iam_role", declared.Name);
            var arguments = block.Value;
            Assert.Equal(role.TrustPolicy, PolicyJson.Parse(Unescape(arguments.GetProperty("assume_role_policy").GetString()!)));
            Assert.Equal(role.Draft.Path ?? "/", arguments.GetProperty("path").GetString());
            Assert.Equal(role.Draft.Description, arguments.TryGetProperty("description", out var d) ? d.GetString() : null);
            Assert.Equal(role.Draft.MaxSessionSeconds, arguments.TryGetProperty("max_session_duration", out var m) ? m.GetInt32() : null);
            string? boundary = arguments.TryGetProperty("permissions_boundary", out var b) ? b.GetString() : null;
            if (role.Draft.DeclaredBoundary is { } declaredBoundary)
            {
                // A boundary declared in the project is a reference to its aws_iam_policy.
                Assert.Matches(@"^\$\{aws_iam_policy\.\w+\.arn\}$", boundary);
                Assert.Equal(declaredBoundary.Document, PolicyJson.Parse(Unescape(Blocks("aws_iam_policy").Single(p => p.Name == boundary!.Split('.')[1]).Value.GetProperty("policy").GetString()!)));
            }
            else
            {
                Assert.Equal(role.Draft.Boundary?.Arn, boundary);
            }

            string self = $"${{aws_iam_role.{block.Name}.";
            var attachments = Blocks("aws_iam_role_policy_attachment").Where(a => a.Value.GetProperty("role").GetString()!.StartsWith(self, StringComparison.Ordinal))
                .Select(a => a.Value.GetProperty("policy_arn").GetString()!).ToList();
            var referenced = attachments.Where(a => a.StartsWith("${aws_iam_policy.", StringComparison.Ordinal))
                .Select(a => a.Split('.')[1])
                .Select(name => PolicyJson.Parse(Unescape(Blocks("aws_iam_policy").Single(p => p.Name == name).Value.GetProperty("policy").GetString()!)))
                .ToList();
            Assert.Equal(role.AttachedPolicies.Select(p => p.Document), referenced);
            Assert.Equal(role.Draft.Attached.Select(a => a.Arn), attachments.Where(a => !a.StartsWith("${", StringComparison.Ordinal)));

            var inline = Blocks("aws_iam_role_policy").Where(p => p.Value.GetProperty("role").GetString()!.StartsWith(self, StringComparison.Ordinal))
                .Select(p => (Unescape(p.Value.GetProperty("name").GetString()!), PolicyJson.Parse(Unescape(p.Value.GetProperty("policy").GetString()!))));
            Assert.Equal(role.Draft.Inline.Select(i => (i.Name, i.Document)), inline);
        }
        var organization = declarations.Where(d => d.Kind is IamDeclarationKind.ServiceControlPolicy or IamDeclarationKind.ResourceControlPolicy).ToList();
        Assert.Equal(organization.Count, Blocks("aws_organizations_policy").Count());
        foreach (var declared in organization)
        {
            var block = ByName("aws_organizations_policy", declared.Name).Value;
            Assert.Equal(declared.Kind == IamDeclarationKind.ServiceControlPolicy ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY", block.GetProperty("type").GetString());
            Assert.Equal(((PolicyBase)declared.Value).Document, PolicyJson.Parse(Unescape(block.GetProperty("content").GetString()!)));
        }
        var outputs = configuration.TryGetProperty("output", out var o) ? o.EnumerateObject().ToList() : [];
        foreach (var declared in declarations.Where(d => d.Kind == IamDeclarationKind.ResourcePolicy))
        {
            var document = ((ResourcePolicy)declared.Value).Document;
            Assert.Single(outputs, output => !output.Value.GetProperty("value").GetString()!.StartsWith("${", StringComparison.Ordinal)
                && PolicyJson.Parse(Unescape(output.Value.GetProperty("value").GetString()!)) == document);
        }
    }
}
