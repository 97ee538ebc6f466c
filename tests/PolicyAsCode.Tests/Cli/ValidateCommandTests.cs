using System.Text.Json;
using PolicyAsCode.Cli;
using PolicyAsCode.Rules;

namespace PolicyAsCode.Tests.Cli;

// pac validate runs the rule engine (whose rules cite the IAM User Guide in tests/PolicyAsCode.Tests/Rules) over files and
// reports findings as compiler-style text, JSON or SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format).
public sealed class ValidateCommandTests : IDisposable
{
    // Identity-based: PAC001 on line 6, column 7; PAC003 on line 7, column 7.
    private const string TwoErrors = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
              "Action": "s3:GetObjet",
              "Resource": "arn:aws:s3:::my-bucket/*"
            }
          ]
        }
        """;

    private const string Pac001Message = "Principal is not allowed in an identity-based policy: such a policy applies to whoever it is attached to, so it names no principals. Only resource-based policies name principals; remove Principal, or make this a resource-based policy.";

    private const string Pac003Message = "The action s3:GetObjet does not exist in the service s3. Did you mean s3:GetObject?";

    private const string Clean = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}]}""";

    // No Version: one warning (PAC019) at the document, line 1, column 1.
    private const string OneWarning = """{"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"}]}""";

    private const string TrustPolicy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}]}""";

    private const string BucketPolicy = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}""";

    // Effect misspelled on line 2, column 28.
    private const string Malformed = "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static PacResult Validate(params string[] args) => PacRunner.Run(["validate", .. args]);

    // ---- text output and exit codes ----

    [Fact]
    public void A_clean_policy_prints_only_the_summary_and_exits_0()
    {
        string file = _dir.Write("clean.json", Clean);

        var result = Validate(file);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(["1 file checked: 0 errors, 0 warnings."], result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Errors_are_printed_as_file_line_column_severity_id_message_and_path_and_exit_1()
    {
        string file = _dir.Write("two-errors.json", TwoErrors);

        var result = Validate(file);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.Equal(
            [
                $"{file}:6:7: error PAC001: {Pac001Message} [$.Statement[0].Principal]",
                $"{file}:7:7: error PAC003: {Pac003Message} [$.Statement[0].Action]",
                "1 file checked: 2 errors, 0 warnings.",
            ],
            result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Warnings_alone_are_printed_as_warning_and_exit_0()
    {
        string file = _dir.Write("no-version.json", OneWarning);

        var result = Validate(file);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(
            [
                $"{file}:1:1: warning PAC019: The policy has no Version, so AWS applies the 2008-10-17 language, in which policy variables are literal text. Add \"Version\": \"2012-10-17\". [$]",
                "1 file checked: 0 errors, 1 warning.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void The_summary_counts_files_errors_and_warnings_of_all_files()
    {
        string errors = _dir.Write("a.json", TwoErrors);
        string warning = _dir.Write("b.json", OneWarning);
        string clean = _dir.Write("c.json", Clean);

        var result = Validate(errors, warning, clean);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Equal("3 files checked: 2 errors, 1 warning.", result.StdoutLines[^1]);
        Assert.Equal(4, result.StdoutLines.Length);
    }

    // ---- JSON ----

    [Fact]
    public void Json_output_is_an_array_of_findings_with_position_path_rule_severity_message_and_suggestions()
    {
        string file = _dir.Write("two-errors.json", TwoErrors);
        string warning = _dir.Write("no-version.json", OneWarning);

        var result = Validate("--format", "json", file, warning);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        AssertJsonFinding(findings[0], file, 6, 7, "$.Statement[0].Principal", "PAC001", "error", Pac001Message);
        AssertJsonFinding(findings[1], file, 7, 7, "$.Statement[0].Action", "PAC003", "error", Pac003Message, "s3:GetObject");
        AssertJsonFinding(findings[2], warning, 1, 1, "$", "PAC019", "warning", null, "2012-10-17");
    }

    [Fact]
    public void Json_output_of_clean_policies_is_an_empty_array()
    {
        var result = Validate("-f", "json", _dir.Write("clean.json", Clean));

        Assert.Equal(Pac.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    private static void AssertJsonFinding(JsonElement finding, string file, int line, int column, string path, string ruleId, string severity, string? message, params string[] suggestions)
    {
        Assert.Equal(file, finding.GetProperty("file").GetString());
        Assert.Equal(line, finding.GetProperty("line").GetInt32());
        Assert.Equal(column, finding.GetProperty("column").GetInt32());
        Assert.Equal(path, finding.GetProperty("path").GetString());
        Assert.Equal(ruleId, finding.GetProperty("ruleId").GetString());
        Assert.Equal(severity, finding.GetProperty("severity").GetString());
        if (message is not null) Assert.Equal(message, finding.GetProperty("message").GetString());
        Assert.Equal(suggestions, finding.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!));
    }

    // ---- SARIF ----

    [Fact]
    public void Sarif_output_is_version_2_1_0_with_every_rule_in_the_driver()
    {
        var result = Validate("--format", "sarif", _dir.Write("clean.json", Clean));

        Assert.Equal(Pac.Success, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("pac", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(PolicyRules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in PolicyRules.All.Zip(rules))
        {
            Assert.Equal(rule.HelpLink, descriptor.GetProperty("helpUri").GetString());
            Assert.EndsWith($"docs/rules/{rule.Id}.md", descriptor.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Equal(rule.DefaultSeverity == FindingSeverity.Error ? "error" : "warning",
                descriptor.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Equal(rule.Title, descriptor.GetProperty("shortDescription").GetProperty("text").GetString());
        }
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void Sarif_results_have_rule_level_message_and_a_physical_and_logical_location()
    {
        string file = _dir.Write("two-errors.json", TwoErrors);
        string warning = _dir.Write("no-version.json", OneWarning);

        var result = Validate("--format", "sarif", file, warning);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        AssertSarifResult(results[0], rules, "PAC001", "error", Pac001Message, file, 6, 7, "$.Statement[0].Principal");
        AssertSarifResult(results[1], rules, "PAC003", "error", Pac003Message, file, 7, 7, "$.Statement[0].Action");
        AssertSarifResult(results[2], rules, "PAC019", "warning", null, warning, 1, 1, "$");
    }

    private static void AssertSarifResult(JsonElement result, JsonElement rules, string ruleId, string level, string? message, string file, int line, int column, string path)
    {
        Assert.Equal(ruleId, result.GetProperty("ruleId").GetString());
        Assert.Equal(ruleId, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal(level, result.GetProperty("level").GetString());
        string text = result.GetProperty("message").GetProperty("text").GetString()!;
        if (message is not null) Assert.Equal(message, text);
        Assert.NotEmpty(text);
        var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal(file.Replace('\\', '/'), physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(line, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(path, Assert.Single(location.GetProperty("logicalLocations").EnumerateArray()).GetProperty("fullyQualifiedName").GetString());
    }

    // ---- files, folders and policy kinds ----

    [Fact]
    public void Folders_are_searched_recursively_for_json_files_and_trust_json_files_are_trust_policies()
    {
        _dir.Write("clean.json", Clean);
        Directory.CreateDirectory(_dir.Combine("roles/ci"));
        _dir.Write("roles/deploy.trust.json", TrustPolicy);
        string nested = _dir.Write("roles/ci/bad.json", TwoErrors);
        _dir.Write("roles/README.md", "not a policy");
        _dir.Write("roles/ci/notes.txt", "{ not json");

        var result = Validate(_dir.Path);

        Assert.True(result.ExitCode == Pac.Findings, result.ToString());
        Assert.Equal(
            [
                $"{nested}:6:7: error PAC001: {Pac001Message} [$.Statement[0].Principal]",
                $"{nested}:7:7: error PAC003: {Pac003Message} [$.Statement[0].Action]",
                "3 files checked: 2 errors, 0 warnings.",
            ],
            result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_trust_policy_in_a_plain_json_file_is_validated_as_identity_based()
    {
        string file = _dir.Write("deploy.json", TrustPolicy);

        var result = Validate(file);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Contains(result.StdoutLines, line => line.Contains("error PAC001:", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, line => line.Contains("error PAC017:", StringComparison.Ordinal));
    }

    [Fact]
    public void Kind_trust_applies_to_every_file()
    {
        var result = Validate("--kind", "trust", _dir.Write("deploy.json", TrustPolicy));

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(["1 file checked: 0 errors, 0 warnings."], result.StdoutLines);
    }

    [Fact]
    public void Kind_identity_overrides_the_trust_json_file_name()
    {
        var result = Validate("--kind", "identity", _dir.Write("deploy.trust.json", TrustPolicy));

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Contains(result.StdoutLines, line => line.Contains("error PAC001: Principal is not allowed in an identity-based policy", StringComparison.Ordinal));
    }

    [Fact]
    public void Kind_resource_accepts_a_bucket_policy_that_is_an_error_as_identity_based()
    {
        string file = _dir.Write("bucket.json", BucketPolicy);

        Assert.Equal(Pac.Success, Validate("-k", "resource", file).ExitCode);
        Assert.Equal(Pac.Findings, Validate(file).ExitCode);
    }

    [Theory]
    [InlineData("scp", "service control policy")]
    [InlineData("boundary", "permissions boundary")]
    [InlineData("session", "session policy")]
    public void Kind_scp_boundary_and_session_name_the_kind_in_messages(string kind, string displayName)
    {
        string file = _dir.Write("policy.json", BucketPolicy);

        var result = Validate("--kind", kind, file);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Contains(result.StdoutLines, line => line.Contains($"error PAC001: Principal is not allowed in a {displayName}", StringComparison.Ordinal));
    }

    [Fact]
    public void Kind_scp_does_not_warn_about_allow_star_as_identity_does()
    {
        string file = _dir.Write("full-access.json", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

        Assert.Equal(["1 file checked: 0 errors, 0 warnings."], Validate("--kind", "scp", file).StdoutLines);
        Assert.Contains("warning PAC101:", Validate(file).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("user", true)]
    [InlineData("group", false)]
    [InlineData("role", false)]
    public void Inline_selects_the_size_quota_of_the_user_group_or_role(string? inline, bool reported)
    {
        // 3,000 characters: over a user's 2,048, under a group's 5,120 and a role's 10,240.
        const string head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"";
        const string tail = "\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::my-bucket\"}]}";
        string file = _dir.Write("inline.json", head + new string('A', 3000 - head.Length - tail.Length) + tail);

        var result = inline is null ? Validate(file) : Validate("--inline", inline, file);

        Assert.Equal(reported ? Pac.Findings : Pac.Success, result.ExitCode);
        Assert.Equal(reported, result.Stdout.Contains(
            $"{file}:1:1: error PAC016: The policy is 3,000 characters without whitespace; AWS allows 2,048 for the inline policies of a user.", StringComparison.Ordinal));
    }

    // ---- unreadable input ----

    [Fact]
    public void A_malformed_file_is_reported_at_file_line_column_with_exit_2_and_the_other_files_are_still_validated()
    {
        string malformed = _dir.Write("a-malformed.json", Malformed);
        string errors = _dir.Write("b-errors.json", TwoErrors);

        var result = Validate(malformed, errors);

        Assert.True(result.ExitCode == Pac.BadInput, result.ToString());
        Assert.Equal([$"{malformed}:2:28: $.Statement[0].Effect: Effect 'Alow' is not valid; it must be \"Allow\" or \"Deny\" (case-sensitive)"], result.StderrLines);
        Assert.Equal(
            [
                $"{errors}:6:7: error PAC001: {Pac001Message} [$.Statement[0].Principal]",
                $"{errors}:7:7: error PAC003: {Pac003Message} [$.Statement[0].Action]",
                "1 file checked: 2 errors, 0 warnings.",
            ],
            result.StdoutLines);
    }

    [Theory]
    [InlineData("", 1, 1, "the document is empty")]
    [InlineData("{\"Version\": \"2012-10-17\",\n  \"Statement\": [}", 2, 17, "invalid JSON")]
    [InlineData("[1, 2]", 1, 1, "a policy document must be a JSON object")]
    public void Files_that_are_not_policies_are_reported_at_their_position_with_exit_2(string content, int line, int column, string problem)
    {
        string file = _dir.Write("bad.json", content);
        string clean = _dir.Write("clean.json", Clean);

        var result = Validate(file, clean);

        Assert.True(result.ExitCode == Pac.BadInput, result.ToString());
        string error = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{file}:{line}:{column}: $", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Equal(["1 file checked: 0 errors, 0 warnings."], result.StdoutLines);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_exit_2()
    {
        byte[] bytes = [.. "{\"Version\": \"2012-10-17\", \"Id\": \""u8, 0xC3, 0x28, .. "\", \"Statement\": []}"u8];
        string file = _dir.WriteBytes("latin1.json", bytes);

        var result = Validate(file);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{file}:1:", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_in_a_folder_is_reported_with_exit_2_and_the_other_files_are_still_validated()
    {
        string dangling = _dir.Combine("a-dangling.json");
        File.CreateSymbolicLink(dangling, _dir.Combine("missing-target.json"));
        _dir.Write("b-clean.json", Clean);
        string warning = _dir.Write("c-warning.json", OneWarning);

        var result = Validate(_dir.Path);

        Assert.True(result.ExitCode == Pac.BadInput, result.ToString());
        Assert.StartsWith($"{dangling}: cannot read the file:", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(
            [$"{warning}:1:1: warning PAC019: The policy has no Version, so AWS applies the 2008-10-17 language, in which policy variables are literal text. Add \"Version\": \"2012-10-17\". [$]",
             "2 files checked: 0 errors, 1 warning."],
            result.StdoutLines);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_reported_with_exit_2_and_the_others_are_still_validated()
    {
        string missing = _dir.Combine("missing.json");
        string errors = _dir.Write("errors.json", TwoErrors);

        var result = Validate(missing, errors);

        Assert.True(result.ExitCode == Pac.BadInput, result.ToString());
        Assert.Equal([$"{missing}: no such file or folder"], result.StderrLines);
        Assert.Equal("1 file checked: 2 errors, 0 warnings.", result.StdoutLines[^1]);
    }

    [Fact]
    public void Json_output_stays_valid_when_a_file_is_malformed()
    {
        string malformed = _dir.Write("a.json", Malformed);
        string errors = _dir.Write("b.json", TwoErrors);

        var result = Validate("--format", "json", malformed, errors);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.All(json.RootElement.EnumerateArray(), f => Assert.Equal(errors, f.GetProperty("file").GetString()));
        Assert.Single(result.StderrLines);
    }

    [Theory]
    [InlineData("--kind", "bucket")]
    [InlineData("--inline", "policy")]
    [InlineData("--format", "xml")]
    public void Unknown_option_values_exit_2(string option, string value)
    {
        var result = Validate(option, value, _dir.Write("clean.json", Clean));

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Contains(value, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Validate_without_a_path_exits_2()
        => Assert.Equal(Pac.BadInput, Validate().ExitCode);
}
