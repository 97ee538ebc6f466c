using System.Diagnostics;
using System.Text.Json;
using PolicyAsCode.Cli;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Cli;

// pac check answers properties over every request (docs/analysis.md) with the verdicts of PolicyAnalysis: exit 0 when
// every check holds, 1 when one fails (the witness printed), 2 for unreadable input or an unknown answer (the reason printed).
public sealed class CheckCommandTests : IDisposable
{
    private const string ReadOnly = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
        ]}
        """;

    // Statement 1 (line 3, column 3) adds writes under uploads/.
    private const string ReadWrite = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"},
          {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/uploads/*"}
        ]}
        """;

    // Statement 1 (line 3) is covered by statement 0: removing it changes no decision.
    private const string Redundant = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "All", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
          {"Sid": "Covered", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
        ]}
        """;

    // Statement 0 (line 2, column 3) lets anyone read.
    private const string PublicBucket = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
        ]}
        """;

    private const string AccountTrust = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}""";

    private const string OrgScopedBucket = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*",
          "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1234567890"}}}]}
        """;

    // aws:PrincipalArn is derived from the caller, which the engine does not decide yet.
    private const string PrincipalArnScopedBucket = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*",
          "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}}]}
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static PacResult Check(params string[] args) => PacRunner.Run(["check", .. args]);

    private static bool Allows(string json, Request request) => new PreparedPolicy(PolicyJson.Parse(json)).Decide(request) == Decision.Allow;

    // ---- no-new-access ----

    [Fact]
    public void No_new_access_fails_with_a_witness_at_the_statement_that_grants_it_and_exits_1()
    {
        string baseline = _dir.Write("old.json", ReadOnly);
        string candidate = _dir.Write("new.json", ReadWrite);

        var result = Check("no-new-access", "--baseline", baseline, "--candidate", candidate);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.Equal(2, result.StdoutLines.Length);
        Assert.StartsWith($"{candidate}:3:3: no-new-access fails (baseline: {baseline}): the candidate allows this request and the baseline does not; witness: action s3:PutObject, resource arn:aws:s3:::my-bucket/uploads/", result.StdoutLines[0]);
        Assert.EndsWith("[$.Statement[1]]", result.StdoutLines[0]);
        Assert.Equal("no-new-access: 0 holds, 1 fails, 0 unknown.", result.StdoutLines[1]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void No_new_access_holds_when_the_candidate_only_removes_access_and_exits_0()
    {
        var result = Check("no-new-access", "--baseline", _dir.Write("old.json", ReadWrite), "--candidate", _dir.Write("new.json", ReadOnly));

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal("no-new-access: 1 holds, 0 fails, 0 unknown.", result.StdoutLines[^1]);
        Assert.Contains("no-new-access holds", result.StdoutLines[0]);
    }

    [Fact]
    public void Folders_are_paired_by_file_name_and_a_file_without_baseline_is_all_new_access()
    {
        Directory.CreateDirectory(_dir.Combine("old"));
        Directory.CreateDirectory(_dir.Combine("new"));
        _dir.Write("old/a.json", ReadWrite);
        _dir.Write("old/b.json", ReadOnly);
        string a = _dir.Write("new/a.json", ReadOnly);
        string b = _dir.Write("new/b.json", ReadOnly);
        string added = _dir.Write("new/c.json", ReadOnly);

        var result = Check("no-new-access", "--baseline", _dir.Combine("old"), "--candidate", _dir.Combine("new"), "--format", "json");

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal([a, b, added], results.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal(["holds", "holds", "fails"], results.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(_dir.Combine("old/a.json"), results[0].GetProperty("baseline").GetString());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("baseline").ValueKind);
    }

    [Fact]
    public void Json_witness_replays_through_the_evaluator_as_allowed_by_the_candidate_only()
    {
        var result = Check("no-new-access", "--baseline", _dir.Write("old.json", ReadOnly), "--candidate", _dir.Write("new.json", ReadWrite), "-f", "json");

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = json.RootElement[0];
        Assert.Equal("no-new-access", finding.GetProperty("check").GetString());
        Assert.Equal("$.Statement[1]", finding.GetProperty("path").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        var witness = finding.GetProperty("witness");
        // Identity-based policies apply to whoever they are attached to: the witness names no principal.
        Assert.False(witness.TryGetProperty("principal", out _));
        var request = new Request(null, witness.GetProperty("action").GetString()!, witness.GetProperty("resource").GetString()!);
        Assert.True(Allows(ReadWrite, request));
        Assert.False(Allows(ReadOnly, request));
    }

    [Fact]
    public void Sarif_reports_failures_as_kind_fail_at_the_statement_with_the_witness_and_holding_checks_not_at_all()
    {
        string candidate = _dir.Write("new.json", ReadWrite);
        var failing = Check("no-new-access", "--baseline", _dir.Write("old.json", ReadOnly), "--candidate", candidate, "--format", "sarif");
        var holding = Check("no-new-access", "--baseline", candidate, "--candidate", candidate, "--format", "sarif");

        Assert.True(failing.ExitCode == Pac.Findings, failing.ToString());
        using var sarif = JsonDocument.Parse(failing.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("no-new-access", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("fail", result.GetProperty("kind").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(candidate, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("s3:PutObject", result.GetProperty("properties").GetProperty("witness").GetProperty("action").GetString());

        Assert.True(holding.ExitCode == Pac.Success, holding.ToString());
        using var clean = JsonDocument.Parse(holding.Stdout);
        Assert.Empty(clean.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void No_new_access_needs_exactly_one_of_baseline_and_baseline_rev()
    {
        string file = _dir.Write("p.json", ReadOnly);

        var neither = Check("no-new-access", "--candidate", file);
        var both = Check("no-new-access", "--baseline", file, "--baseline-rev", "HEAD", "--candidate", file);

        Assert.Equal(Pac.BadInput, neither.ExitCode);
        Assert.Equal(Pac.BadInput, both.ExitCode);
        Assert.Contains("give either --baseline PATH or --baseline-rev REV", neither.Stderr);
    }

    [Fact]
    public void A_malformed_candidate_is_reported_at_line_and_column_with_exit_2()
    {
        string bad = _dir.Write("bad.json", "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}");

        var result = Check("no-new-access", "--baseline", _dir.Write("old.json", ReadOnly), "--candidate", bad);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{bad}:2:", result.Stderr);
    }

    // ---- --baseline-rev: the baseline from git ----

    [Fact]
    public void Baseline_rev_reads_each_candidate_file_at_the_revision()
    {
        Assert.True(Git("init", "-q"), "git must be installed to test --baseline-rev");
        string policy = _dir.Write("p.json", ReadOnly);
        _dir.Write(".gitignore", "bin/\n");
        Assert.True(Git("add", "p.json", ".gitignore"));
        Assert.True(Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base"));
        File.WriteAllText(policy, ReadWrite);
        string added = _dir.Write("added.json", ReadOnly);

        var result = Check("no-new-access", "--baseline-rev", "HEAD", "--candidate", policy, "--candidate", added);
        var unchanged = Check("no-new-access", "--baseline-rev", "HEAD", "--candidate", _dir.Write("q.json", ReadOnly), "--candidate", policy);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.Contains($"{policy}:3:3: no-new-access fails (baseline: HEAD:p.json)", result.StdoutLines[0]);
        Assert.Contains($"{added}:2:3: no-new-access fails (baseline: none, a new file)", result.StdoutLines[1]);
        Assert.Equal(Pac.Findings, unchanged.ExitCode);

        File.WriteAllText(policy, ReadOnly);
        var same = Check("no-new-access", "--baseline-rev", "HEAD", "--candidate", policy);
        Assert.True(same.ExitCode == Pac.Success, same.ToString());
    }

    [Fact]
    public void Baseline_rev_rejects_an_unknown_revision_and_a_git_ignored_build_output_with_exit_2()
    {
        Assert.True(Git("init", "-q"), "git must be installed to test --baseline-rev");
        _dir.Write(".gitignore", "bin/\n");
        Assert.True(Git("add", ".gitignore"));
        Assert.True(Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base"));
        string policy = _dir.Write("p.json", ReadOnly);
        Directory.CreateDirectory(_dir.Combine("bin"));
        string built = _dir.Write("bin/built.json", ReadOnly);

        var unknownRev = Check("no-new-access", "--baseline-rev", "no-such-branch", "--candidate", policy);
        var ignored = Check("no-new-access", "--baseline-rev", "HEAD", "--candidate", built);

        Assert.Equal(Pac.BadInput, unknownRev.ExitCode);
        Assert.Contains("no-such-branch is not a git revision", unknownRev.Stderr);
        Assert.Equal(Pac.BadInput, ignored.ExitCode);
        Assert.Contains("git ignores this file", ignored.Stderr);
    }

    /// <summary>Runs git in the test folder: whether it ran and exited 0.</summary>
    private bool Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    // ---- access-not-granted ----

    [Fact]
    public void Access_not_granted_fails_with_a_witness_inside_the_scope_and_holds_outside_it()
    {
        string policy = _dir.Write("p.json", ReadWrite);

        var granted = Check("access-not-granted", "--policy", policy, "--action", "s3:Put*", "--resource", "arn:aws:s3:::my-bucket/uploads/*");
        var notGranted = Check("access-not-granted", "--policy", policy, "--action", "s3:Delete*", "--action", "iam:PassRole");
        var outsideUploads = Check("access-not-granted", "--policy", policy, "--action", "s3:PutObject", "--resource", "arn:aws:s3:::my-bucket/private/*");

        Assert.True(granted.ExitCode == Pac.Findings, granted.ToString());
        Assert.Contains("access-not-granted fails: this request is allowed; witness: action s3:PutObject, resource arn:aws:s3:::my-bucket/uploads/", granted.StdoutLines[0]);
        Assert.True(notGranted.ExitCode == Pac.Success, notGranted.ToString());
        Assert.True(outsideUploads.ExitCode == Pac.Success, outsideUploads.ToString());
    }

    [Fact]
    public void Access_not_granted_requires_an_action()
    {
        var result = Check("access-not-granted", "--policy", _dir.Write("p.json", ReadOnly));

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Contains("--action", result.Stderr);
    }

    // ---- no-public-access, on a build's iam/ folder ----

    [Fact]
    public void No_public_access_on_a_build_folder_checks_resource_and_trust_policies_and_skips_identity_ones()
    {
        Directory.CreateDirectory(_dir.Combine("iam"));
        _dir.Write("iam/manifest.json", """
            {
              "policies": [
                {"name": "read", "kind": "managed", "file": "read.json"},
                {"name": "bucket", "kind": "resource", "file": "bucket.json"}
              ],
              "roles": [
                {"name": "deploy", "path": "/", "trustPolicyFile": "deploy.trust.json", "attachedPolicies": [], "inlinePolicies": []}
              ]
            }
            """);
        string read = _dir.Write("iam/read.json", ReadOnly);
        string bucket = _dir.Write("iam/bucket.json", PublicBucket);
        string trust = _dir.Write("iam/deploy.trust.json", AccountTrust);

        var result = Check("no-public-access", "--policy", _dir.Combine("iam"));

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.Equal(
            [
                $"{read}: skipped: an identity-based policy names no principal, so public access does not apply",
                $"{bucket}:2:3: no-public-access fails: a caller outside every account the policy names is allowed; witness: principal (anonymous), action s3:GetObject, resource arn:aws:s3:::my-bucket/ [$.Statement[0]]",
                $"{trust}:1:1: no-public-access holds: no anonymous caller and no principal outside the accounts the policy names is allowed [$]",
                "no-public-access: 1 holds, 1 fails, 0 unknown.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void A_bucket_limited_to_the_organization_holds_and_exits_0()
    {
        // IAM Access Analyzer: a condition on aws:PrincipalOrgID with the owner's organization limits access to it.
        var result = Check("no-public-access", "--policy", _dir.Write("org.json", OrgScopedBucket));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no-public-access: 1 holds, 0 fails, 0 unknown.", result.StdoutLines[^1]);
    }

    [Fact]
    public void An_unknown_verdict_prints_the_reason_and_exits_2_never_0()
    {
        string policy = _dir.Write("arn.json", PrincipalArnScopedBucket);

        var result = Check("no-public-access", "--policy", policy);
        var sarif = Check("no-public-access", "--policy", policy, "--format", "sarif");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Contains("no-public-access unknown: statement #0: the condition ArnLike on aws:PrincipalArn", result.StdoutLines[0]);
        Assert.Equal("no-public-access: 0 holds, 0 fails, 1 unknown.", result.StdoutLines[^1]);
        using var log = JsonDocument.Parse(sarif.Stdout);
        var entry = Assert.Single(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("open", entry.GetProperty("kind").GetString());
        Assert.Equal("warning", entry.GetProperty("level").GetString());
    }

    // ---- unused-statements ----

    [Fact]
    public void Unused_statements_reports_the_statement_that_changes_no_decision_and_exits_1()
    {
        string policy = _dir.Write("p.json", Redundant);

        var result = Check("unused-statements", policy);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.StartsWith($"{policy}:2:3: unused-statements holds: used: statement #0 (All) decides this request: action s3:Get", result.StdoutLines[0]);
        Assert.Equal($"{policy}:3:3: unused-statements fails: unused: statement #1 (Covered) changes no decision (removing it is safe) [$.Statement[1]]", result.StdoutLines[1]);
        Assert.Equal("unused-statements: 1 holds, 1 fails, 0 unknown.", result.StdoutLines[2]);
    }

    [Fact]
    public void Unused_statements_holds_when_every_statement_is_used()
    {
        var result = Check("unused-statements", _dir.Write("p.json", ReadWrite), "-f", "json");

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["$.Statement[0]", "$.Statement[1]"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("path").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal("holds", r.GetProperty("outcome").GetString()));
    }

    [Fact]
    public void Unused_statements_on_a_resource_policy_tries_the_principals_it_names()
    {
        // Each statement grants a different named principal: neither is unused (a check trying only outside callers would
        // wrongly call both unused).
        string policy = _dir.Write("bucket.json", """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
              {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/reader"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
            ]}
            """);

        var result = Check("unused-statements", policy);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Contains("principal arn:aws:iam::111122223333:", result.StdoutLines[0]);
        Assert.Contains("444455556666", result.StdoutLines[1]);
    }

    // ---- --smt: the question as SMT-LIB 2 ----

    [Fact]
    public void Smt_writes_one_script_per_pair_separated_by_reset_instead_of_checking()
    {
        string baseline = _dir.Write("old.json", ReadOnly);
        string candidate = _dir.Write("new.json", ReadWrite);

        var result = Check("no-new-access", "--baseline", baseline, "--candidate", candidate, "--smt");
        var twoFiles = Check("access-not-granted", "--policy", baseline, "--policy", candidate, "--action", "s3:Put*", "--smt");

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal($"; {candidate}", result.StdoutLines[0]);
        Assert.Contains("(set-logic QF_SLIA)", result.StdoutLines);
        Assert.Contains("(check-sat)", result.StdoutLines);
        Assert.DoesNotContain("(reset)", result.StdoutLines);
        Assert.True(twoFiles.ExitCode == Pac.Success, twoFiles.ToString());
        Assert.Single(twoFiles.StdoutLines, l => l == "(reset)");
        Assert.Equal(2, twoFiles.StdoutLines.Count(l => l == "(check-sat)"));
    }

    [Fact]
    public void Smt_outside_its_fragment_writes_nothing_for_the_file_and_exits_2_with_the_reason()
    {
        string policy = _dir.Write("p.json", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
            """);

        var result = Check("access-not-granted", "--policy", policy, "--action", "s3:DeleteBucket", "--smt");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"{policy}: no SMT-LIB written: the condition IpAddress on aws:SourceIp", result.Stderr);
    }
}
