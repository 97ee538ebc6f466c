using PolicyAsCode.Cli;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Cli;

namespace PolicyAsCode.Tests.Import;

/// <summary>
/// <c>pac import</c>: the C# it writes for identity, resource and trust policies, and how it reports what the DSL cannot
/// declare. Each round trip compiles the C# with the source generator and compares the generated JSON with the input.
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string ReadMyBucket = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
          ]
        }
        """;

    // The IAM User Guide's "allow MFA-authenticated IAM users to manage their own MFA device" pattern, reduced, plus
    // one statement with a condition of every operator family and one with typed and untyped actions and ARNs.
    private const string Identity = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "AllowViewAccountInfo", "Effect": "Allow", "Action": ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], "Resource": "*"},
            {"Sid": "AllowManageOwnUserMFA", "Effect": "Allow", "Action": ["iam:EnableMFADevice", "iam:GetUser"], "Resource": "arn:aws:iam::*:user/${aws:username}"},
            {"Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny", "NotAction": ["iam:CreateVirtualMFADevice", "sts:GetSessionToken"], "Resource": "*",
             "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
            {"Effect": "Allow", "Action": "s3:GetObject", "NotResource": ["arn:aws:s3:::secret/*", "arn:aws:s3:::my-bucket/home/${aws:username}/*"],
             "Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": ["env*"]}, "StringEquals": {"aws:ResourceTag/team": "data", "s3:prefix": ["a/", "b/"]},
                           "NumericLessThan": {"s3:max-keys": "10"}, "DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"},
                           "IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}, "Null": {"aws:TokenIssueTime": "false"},
                           "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin-*"}, "NumericEquals": {"s3:signatureAge": ["600000.0"]}}},
            {"Effect": "Allow", "Action": ["ec2:Describe*", "custom:DoThing"], "Resource": ["arn:aws:ec2:us-east-1:111122223333:instance/*", "arn:aws-cn:s3:::cn-bucket"]}
          ]
        }
        """;

    private const string Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
             "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/release/*"}}},
            {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}},
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/ci"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "Unique1234"}}}
          ]
        }
        """;

    private const string Bucket = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Sid": "PartnerRead", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::777788889999:user/alice"]}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]}
          ]
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Import_SmallPolicy_WritesTheDeclarationAsItWouldBeHandWritten()
    {
        string file = _dir.Write("read_my_bucket.json", ReadMyBucket);

        var result = PacRunner.Run("import", file, "--namespace", "Team", "--class", "Production");

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal("""
            // Imported by pac import from read_my_bucket.json.
            using PolicyAsCode;
            using PolicyAsCode.Aws;

            namespace Team;

            public static partial class Production
            {
                /// <summary>Imported from <c>read_my_bucket.json</c>.</summary>
                [ManagedPolicy("read_my_bucket")]
                public static IdentityPolicy ReadMyBucket => Policy.Identity()
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("my-bucket"))
                    .Allow(S3.GetObject).On(S3.Arn.Object("my-bucket", "*"));
            }

            """.ReplaceLineEndings("\n"), result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Import_IdentityPolicy_UsesTypedMembersNamedSidsAndEveryOperatorFamily()
    {
        var outcome = Assert.Single(ImportRoundTrip.Run([("force_mfa", Identity)]));

        Assert.True(outcome.Imported, outcome.Stderr);
        string source = outcome.Source!;
        Assert.Contains(".Allow(Iam.GetAccountPasswordPolicy, Iam.ListVirtualMFADevices).OnAll()\n            .Named(\"AllowViewAccountInfo\")", source);
        Assert.Contains(".Allow(Iam.EnableMFADevice, Iam.GetUser).On(Iam.Arn.User(\"*\", \"${aws:username}\"))", source);
        Assert.Contains(".Deny().AllExcept(Iam.CreateVirtualMFADevice, Sts.GetSessionToken).OnAll()\n            .When(Keys.Aws.MultiFactorAuthPresent.IfExists().IsFalse())", source);
        Assert.Contains(".OnAllExcept(S3.Arn.Object(\"secret\", \"*\"), S3.Arn.Object(\"my-bucket\", \"home/${aws:username}/*\"))", source);
        Assert.Contains("Keys.Aws.TagKeys.ForAnyValue.Like(\"env*\")", source);
        Assert.Contains("Keys.Aws.ResourceTag(\"team\").Is(\"data\")", source);
        Assert.Contains("S3.Keys.Prefix.Is(\"a/\", \"b/\")", source);
        Assert.Contains("S3.Keys.MaxKeys.LessThan(10)", source);
        Assert.Contains("Keys.Aws.CurrentTime.Before(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero))", source);
        Assert.Contains("Keys.Aws.SourceIp.InRange(\"203.0.113.0/24\")", source);
        Assert.Contains("Keys.Aws.TokenIssueTime.Exists()", source);
        Assert.Contains("Keys.Aws.PrincipalArn.Like(\"arn:aws:iam::*:role/admin-*\")", source);
        Assert.Contains("S3.Keys.SignatureAge.Is(600000.0m)", source);
        // A pattern and an action the catalogue lacks stay strings; an ARN of another partition keeps it.
        Assert.Contains(".Allow(\"ec2:Describe*\", \"custom:DoThing\")", source);
        Assert.Contains("Ec2.Arn.Instance(\"us-east-1\", \"111122223333\", \"*\")", source);
        Assert.Contains("S3.Arn.Bucket(\"cn-bucket\", partition: \"aws-cn\")", source);

        // Byte for byte: the generator's JSON is pac fmt of the input.
        Assert.Equal(ImportRoundTrip.Formatted(Identity), outcome.GeneratedJson);
    }

    [Fact]
    public void Import_ResourcePolicy_DeclaresPrincipalsWithFor()
    {
        var outcome = Assert.Single(ImportRoundTrip.Run([("reports_bucket", Bucket)], kind: "resource"));

        Assert.True(outcome.Imported, outcome.Stderr);
        Assert.Contains("[ResourcePolicy(\"reports_bucket\")]\n    public static ResourcePolicy ReportsBucket => Policy.Resource()", outcome.Source);
        Assert.Contains(".Deny(\"s3:*\").For(Principal.Everyone).On(S3.Arn.Bucket(\"reports\"), S3.Arn.Object(\"reports\", \"*\"))", outcome.Source);
        Assert.Contains(".For(Principal.Account(\"444455556666\"), Principal.User(\"777788889999\", \"alice\"))", outcome.Source);
        Assert.Equal(ImportRoundTrip.Formatted(Bucket), outcome.GeneratedJson);
    }

    [Fact]
    public void Import_TrustPolicy_DeclaresARoleTrustedByItsPrincipalsWithTheirConditions()
    {
        var outcome = Assert.Single(ImportRoundTrip.Run([("deploy", Trust)], kind: "trust", fileSuffix: ".trust.json"));

        Assert.True(outcome.Imported, outcome.Stderr);
        string source = outcome.Source!;
        Assert.Contains("[Role(\"deploy\")]\n    public static Role Deploy => Role.Define()", source);
        Assert.Contains(".TrustedBy(Principal.Account(\"444455556666\").WithMfa())", source);
        Assert.Contains(".TrustedBy(Principal.Service(\"lambda.amazonaws.com\"))", source);
        Assert.Contains(".TrustedBy(Principal.WebIdentity.Provider(\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\",", source);
        Assert.Contains("new StringConditionKey(\"token.actions.githubusercontent.com:sub\").Like(\"repo:my-org/my-repo:ref:refs/heads/release/*\")", source);
        Assert.Contains(".TrustedBy(Principal.Saml(\"111122223333\", \"Okta\"))", source);
        Assert.Contains(".TrustedBy(Principal.Role(\"444455556666\", \"ci\").When(Sts.Keys.ExternalId.Is(\"Unique1234\")))", source);
        Assert.True(ImportRoundTrip.SemanticallyEqual(PolicyJson.Parse(Trust), PolicyJson.Parse(outcome.GeneratedJson!)), outcome.GeneratedJson);
    }

    [Fact]
    public void Import_TrustFileInAFolder_IsARoleByItsName()
    {
        _dir.Write("deploy.trust.json", Trust);
        _dir.Write("read_my_bucket.json", ReadMyBucket);

        var result = PacRunner.Run("import", _dir.Path);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Contains("[Role(\"deploy\")]\n    public static Role Deploy => Role.Define()", result.Stdout);
        Assert.Contains("[ManagedPolicy(\"read_my_bucket\")]\n    public static IdentityPolicy ReadMyBucket => Policy.Identity()", result.Stdout);
    }

    [Fact]
    public void Import_TrustStatementWithSeveralPrincipals_SplitsIt_AndSaysSo()
    {
        string file = _dir.Write("pair.trust.json", """
            {"Version": "2012-10-17", "Statement": [{"Sid": "Both", "Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:root"]}, "Action": "sts:AssumeRole"}]}
            """);

        var result = PacRunner.Run("import", file);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Contains("        .TrustedBy(Principal.Arn(\"111122223333\"))\n        .TrustedBy(Principal.Account(\"444455556666\"));", result.Stdout);
        Assert.Equal(
            [
                $"{file}: note: $.Statement[0].Principal: the statement's principals become one TrustedBy(...) statement each, with the same action and conditions: the same decisions",
                $"{file}: note: $.Statement[0].Sid: the Sid \"Both\" is dropped: a role's trust statements have no Named(...) in the DSL",
            ],
            result.StderrLines);
    }

    [Fact]
    public void Import_WhatTheDslCannotDeclare_IsAnErrorNamingIt_AndTheCodeDoesNotCompile()
    {
        // A trust statement with a second action, and a trust policy's Id (the DSL's roles have no Id(...)).
        string trust = _dir.Write("tagged.trust.json", """
            {"Version": "2012-10-17", "Id": "tagged", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
            """);

        var role = PacRunner.Run("import", trust);

        Assert.Equal(Pac.Findings, role.ExitCode);
        Assert.Contains("$.Statement[0].Action: the DSL's TrustedBy(Principal.Arn(\"111122223333\")) allows exactly sts:AssumeRole; this statement allows sts:AssumeRole, sts:TagSession", role.Stderr);
        Assert.Contains("$.Id: the policy Id \"tagged\" cannot be declared in the DSL: a role's trust policy has no Id(...)", role.Stderr);
        var compile = Assert.Throws<Xunit.Sdk.TrueException>(() => ImportRoundTrip.Compile([role.Stdout]));
        Assert.Contains("error CS1029", compile.Message);
    }

    [Fact]
    public void Import_ResourcePolicyWithNotActionAndId_DeclaresAllExceptAndId_ByteForByte()
    {
        const string queue = """
            {"Version": "2012-10-17", "Id": "queue-policy", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sqs:SendMessage", "Resource": "*"},
              {"Effect": "Deny", "Principal": "*", "NotAction": "sqs:SendMessage", "Resource": "*"}]}
            """;
        var outcome = Assert.Single(ImportRoundTrip.Run([("queue", queue)], kind: "resource"));

        Assert.True(outcome.Imported, outcome.Stderr);
        Assert.Contains("=> Policy.Resource().Id(\"queue-policy\")", outcome.Source);
        Assert.Contains(".Deny().AllExcept(Sqs.SendMessage).For(Principal.Everyone).OnAll()", outcome.Source);
        Assert.Equal(ImportRoundTrip.Formatted(queue), outcome.GeneratedJson);
    }

    // AWS Organizations "SCP syntax": Allow and Deny, NotAction, Resource and NotResource, conditions; no Principal.
    [Fact]
    public void Import_ServiceControlPolicy_DeclaresPolicyServiceControl_ByteForByte()
    {
        const string scp = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"DenyOutsideEu","Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*",
               "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}},
              {"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}
            """;
        var outcome = Assert.Single(ImportRoundTrip.Run([("deny_outside_eu", scp)], kind: "scp"));

        Assert.True(outcome.ImportExit == Pac.Success, outcome.Stderr);
        Assert.Contains("[ServiceControlPolicy(\"deny_outside_eu\")]", outcome.Source);
        Assert.Contains("public static ServiceControlPolicy DenyOutsideEu => Policy.ServiceControl()", outcome.Source);
        Assert.Contains(".Deny().AllExcept(\"iam:*\", \"sts:*\").OnAll()", outcome.Source);
        Assert.Equal(ImportRoundTrip.Formatted(scp), outcome.GeneratedJson);
    }

    // AWS Organizations "RCP syntax": Deny with Principal "*"; Allow only in AWS's own RCPFullAWSAccess; no NotAction.
    [Fact]
    public void Import_ResourceControlPolicy_DeclaresPolicyResourceControl_AndRefusesWhatRcpsCannotSay()
    {
        const string rcp = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"EnforceTls","Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*"],"Resource":"*",
               "Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}
            """;
        var outcome = Assert.Single(ImportRoundTrip.Run([("enforce_tls", rcp)], kind: "rcp"));
        Assert.True(outcome.ImportExit == Pac.Success, outcome.Stderr);
        Assert.Contains("[ResourceControlPolicy(\"enforce_tls\")]", outcome.Source);
        Assert.Contains("=> Policy.ResourceControl()", outcome.Source);
        Assert.Equal(ImportRoundTrip.Formatted(rcp), outcome.GeneratedJson);

        string full = _dir.Write("rcp_full.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""");
        var refused = PacRunner.Run("import", "--kind", "rcp", full);
        Assert.Equal(Pac.Findings, refused.ExitCode);
        Assert.Contains(refused.StderrLines, l => l.Contains("$.Statement[0].Effect", StringComparison.Ordinal) && l.Contains("RCPFullAWSAccess", StringComparison.Ordinal));
        Assert.Contains("#error pac import", refused.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BuildOutputFolder_ImportsScpAndRcpByTheirManifestKinds()
    {
        string folder = Path.Combine(_dir.Path, "iam");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "guard.json"), """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""");
        File.WriteAllText(Path.Combine(folder, "tls.json"), """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), """
            {"policies":[{"name":"guard","kind":"scp","file":"guard.json"},{"name":"tls","kind":"rcp","file":"tls.json"}],"roles":[]}
            """);

        var result = PacRunner.Run("import", folder);

        Assert.True(result.ExitCode == Pac.Success, string.Join("\n", result.StderrLines));
        Assert.Contains("[ServiceControlPolicy(\"guard\")]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ResourceControlPolicy(\"tls\")]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ClassNamedLikeAServiceClass_IsRefused()
    {
        string file = _dir.Write("read_my_bucket.json", ReadMyBucket);

        var result = PacRunner.Run("import", "--class", "S3", file);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(["pac import: a class named S3 would hide the type S3 the declarations use; choose another --class"], result.StderrLines);
    }

    [Fact]
    public void Import_FileNamedLikeAServiceClass_GetsAMemberThatDoesNotHideIt()
    {
        var outcome = Assert.Single(ImportRoundTrip.Run([("s3", ReadMyBucket)]));

        Assert.True(outcome.Imported, outcome.Stderr);
        Assert.Contains("public static IdentityPolicy S3Policy => Policy.Identity()", outcome.Source);
        Assert.Equal(ImportRoundTrip.Formatted(ReadMyBucket), outcome.GeneratedJson);
    }

    [Fact]
    public void Import_BuildOutputFolder_TakesKindsFromTheManifest()
    {
        _dir.Write("reports_bucket.json", Bucket);
        _dir.Write("manifest.json", """{"policies": [{"name": "reports_bucket", "kind": "resource", "file": "reports_bucket.json"}], "roles": []}""");

        var result = PacRunner.Run("import", _dir.Path);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Contains("[ResourcePolicy(\"reports_bucket\")]", result.Stdout);
        Assert.DoesNotContain("manifest", result.Stdout);
    }

    // A build's iam/ folder imported whole: each role with its attachments (declared, AWS managed, by ARN), inline
    // policies, boundary (declared and AWS managed), maximum session, path and description from the manifest, so that
    // building the imported C# writes the same folder, manifest included, byte for byte.
    [Fact]
    public void Import_BuildOutputFolder_DeclaresRolesWhole_AndRebuildsTheSameFolder()
    {
        const string team = """
            using System;
            using PolicyAsCode;
            using PolicyAsCode.Aws;

            public static partial class Team
            {
                [ManagedPolicy("read_reports", Description = "Reads the reports bucket")]
                public static IdentityPolicy ReadReports => Policy.Identity()
                    .Allow(S3.GetObject).On(S3.Arn.Object("reports", "*"))
                    .Allow(S3.ListBucket).On(S3.Arn.Bucket("reports"));

                [ManagedPolicy("developer_boundary")]
                public static IdentityPolicy DeveloperBoundary => Policy.Identity().Allow(S3.GetObject, S3.ListBucket, S3.PutObjectTagging).OnAll();

                [Role("reports_reader")]
                public static Role ReportsReader => Role.Define()
                    .TrustedBy(Principal.Account("444455556666").WithMfa())
                    .Attach(ReadReports)
                    .Attach(AwsManaged.ReadOnlyAccess)
                    .AttachArn("arn:aws:iam::111122223333:policy/existing")
                    .Inline("tag_reports", Policy.Identity().Allow(S3.PutObjectTagging).On(S3.Arn.Object("reports", "${aws:username}/*")))
                    .PermissionsBoundary(DeveloperBoundary)
                    .MaxSession(TimeSpan.FromHours(2))
                    .Path("/reports/")
                    .Description("Reads the reports bucket");

                [Role("lambda_runner")]
                public static Role LambdaRunner => Role.Define().TrustedBy(Principal.Service("lambda.amazonaws.com"))
                    .PermissionsBoundary(AwsManaged.PowerUserAccess)
                    .MaxSession(TimeSpan.FromSeconds(5400));
            }
            """;
        var built = ImportRoundTrip.Compile([team]);
        string folder = Path.Combine(_dir.Path, "iam");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in built) File.WriteAllText(Path.Combine(folder, name), text);

        var result = PacRunner.Run("import", folder, "--class", "Reimported");

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Contains(".Inline(\"tag_reports\", ReportsReaderTagReportsInline)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(".PermissionsBoundary(DeveloperBoundary)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ManagedPolicy(\"read_reports\", Description = \"Reads the reports bucket\")]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(".Attach(AwsManaged.ReadOnlyAccess)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[ManagedPolicy(\"tag_reports\")]", result.Stdout, StringComparison.Ordinal);
        var rebuilt = ImportRoundTrip.Compile([result.Stdout]);
        Assert.Equal(built.Keys, rebuilt.Keys);
        Assert.Contains("\"description\": \"Reads the reports bucket\"", built["manifest.json"], StringComparison.Ordinal);
        foreach (var (name, text) in built) Assert.Equal(text, rebuilt[name]);
    }

    [Fact]
    public void Import_MalformedJson_ReportsLineAndColumn()
    {
        string file = _dir.Write("bad.json", "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}");

        var result = PacRunner.Run("import", file);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{file}:2:", result.StderrLines[0], StringComparison.Ordinal);
    }
}
