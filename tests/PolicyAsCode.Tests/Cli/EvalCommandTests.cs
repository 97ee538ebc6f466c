using PolicyAsCode.Cli;

namespace PolicyAsCode.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private const string Alice = "arn:aws:iam::111122223333:user/alice";
    private const string AliceSession = "arn:aws:sts::111122223333:assumed-role/reader/alice-session";
    private const string Object = "arn:aws:s3:::my-bucket/reports/q3.csv";
    private const string Bucket = "arn:aws:s3:::my-bucket";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Policy(params string[] statements)
        => $$"""{"Version": "2012-10-17", "Statement": [{{string.Join(", ", statements)}}]}""";

    private static string Allow(string action, string resource, string? sid = null, string? condition = null)
        => Statement("Allow", action, resource, sid, condition);

    private static string Deny(string action, string resource, string? sid = null)
        => Statement("Deny", action, resource, sid, null);

    private static string Statement(string effect, string action, string resource, string? sid, string? condition)
        => "{" + (sid is null ? "" : $"\"Sid\": \"{sid}\", ") + $"\"Effect\": \"{effect}\", \"Action\": \"{action}\", \"Resource\": \"{resource}\""
            + (condition is null ? "" : $", \"Condition\": {condition}") + "}";

    private string ReadBucket() => _dir.Write("read_bucket.json", Policy(
        Allow("s3:ListBucket", Bucket, "ListBucket"),
        Allow("s3:GetObject", Bucket + "/*", "ReadObjects")));

    private string WriteObjects() => _dir.Write("write_objects.json", Policy(Allow("s3:PutObject", Bucket + "/*", "WriteObjects")));

    private string DenySecrets() => _dir.Write("deny_secrets.json", Policy(Deny("s3:*", Bucket + "/secret/*", "NoSecrets")));

    private static PacResult Eval(params string[] args) => PacRunner.Run(["eval", .. args]);

    private static void AssertDecision(string decision, PacResult result)
    {
        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(decision + Environment.NewLine, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    // ---- identity-based policies ----

    [Fact]
    public void An_identity_policy_that_allows_gives_Allow()
    {
        AssertDecision("Allow", Eval("--policy", ReadBucket(), "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void An_action_no_policy_allows_gives_ImplicitDeny()
    {
        AssertDecision("ImplicitDeny", Eval("--policy", ReadBucket(), "--principal", Alice, "--action", "s3:PutObject", "--resource", Object));
    }

    [Fact]
    public void No_policy_at_all_gives_ImplicitDeny()
    {
        AssertDecision("ImplicitDeny", Eval("--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void Policy_is_repeatable_and_every_policy_counts()
    {
        string read = ReadBucket(), write = WriteObjects();

        AssertDecision("Allow", Eval("--policy", read, "--policy", write, "--principal", Alice, "--action", "s3:PutObject", "--resource", Object));
        AssertDecision("Allow", Eval("-p", write, "-p", read, "--principal", Alice, "-a", "s3:GetObject", "-r", Object));
        AssertDecision("ImplicitDeny", Eval("--policy", read, "--policy", write, "--principal", Alice, "--action", "s3:DeleteObject", "--resource", Object));
    }

    [Fact]
    public void A_matching_Deny_in_any_policy_gives_ExplicitDeny()
    {
        string read = ReadBucket(), deny = DenySecrets();
        const string secret = "arn:aws:s3:::my-bucket/secret/keys.txt";

        AssertDecision("Allow", Eval("--policy", read, "--principal", Alice, "--action", "s3:GetObject", "--resource", secret));
        AssertDecision("ExplicitDeny", Eval("--policy", read, "--policy", deny, "--principal", Alice, "--action", "s3:GetObject", "--resource", secret));
        AssertDecision("Allow", Eval("--policy", read, "--policy", deny, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void Resource_defaults_to_star()
    {
        string listBuckets = _dir.Write("list_buckets.json", Policy(Allow("s3:ListAllMyBuckets", "*")));
        string onlyOneBucket = _dir.Write("one_bucket.json", Policy(Allow("s3:ListAllMyBuckets", Bucket)));

        AssertDecision("Allow", Eval("--policy", listBuckets, "--principal", Alice, "--action", "s3:ListAllMyBuckets"));
        AssertDecision("ImplicitDeny", Eval("--policy", onlyOneBucket, "--principal", Alice, "--action", "s3:ListAllMyBuckets"));
    }

    // ---- resource-based policy ----

    private string BucketPolicyFor(string principal) => _dir.Write("bucket_policy.json",
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "{{principal}}"}, "Action": "s3:GetObject", "Resource": "{{Bucket}}/*"}]}""");

    [Fact]
    public void A_resource_policy_granting_the_caller_allows_on_its_own_in_the_same_account()
    {
        string bucketPolicy = BucketPolicyFor(Alice);

        AssertDecision("Allow", Eval("--resource-policy", bucketPolicy, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
        AssertDecision("ImplicitDeny", Eval("--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
        AssertDecision("ImplicitDeny", Eval("--resource-policy", bucketPolicy, "--principal", "arn:aws:iam::111122223333:user/bob",
            "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void Resource_account_makes_an_S3_request_cross_account()
    {
        // The bucket's ARN has no account. Given --resource-account, the request is cross-account and the caller's own
        // identity-based policies must allow as well as the bucket policy.
        string bucketPolicy = BucketPolicyFor(Alice);
        string read = ReadBucket();

        AssertDecision("ImplicitDeny", Eval("--resource-policy", bucketPolicy, "--principal", Alice, "--action", "s3:GetObject",
            "--resource", Object, "--resource-account", "999988887777"));
        AssertDecision("Allow", Eval("--resource-policy", bucketPolicy, "--policy", read, "--principal", Alice, "--action", "s3:GetObject",
            "--resource", Object, "--resource-account", "999988887777"));
    }

    [Fact]
    public void Cross_account_role_assumption_needs_the_trust_policy_and_the_callers_permission()
    {
        string trust = RepoFiles.Get("examples", "CrossAccountS3", "policies", "delegate_read_my_bucket.trust.json");
        string assume = RepoFiles.Get("examples", "CrossAccountS3", "policies", "assume_delegate_read_my_bucket.json");
        const string role = "arn:aws:iam::111122223333:role/delegate_read_my_bucket";

        AssertDecision("Allow", Eval("--policy", assume, "--resource-policy", trust, "--principal", "arn:aws:iam::444455556666:user/dev",
            "--action", "sts:AssumeRole", "--resource", role));
        AssertDecision("ImplicitDeny", Eval("--resource-policy", trust, "--principal", "arn:aws:iam::444455556666:user/dev",
            "--action", "sts:AssumeRole", "--resource", role));
        AssertDecision("ImplicitDeny", Eval("--policy", assume, "--resource-policy", trust, "--principal", "arn:aws:iam::999988887777:user/mallory",
            "--action", "sts:AssumeRole", "--resource", role));
    }

    [Fact]
    public void A_Deny_in_the_resource_policy_gives_ExplicitDeny()
    {
        string bucketPolicy = _dir.Write("deny_bucket.json",
            $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "{{Bucket}}/*"}]}""");

        AssertDecision("ExplicitDeny", Eval("--policy", ReadBucket(), "--resource-policy", bucketPolicy, "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object));
    }

    // ---- permissions boundary, SCPs, session policies ----

    [Fact]
    public void The_permissions_boundary_limits_what_identity_policies_allow()
    {
        string read = ReadBucket(), write = WriteObjects();
        string boundary = _dir.Write("boundary.json", Policy(Allow("s3:GetObject", "*")));

        AssertDecision("Allow", Eval("--policy", read, "--policy", write, "--boundary", boundary, "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object));
        AssertDecision("ImplicitDeny", Eval("--policy", read, "--policy", write, "--boundary", boundary, "--principal", Alice,
            "--action", "s3:PutObject", "--resource", Object));
        // The boundary grants nothing by itself.
        AssertDecision("ImplicitDeny", Eval("--boundary", boundary, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void Every_service_control_policy_level_must_allow()
    {
        string read = ReadBucket();
        string root = _dir.Write("scp_root.json", Policy(Allow("*", "*")));
        string account = _dir.Write("scp_account.json", Policy(Allow("s3:Get*", "*")));

        AssertDecision("Allow", Eval("--policy", read, "--scp", root, "--scp", account, "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object));
        AssertDecision("ImplicitDeny", Eval("--policy", read, "--scp", root, "--scp", account, "--principal", Alice,
            "--action", "s3:ListBucket", "--resource", Bucket));
        AssertDecision("Allow", Eval("--policy", read, "--scp", root, "--principal", Alice, "--action", "s3:ListBucket", "--resource", Bucket));
    }

    [Fact]
    public void A_Deny_in_a_service_control_policy_gives_ExplicitDeny()
    {
        string scp = _dir.Write("scp_deny.json", Policy(Allow("*", "*"), Deny("s3:GetObject", "*", "NoReads")));

        AssertDecision("ExplicitDeny", Eval("--policy", ReadBucket(), "--scp", scp, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void Session_policies_intersect_with_identity_policies_and_unite_with_each_other()
    {
        string read = ReadBucket(), write = WriteObjects();
        string sessionRead = _dir.Write("session_read.json", Policy(Allow("s3:GetObject", "*")));
        string sessionWrite = _dir.Write("session_write.json", Policy(Allow("s3:PutObject", "*")));

        AssertDecision("Allow", Eval("--policy", read, "--policy", write, "--session-policy", sessionRead, "--principal", AliceSession,
            "--action", "s3:GetObject", "--resource", Object));
        AssertDecision("ImplicitDeny", Eval("--policy", read, "--policy", write, "--session-policy", sessionRead, "--principal", AliceSession,
            "--action", "s3:PutObject", "--resource", Object));
        AssertDecision("Allow", Eval("--policy", read, "--policy", write, "--session-policy", sessionRead, "--session-policy", sessionWrite,
            "--principal", AliceSession, "--action", "s3:PutObject", "--resource", Object));
        // A session policy grants nothing the identity policies do not.
        AssertDecision("ImplicitDeny", Eval("--session-policy", sessionRead, "--principal", AliceSession, "--action", "s3:GetObject", "--resource", Object));
    }

    // ---- request context ----

    [Fact]
    public void Context_values_are_seen_by_conditions()
    {
        string fromOffice = _dir.Write("from_office.json", Policy(
            Allow("s3:GetObject", "*", condition: """{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}""")));

        AssertDecision("Allow", Eval("--policy", fromOffice, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object,
            "--context", "aws:SourceIp=203.0.113.7"));
        AssertDecision("ImplicitDeny", Eval("--policy", fromOffice, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object,
            "-c", "aws:SourceIp=198.51.100.7"));
        AssertDecision("ImplicitDeny", Eval("--policy", fromOffice, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object));
    }

    [Fact]
    public void A_value_may_contain_equals_signs()
    {
        string policy = _dir.Write("tag.json", Policy(
            Allow("s3:GetObject", "*", condition: """{"StringEquals": {"aws:PrincipalTag/expr": "a=b=c"}}""")));

        AssertDecision("Allow", Eval("--policy", policy, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object,
            "--context", "aws:PrincipalTag/expr=a=b=c"));
    }

    [Fact]
    public void A_repeated_context_key_is_multi_valued()
    {
        // Both tag keys must be among the request's values: only a multi-valued key with both values satisfies both conditions.
        string policy = _dir.Write("tags.json", Policy(Allow("s3:PutObject", "*", condition: """
            {"ForAnyValue:StringEquals": {"aws:TagKeys": "env"}, "ForAnyValue:StringLike": {"aws:TagKeys": "team"}}
            """)));
        string[] request = ["--policy", policy, "--principal", Alice, "--action", "s3:PutObject", "--resource", Object];

        AssertDecision("Allow", Eval([.. request, "--context", "aws:TagKeys=env", "--context", "aws:TagKeys=team"]));
        AssertDecision("Allow", Eval([.. request, "--context", "aws:TagKeys=team", "--context", "aws:TagKeys=env"]));
        AssertDecision("ImplicitDeny", Eval([.. request, "--context", "aws:TagKeys=env"]));
        AssertDecision("ImplicitDeny", Eval([.. request, "--context", "aws:TagKeys=team"]));
        // Keys are case-insensitive, so differently cased keys add to the same key.
        AssertDecision("Allow", Eval([.. request, "--context", "aws:TagKeys=env", "--context", "AWS:tagkeys=team"]));
    }

    [Fact]
    public void ForAllValues_sees_every_value_of_a_repeated_key()
    {
        string policy = _dir.Write("only_tags.json", Policy(Allow("s3:PutObject", "*", condition: """
            {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}
            """)));
        string[] request = ["--policy", policy, "--principal", Alice, "--action", "s3:PutObject", "--resource", Object];

        AssertDecision("Allow", Eval([.. request, "-c", "aws:TagKeys=env", "-c", "aws:TagKeys=team"]));
        AssertDecision("ImplicitDeny", Eval([.. request, "-c", "aws:TagKeys=env", "-c", "aws:TagKeys=owner", "-c", "aws:TagKeys=team"]));
    }

    [Theory]
    [InlineData("aws:SourceIp")]
    [InlineData("=203.0.113.7")]
    [InlineData("")]
    public void A_malformed_context_pair_is_exit_2(string pair)
    {
        var result = Eval("--policy", ReadBucket(), "--principal", Alice, "--action", "s3:GetObject", "--resource", Object, "--context", pair);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([$"pac eval: --context '{pair}' must be KEY=VALUE, e.g. aws:SourceIp=203.0.113.7"], result.StderrLines);
    }

    [Fact]
    public void Every_malformed_context_pair_is_reported()
    {
        var result = Eval("--action", "s3:GetObject", "--context", "a", "--context", "k=v", "--context", "b");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.Contains("'a'", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("'b'", result.StderrLines[1], StringComparison.Ordinal);
    }

    // ---- --explain ----

    [Fact]
    public void Explain_prints_the_decision_then_names_the_matching_statement()
    {
        var result = Eval("--policy", ReadBucket(), "--principal", Alice, "--action", "s3:GetObject", "--resource", Object, "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.StdoutLines;
        Assert.Equal("Allow", lines[0]);
        Assert.Contains("  identity policy read_bucket Statement[1] (ReadObjects) Allow: matched: action, resource match", lines);
        Assert.Contains(lines, l => l.StartsWith("  identity policy read_bucket Statement[0] (ListBucket) Allow: no match: ", StringComparison.Ordinal));
        Assert.Contains("  same account: the identity-based policies allow", lines);
    }

    [Fact]
    public void Explain_names_the_Deny_statement_behind_an_explicit_deny()
    {
        var result = Eval("--policy", ReadBucket(), "--policy", DenySecrets(), "--principal", Alice, "--action", "s3:GetObject",
            "--resource", "arn:aws:s3:::my-bucket/secret/keys.txt", "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("ExplicitDeny", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  identity policy deny_secrets Statement[0] (NoSecrets) Deny: matched", StringComparison.Ordinal));
        Assert.Contains("  a Deny statement matches: explicit deny, whatever else allows", lines);
    }

    [Fact]
    public void Explain_names_policies_by_role_and_file_name()
    {
        string boundary = _dir.Write("boundary.json", Policy(Allow("s3:*", "*", "Everything")));
        string scp = _dir.Write("org_root.json", Policy(Allow("*", "*")));
        string session = _dir.Write("session.json", Policy(Allow("s3:GetObject", "*")));

        var result = Eval("--policy", ReadBucket(), "--boundary", boundary, "--scp", scp, "--session-policy", session,
            "--principal", AliceSession, "--action", "s3:GetObject", "--resource", Object, "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("Allow", lines[0]);
        Assert.Contains("  permissions boundary boundary Statement[0] (Everything) Allow: matched: action, resource match", lines);
        Assert.Contains(lines, l => l.StartsWith("  service control policy org_root Statement[0] Allow: matched", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  session policy session Statement[0] Allow: matched", StringComparison.Ordinal));
        Assert.Contains("  the permissions boundary allows", lines);
        Assert.Contains("  the session policy allows", lines);
    }

    [Fact]
    public void Explain_of_an_implicit_deny_says_nothing_allows()
    {
        var result = Eval("--policy", ReadBucket(), "--principal", Alice, "--action", "s3:PutObject", "--resource", Object, "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal("ImplicitDeny", lines[0]);
        Assert.Contains("  no identity-based policy allows", lines);
        Assert.DoesNotContain(lines, l => l.Contains(": matched", StringComparison.Ordinal));
    }

    // ---- usage and input errors ----

    [Fact]
    public void Missing_action_is_exit_2()
    {
        var result = Eval("--policy", ReadBucket(), "--principal", Alice, "--resource", Object);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(["pac eval: --action is required (or use --batch FILE)."], result.StderrLines);
    }

    [Fact]
    public void An_unknown_option_is_exit_2_with_a_message()
    {
        var result = Eval("--policy", ReadBucket(), "--action", "s3:GetObject", "--bogus", "x");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--bogus", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("pac: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'pac --help' for usage.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_exit_2()
    {
        var result = Eval("--action", "s3:GetObject", "--policy");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("pac: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_exit_2()
    {
        var result = PacRunner.Run("evaluate", "--action", "s3:GetObject");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Contains("evaluate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_goes_to_the_given_stdout_and_exits_0()
    {
        var result = Eval("--help");

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Contains("--policy", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--batch", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("--policy")]
    [InlineData("--resource-policy")]
    [InlineData("--boundary")]
    [InlineData("--scp")]
    [InlineData("--session-policy")]
    public void A_bad_policy_file_is_exit_2_with_file_line_col(string option)
    {
        string bad = _dir.Write("bad.json", "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:*\"}]}");

        var result = Eval("--policy", ReadBucket(), option, bad, "--principal", Alice, "--action", "s3:GetObject", "--resource", Object);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{bad}:2:28: $.Statement[0].Effect: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_policy_file_is_reported_before_giving_up()
    {
        string bad1 = _dir.Write("bad1.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        string bad2 = _dir.Write("bad2.json", "{\"Version\": \"2012-10-17\",\n\"Statement\": [{\"Effect\": \"Allow\"}]}");
        string missing = _dir.Combine("missing.json");

        var result = Eval("--policy", bad1, "--policy", ReadBucket(), "--boundary", bad2, "--scp", missing, "--action", "s3:GetObject");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.StderrLines;
        Assert.Equal(3, lines.Length);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(bad1)}:1:\d+: \$\.Statement: ", lines[0]);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(bad2)}:2:\d+: \$\.Statement\[0\]: ", lines[1]);
        Assert.StartsWith($"{missing}: cannot read the file: ", lines[2], StringComparison.Ordinal);
    }

    // orgs_manage_policies_scps_evaluation: "--scp a.json,b.json" is one level with two policies; a repeated --scp is
    // another level.
    [Fact]
    public void Scp_level_with_several_policies_and_rcp_levels()
    {
        string full = _dir.Write("full.json", Policy(Allow("*", "*")));
        string guard = _dir.Write("guard.json", Policy(Deny("s3:GetObject", "arn:aws:s3:::my-bucket/reports/*", "NoReports")));
        string s3Only = _dir.Write("s3only.json", Policy(Allow("s3:*", "*")));

        Assert.Equal("Allow", Eval("--policy", ReadBucket(), "--scp", $"{full},{s3Only}", "--scp", s3Only, "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object).StdoutLines[0]);
        Assert.Equal("ExplicitDeny", Eval("--policy", ReadBucket(), "--scp", $"{full},{guard}", "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object).StdoutLines[0]);

        string rcpFull = _dir.Write("rcpfull.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""");
        string rcpDeny = _dir.Write("rcpdeny.json", """{"Version":"2012-10-17","Statement":[{"Sid":"NoReads","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""");
        var denied = Eval("--policy", ReadBucket(), "--rcp", $"{rcpFull},{rcpDeny}", "--principal", Alice, "--action", "s3:GetObject",
            "--resource", Object, "--explain");
        Assert.Equal("ExplicitDeny", denied.StdoutLines[0]);
        Assert.Contains(denied.StdoutLines, l => l.StartsWith("  resource control policy rcpdeny Statement[0] (NoReads) Deny: matched", StringComparison.Ordinal));
        Assert.Equal("Allow", Eval("--policy", ReadBucket(), "--rcp", $"{rcpFull},{rcpDeny}", "--management-account", "111122223333",
            "--principal", Alice, "--action", "s3:GetObject", "--resource", Object).StdoutLines[0]);
        string rcpSqs = _dir.Write("rcpsqs.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Resource":"*"}]}""");
        Assert.Equal("ImplicitDeny", Eval("--policy", ReadBucket(), "--rcp", rcpFull, "--rcp", rcpSqs, "--principal", Alice,
            "--action", "s3:GetObject", "--resource", Object).StdoutLines[0]);
    }
}
