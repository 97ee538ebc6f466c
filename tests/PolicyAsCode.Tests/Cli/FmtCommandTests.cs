using System.Text;
using PolicyAsCode.Cli;

namespace PolicyAsCode.Tests.Cli;

public sealed class FmtCommandTests : IDisposable
{
    // Valid, but nothing like the canonical format: elements out of order, single-element arrays, a principal list with
    // one entry, everything on few lines.
    private const string MessyPolicy = """
        { "Statement": [ {"Resource": ["arn:aws:s3:::my-bucket/*"], "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:PrincipalTag/team": ["data", "ml"]}},
           "Action": ["s3:GetObject"], "Effect":"Allow", "Sid": "Read"},
           {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}}],
          "Version":"2012-10-17" }
        """;

    private static readonly string s_messyCanonical = Lf("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Read",
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::my-bucket/*",
              "Condition": {
                "Bool": {
                  "aws:SecureTransport": "true"
                },
                "StringEquals": {
                  "aws:PrincipalTag/team": [
                    "data",
                    "ml"
                  ]
                }
              }
            },
            {
              "Effect": "Deny",
              "Principal": {
                "AWS": "arn:aws:iam::111122223333:root"
              },
              "NotAction": "iam:*",
              "Resource": "*"
            }
          ]
        }

        """);

    private const string MessyMinified =
        """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:PrincipalTag/team":["data","ml"]}}},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"NotAction":"iam:*","Resource":"*"}]}""";

    // A single statement object instead of an array, and a boolean condition value: AWS accepts both.
    private const string SingleStatementPolicy =
        """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": true}}}}""";

    private static readonly string s_singleStatementCanonical = Lf("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:*",
              "Resource": "*",
              "Condition": {
                "Bool": {
                  "aws:SecureTransport": "true"
                }
              }
            }
          ]
        }

        """);

    // Effect misspelled on line 2, column 28.
    private const string BadEffectPolicy = "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"s3:*\"}]}";

    private static readonly DateTime s_longAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Lf(string text) => text.ReplaceLineEndings("\n");

    [Fact]
    public void Prints_the_canonical_form_of_a_messy_policy()
    {
        string file = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(s_messyCanonical, result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(MessyPolicy, File.ReadAllText(file));
    }

    [Fact]
    public void Prints_a_single_statement_object_as_an_array_and_condition_values_as_strings()
    {
        string file = _dir.Write("single.json", SingleStatementPolicy);

        var result = PacRunner.Run("fmt", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(s_singleStatementCanonical, result.Stdout);
    }

    [Fact]
    public void Canonical_output_is_a_fixed_point()
    {
        string file = _dir.Write("canonical.json", s_messyCanonical);

        var result = PacRunner.Run("fmt", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(s_messyCanonical, result.Stdout);
    }

    [Fact]
    public void Minify_prints_one_line_without_whitespace()
    {
        string file = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", "--minify", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(MessyMinified + Environment.NewLine, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Several_files_are_printed_in_the_order_given()
    {
        string messy = _dir.Write("messy.json", MessyPolicy);
        string single = _dir.Write("single.json", SingleStatementPolicy);

        var result = PacRunner.Run("fmt", single, messy);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(s_singleStatementCanonical + s_messyCanonical, result.Stdout);
    }

    [Fact]
    public void Several_files_minified_are_one_line_each()
    {
        string messy = _dir.Write("messy.json", MessyPolicy);
        string single = _dir.Write("single.json", SingleStatementPolicy);

        var result = PacRunner.Run("fmt", "--minify", messy, single);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(
            [MessyMinified, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"""],
            result.StdoutLines);
    }

    [Fact]
    public void Write_rewrites_a_non_canonical_file_and_prints_nothing()
    {
        string file = _dir.Write("messy.json", MessyPolicy);
        File.SetLastWriteTimeUtc(file, s_longAgo);

        var result = PacRunner.Run("fmt", "--write", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(Encoding.UTF8.GetBytes(s_messyCanonical), File.ReadAllBytes(file)); // no byte order mark
        Assert.NotEqual(s_longAgo, File.GetLastWriteTimeUtc(file));
    }

    // Issue 11: a minified policy just under the size limit is rewritten indented (over a megabyte of text), and pac
    // reads the file it wrote.
    [Fact]
    public void Write_of_a_minified_policy_at_the_size_limit_writes_a_file_pac_reads_back()
    {
        string values = string.Join(",", Enumerable.Range(0, 45_000).Select(i => $"\"arn:aws:s3:::b/{i}\""));
        string file = _dir.Write("big.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":[" + values + "]}]}");
        var before = PolicyAsCode.Json.PolicyJson.Parse(File.ReadAllText(file));

        var result = PacRunner.Run("fmt", "--write", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.True(new FileInfo(file).Length > PolicyAsCode.Json.PolicyJson.MaxDocumentBytes);
        Assert.Equal(before, PolicyAsCode.Json.PolicyJson.Parse(File.ReadAllText(file)));
    }

    [Fact]
    public void Write_leaves_a_canonical_file_untouched()
    {
        string file = _dir.Write("canonical.json", s_messyCanonical);
        byte[] before = File.ReadAllBytes(file);
        File.SetLastWriteTimeUtc(file, s_longAgo);

        var result = PacRunner.Run("fmt", "-w", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal(s_longAgo, File.GetLastWriteTimeUtc(file)); // not even rewritten with the same bytes
    }

    [Fact]
    public void Write_rewrites_only_the_files_that_change()
    {
        string messy = _dir.Write("messy.json", MessyPolicy);
        string canonical = _dir.Write("canonical.json", s_singleStatementCanonical);
        File.SetLastWriteTimeUtc(messy, s_longAgo);
        File.SetLastWriteTimeUtc(canonical, s_longAgo);

        var result = PacRunner.Run("fmt", "--write", messy, canonical);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(s_messyCanonical, File.ReadAllText(messy));
        Assert.NotEqual(s_longAgo, File.GetLastWriteTimeUtc(messy));
        Assert.Equal(s_singleStatementCanonical, File.ReadAllText(canonical));
        Assert.Equal(s_longAgo, File.GetLastWriteTimeUtc(canonical));
    }

    [Fact]
    public void Write_with_minify_writes_the_minified_form()
    {
        string file = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", "--write", "--minify", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(MessyMinified, File.ReadAllText(file));
    }

    [Fact]
    public void Check_exits_1_for_a_non_canonical_file_and_leaves_it_alone()
    {
        string file = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", "--check", file);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([$"{file}: not in canonical format (run 'pac fmt --write {file}')"], result.StderrLines);
        Assert.Equal(MessyPolicy, File.ReadAllText(file));
    }

    [Fact]
    public void Check_exits_0_for_a_canonical_file()
    {
        string file = _dir.Write("canonical.json", s_messyCanonical);

        var result = PacRunner.Run("fmt", "--check", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Check_passes_after_write()
    {
        string file = _dir.Write("messy.json", MessyPolicy);

        Assert.Equal(Pac.Findings, PacRunner.Run("fmt", "--check", file).ExitCode);
        Assert.Equal(Pac.Success, PacRunner.Run("fmt", "--write", file).ExitCode);
        Assert.Equal(Pac.Success, PacRunner.Run("fmt", "--check", file).ExitCode);
    }

    [Fact]
    public void Check_treats_CRLF_line_ends_and_a_missing_final_newline_as_not_canonical()
    {
        string crlf = _dir.Write("crlf.json", s_messyCanonical.Replace("\n", "\r\n", StringComparison.Ordinal));
        string noNewline = _dir.Write("no-newline.json", s_messyCanonical.TrimEnd('\n'));

        var result = PacRunner.Run("fmt", "--check", crlf, noNewline);

        Assert.Equal(Pac.Findings, result.ExitCode);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.StartsWith($"{crlf}: not in canonical format", result.StderrLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{noNewline}: not in canonical format", result.StderrLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_not_canonical()
    {
        string bom = _dir.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s_messyCanonical)]);

        var check = PacRunner.Run("fmt", "--check", bom);

        Assert.Equal(Pac.Findings, check.ExitCode);
        Assert.StartsWith($"{bom}: not in canonical format", Assert.Single(check.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_removes_a_byte_order_mark()
    {
        string bom = _dir.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(s_messyCanonical)]);

        var result = PacRunner.Run("fmt", "--write", bom);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes(s_messyCanonical), File.ReadAllBytes(bom));
        Assert.Equal(Pac.Success, PacRunner.Run("fmt", "--check", bom).ExitCode);
    }

    [Fact]
    public void Check_reports_only_the_non_canonical_files_among_several()
    {
        string canonical = _dir.Write("canonical.json", s_messyCanonical);
        string messy = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", "--check", canonical, messy);

        Assert.Equal(Pac.Findings, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{messy}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_minify_compares_against_the_minified_form()
    {
        string indented = _dir.Write("indented.json", s_messyCanonical);
        string minified = _dir.Write("minified.json", MessyMinified);

        Assert.Equal(Pac.Findings, PacRunner.Run("fmt", "--check", "--minify", indented).ExitCode);
        Assert.Equal(Pac.Success, PacRunner.Run("fmt", "--check", "--minify", minified).ExitCode);
        Assert.Equal(Pac.Findings, PacRunner.Run("fmt", "--check", minified).ExitCode);
    }

    [Fact]
    public void A_malformed_file_is_reported_as_file_line_col_and_the_other_files_are_still_printed()
    {
        string messy = _dir.Write("messy.json", MessyPolicy);
        string bad = _dir.Write("bad.json", BadEffectPolicy);
        string single = _dir.Write("single.json", SingleStatementPolicy);

        var result = PacRunner.Run("fmt", messy, bad, single);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(s_messyCanonical + s_singleStatementCanonical, result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{bad}:2:28: $.Statement[0].Effect: ", error, StringComparison.Ordinal);
        Assert.Contains("'Alow'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_syntax_is_reported_with_line_and_column()
    {
        string truncated = _dir.Write("truncated.json", "{\"Version\": \"2012-10-17\",\n \"Statement\": [\n  {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \n");

        var result = PacRunner.Run("fmt", truncated);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(truncated) + @":\d+:\d+: \$[^:]*: invalid JSON", error);
    }

    [Fact]
    public void A_malformed_file_does_not_stop_write_from_rewriting_the_others()
    {
        string bad = _dir.Write("bad.json", BadEffectPolicy);
        string messy = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", "--write", bad, messy);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{bad}:2:28: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(BadEffectPolicy, File.ReadAllText(bad));
        Assert.Equal(s_messyCanonical, File.ReadAllText(messy));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void With_check_a_malformed_file_wins_over_a_non_canonical_one(bool badFirst)
    {
        string bad = _dir.Write("bad.json", BadEffectPolicy);
        string messy = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run(badFirst ? ["fmt", "--check", bad, messy] : ["fmt", "--check", messy, bad]);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.Contains(result.StderrLines, l => l.StartsWith($"{bad}:2:28: ", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, l => l.StartsWith($"{messy}: not in canonical format", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_gives_a_clear_message_and_exit_2_and_the_others_are_still_printed()
    {
        string missing = _dir.Combine("does-not-exist.json");
        string messy = _dir.Write("messy.json", MessyPolicy);

        var result = PacRunner.Run("fmt", missing, messy);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(s_messyCanonical, result.Stdout);
        var error = Assert.Single(result.StderrLines);
        Assert.StartsWith($"{missing}: cannot read the file: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_exit_2_and_the_other_files_are_still_rewritten()
    {
        using var locked = new UnwritableFile(_dir, "locked.json", MessyPolicy);
        string messy = _dir.Write("messy.json", MessyPolicy);
        Assert.ThrowsAny<Exception>(() => File.WriteAllText(locked.Path, s_messyCanonical)); // the premise of the test

        var result = PacRunner.Run("fmt", "--write", locked.Path, messy);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"{locked.Path}: cannot write the file: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Equal(MessyPolicy, File.ReadAllText(locked.Path));
        Assert.Equal(s_messyCanonical, File.ReadAllText(messy));
    }

    [Fact]
    public void Write_does_not_touch_a_canonical_file_even_one_that_cannot_be_written()
    {
        using var locked = new UnwritableFile(_dir, "locked.json", s_messyCanonical);

        var result = PacRunner.Run("fmt", "--write", locked.Path);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_missing_file_with_write_is_not_created()
    {
        string missing = _dir.Combine("does-not-exist.json");

        var result = PacRunner.Run("fmt", "--write", missing);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.StartsWith($"{missing}: cannot read the file: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void No_file_is_a_usage_error()
    {
        var result = PacRunner.Run("fmt");

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("pac: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'pac --help' for usage.", result.Stderr, StringComparison.Ordinal);
    }
}
