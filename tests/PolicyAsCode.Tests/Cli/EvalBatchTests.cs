using System.Text.Json;
using CsCheck;
using PolicyAsCode.Cli;

namespace PolicyAsCode.Tests.Cli;

public sealed class EvalBatchTests : IDisposable
{
    private static readonly (string Id, string Decision)[] s_scenario =
    [
        ("dev-assumes-role", "Allow"),
        ("dev-without-permission-cannot-assume", "ImplicitDeny"),
        ("other-account-cannot-assume", "ImplicitDeny"),
        ("session-lists-bucket", "Allow"),
        ("session-reads-object", "Allow"),
        ("session-cannot-write-object", "ImplicitDeny"),
        ("session-cannot-read-other-bucket", "ImplicitDeny"),
    ];

    private const string ReadObjects =
        """{"Version":"2012-10-17","Statement":[{"Sid":"ReadObjects","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""";

    private const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private const string BadEffect = """{"Version":"2012-10-17","Statement":[{"Effect":"Alow","Action":"s3:*","Resource":"*"}]}""";

    private const string GetObjectRequest =
        """{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::my-bucket/a.txt"}""";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string ScenarioFile => RepoFiles.Get("examples", "CrossAccountS3", "scenario.jsonl");

    private static string Case(string id, string identityPolicies, string request, string extra = "")
        => $$"""{"id":"{{id}}","identityPolicies":[{{identityPolicies}}],{{extra}}"request":{{request}}}""";

    /// <summary>Runs a batch given as text through standard input and parses each answer line.</summary>
    private static (PacResult Result, JsonElement[] Answers) RunBatch(string jsonl, params string[] options)
    {
        var result = PacRunner.RunWithStdin(jsonl, ["eval", "--batch", "-", .. options]);
        return (result, Parse(result));
    }

    private static JsonElement[] Parse(PacResult result)
        => result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();

    private static string? Id(JsonElement answer) => answer.GetProperty("id").GetString();

    private static string Decision(JsonElement answer)
    {
        Assert.False(answer.TryGetProperty("error", out var error), $"unexpected error: {error}");
        return answer.GetProperty("decision").GetString()!;
    }

    private static string Error(JsonElement answer)
    {
        Assert.False(answer.TryGetProperty("decision", out _), $"an error answer has no decision: {answer}");
        return answer.GetProperty("error").GetString()!;
    }

    private static string[] PropertyNames(JsonElement answer) => answer.EnumerateObject().Select(p => p.Name).ToArray();

    // ---- the example scenario ----

    [Fact]
    public void The_cross_account_S3_scenario_file_gives_the_expected_decisions()
    {
        var result = PacRunner.Run("eval", "--batch", ScenarioFile);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal("", result.Stderr);
        var answers = Parse(result);
        Assert.Equal(s_scenario, answers.Select(a => (Id(a)!, Decision(a))).ToArray());
        Assert.All(answers, a => Assert.Equal(["id", "decision"], PropertyNames(a)));
    }

    [Fact]
    public void The_scenario_read_from_standard_input_gives_the_same_answers()
    {
        var (result, answers) = RunBatch(File.ReadAllText(ScenarioFile));

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(s_scenario, answers.Select(a => (Id(a)!, Decision(a))).ToArray());
    }

    [Fact]
    public void Every_answer_is_one_line_ending_with_a_newline()
    {
        var result = PacRunner.Run("eval", "--batch", ScenarioFile);

        Assert.Equal(s_scenario.Length, result.StdoutLines.Length);
        Assert.EndsWith(Environment.NewLine, result.Stdout, StringComparison.Ordinal);
    }

    // ---- reading the input ----

    [Fact]
    public void Blank_lines_are_skipped_and_answers_keep_the_order_of_the_cases()
    {
        string jsonl = string.Join("\n",
            "",
            Case("first", ReadObjects, GetObjectRequest),
            "   ",
            "",
            Case("second", "", GetObjectRequest),
            "\t",
            Case("third", ReadObjects, GetObjectRequest.Replace("s3:GetObject", "s3:PutObject", StringComparison.Ordinal)),
            "");

        var (result, answers) = RunBatch(jsonl);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(["first", "second", "third"], answers.Select(Id));
        Assert.Equal(["Allow", "ImplicitDeny", "ImplicitDeny"], answers.Select(Decision));
    }

    [Fact]
    public void CRLF_line_ends_are_accepted()
    {
        string jsonl = Case("a", ReadObjects, GetObjectRequest) + "\r\n\r\n" + Case("b", "", GetObjectRequest) + "\r\n";

        var (result, answers) = RunBatch(jsonl);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(["Allow", "ImplicitDeny"], answers.Select(Decision));
    }

    [Fact]
    public void Empty_input_gives_no_answers_and_exit_0()
    {
        var (result, answers) = RunBatch("");

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Empty(answers);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_file_given_by_path_is_read()
    {
        string file = _dir.Write("cases.jsonl", Case("a", ReadObjects, GetObjectRequest) + "\n");

        var result = PacRunner.Run("eval", "--batch", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("Allow", Decision(Assert.Single(Parse(result))));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_is_read()
    {
        string file = _dir.WriteBytes("bom.jsonl", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Case("a", ReadObjects, GetObjectRequest))]);

        var result = PacRunner.Run("eval", "--batch", file);

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal("Allow", Decision(Assert.Single(Parse(result))));
    }

    [Fact]
    public void A_missing_batch_file_is_exit_2_with_a_message()
    {
        string missing = _dir.Combine("missing.jsonl");

        var result = PacRunner.Run("eval", "--batch", missing);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"{missing}: cannot read the file: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    // ---- cases that cannot be read ----

    [Fact]
    public void A_malformed_line_gets_an_error_answer_with_null_id_and_the_run_goes_on()
    {
        string jsonl = string.Join("\n",
            Case("before", ReadObjects, GetObjectRequest),
            "",
            """{"id": "broken", "identityPolicies": [""",
            Case("after", ReadObjects, GetObjectRequest));

        var (result, answers) = RunBatch(jsonl);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(3, answers.Length);
        Assert.Equal("Allow", Decision(answers[0]));
        Assert.Equal(JsonValueKind.Null, answers[1].GetProperty("id").ValueKind);
        Assert.StartsWith("line 3: ", Error(answers[1]), StringComparison.Ordinal); // blank lines count
        Assert.Equal(["id", "error"], PropertyNames(answers[1]));
        Assert.Equal("after", Id(answers[2]));
        Assert.Equal("Allow", Decision(answers[2]));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\": \"x\",}")]
    [InlineData("{\"id\": \"x\"} {\"id\": \"y\"}")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    public void Lines_that_are_not_a_JSON_object_get_an_error_with_null_id(string line)
    {
        var (result, answers) = RunBatch(line + "\n" + Case("ok", ReadObjects, GetObjectRequest));

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(2, answers.Length);
        Assert.Equal(JsonValueKind.Null, answers[0].GetProperty("id").ValueKind);
        Assert.StartsWith("line 1: ", Error(answers[0]), StringComparison.Ordinal);
        Assert.Equal("Allow", Decision(answers[1]));
    }

    [Theory]
    [InlineData("identityPolicies", "\"identityPolicies\":[" + ReadObjects + "," + BadEffect + "]", "identityPolicies[1]")]
    [InlineData("resourcePolicy", "\"identityPolicies\":[],\"resourcePolicy\":" + BadEffect, "resourcePolicy")]
    [InlineData("permissionsBoundary", "\"identityPolicies\":[],\"permissionsBoundary\":" + BadEffect, "permissionsBoundary")]
    [InlineData("serviceControlPolicies", "\"identityPolicies\":[],\"serviceControlPolicies\":[" + AllowAll + "," + BadEffect + "]", "serviceControlPolicies[1]")]
    [InlineData("sessionPolicies", "\"identityPolicies\":[],\"sessionPolicies\":[" + BadEffect + "]", "sessionPolicies[0]")]
    public void An_invalid_policy_gets_an_error_naming_the_policy_and_the_JSON_path(string kind, string policies, string name)
    {
        string jsonl = $$"""{"id":"bad-{{kind}}",{{policies}},"request":{{GetObjectRequest}}}""" + "\n" + Case("ok", ReadObjects, GetObjectRequest);

        var (result, answers) = RunBatch(jsonl);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(2, answers.Length);
        Assert.Equal($"bad-{kind}", Id(answers[0]));
        string error = Error(answers[0]);
        Assert.StartsWith($"line 1: {name}: $.Statement[0].Effect: ", error, StringComparison.Ordinal);
        Assert.Contains("'Alow'", error, StringComparison.Ordinal);
        Assert.Equal("Allow", Decision(answers[1]));
    }

    [Fact]
    public void A_policy_error_deep_in_the_document_names_the_full_path()
    {
        const string badCondition =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:username":"alice"}}}]}""";

        var (_, answers) = RunBatch(Case("deep", ReadObjects + "," + ReadObjects + "," + badCondition, GetObjectRequest));

        Assert.StartsWith("line 1: identityPolicies[2]: $.Statement[1].Condition", Error(Assert.Single(answers)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"c"}""", "identityPolicies is required")]
    [InlineData("""{"id":"c","identityPolicies":{}}""", "identityPolicies is required and must be an array")]
    [InlineData("""{"id":"c","identityPolicies":[]}""", "request is required")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"resource":"*"}}""", "request.action is required")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"action":5}}""", "request.action must be a string")]
    [InlineData("""{"id":"c","identityPolicies":[],"serviceControlPolicies":{},"request":{"action":"s3:GetObject"}}""", "serviceControlPolicies must be an array")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"action":"s3:GetObject","context":[]}}""", "request.context must be an object")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"action":"s3:GetObject","context":{"k":null}}}""", "request.context.k: ")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"action":"s3:GetObject","context":{"k":{"a":"b"}}}}""", "request.context.k: ")]
    [InlineData("""{"id":"c","identityPolicies":[],"request":{"action":"s3:GetObject","context":{"k":[["nested"]]}}}""", "request.context.k: ")]
    public void A_case_with_a_bad_field_gets_an_error_that_keeps_its_id(string line, string problem)
    {
        var (result, answers) = RunBatch(line);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        var answer = Assert.Single(answers);
        Assert.Equal("c", Id(answer));
        Assert.StartsWith("line 1: " + problem, Error(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_that_are_not_valid_UTF16_get_error_answers_and_the_run_goes_on()
    {
        // "\ud800" is a lone surrogate: valid JSON syntax, but not a readable string.
        string jsonl = string.Join("\n",
            """{"id":"\ud800","identityPolicies":[],"request":{"action":"s3:GetObject"}}""",
            """{"id":"action","identityPolicies":[],"request":{"action":"s3:\ud800"}}""",
            """{"id":"context-key","identityPolicies":[],"request":{"action":"s3:GetObject","context":{"\udc00":"x"}}}""",
            """{"id":"context-value","identityPolicies":[],"request":{"action":"s3:GetObject","context":{"k":["a","\ud800"]}}}""",
            """{"id":"policy","identityPolicies":[{"Version":"2012-10-17","Statement":[{"Sid":"\ud800","Effect":"Allow","Action":"*","Resource":"*"}]}],"request":{"action":"s3:GetObject"}}""",
            Case("ok", ReadObjects, GetObjectRequest));

        var (result, answers) = RunBatch(jsonl);

        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(6, answers.Length);
        Assert.Equal([null, "action", "context-key", "context-value", "policy"], answers[..5].Select(Id));
        for (int i = 0; i < 5; i++)
        {
            Assert.StartsWith($"line {i + 1}: ", Error(answers[i]), StringComparison.Ordinal);
        }
        Assert.Equal("ok", Id(answers[5]));
        Assert.Equal("Allow", Decision(answers[5]));
    }

    [Fact]
    public void Any_mutation_of_valid_cases_gets_exactly_one_answer_per_line()
    {
        // Cases from the example and with every policy kind and context value type, then damaged by random edits.
        string[] corpus =
        [
            .. File.ReadAllLines(ScenarioFile),
            ContextCase("ctx", """{"aws:SecureTransport":true,"s3:max-keys":[5,6.5],"aws:TagKeys":["env","team"],"b":false}"""),
            Case("kinds", ReadObjects + "," + AllowAll, GetObjectRequest,
                $"\"resourcePolicy\":null,\"permissionsBoundary\":{AllowAll},\"serviceControlPolicies\":[{AllowAll}],\"sessionPolicies\":[{ReadObjects}],"),
        ];
        // Edits insert or overwrite with single characters or JSON fragments. Lines come from decoded UTF-8 (invalid bytes
        // become U+FFFD), so they hold no lone surrogate characters, but escapes such as "\ud800" are valid JSON syntax.
        var text = Gen.OneOf<string>(
            Gen.Char["{}[]\":,\\ \tntrufalse0123456789.-+eE*$?/x\u00e9\ufffd"].Select(c => c.ToString()),
            Gen.OneOf("\\ud800", "\\u0041", "\\n", "\"\\ud800\"", "\"\\u0000\"", "null", "true", "[]", "{}", "\"\"", "1e400", "-0", "[\"a\",[\"b\"]]", "\"arn:aws:iam::1:root\"", "\"*\""));
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], text);
        var line = Gen.Select(Gen.Int[0, corpus.Length - 1], edit.Array[1, 4]).Select((seed, edits) => Mutate(corpus[seed], edits));

        line.Array[1, 4].Sample(lines =>
        {
            var (result, answers) = RunBatch(string.Join("\n", lines));

            Assert.Equal("", result.Stderr);
            Assert.Equal(lines.Count(l => !string.IsNullOrWhiteSpace(l)), answers.Length);
            bool anyError = false;
            foreach (var answer in answers)
            {
                Assert.Equal(JsonValueKind.Object, answer.ValueKind);
                Assert.True(answer.TryGetProperty("id", out _));
                bool error = answer.TryGetProperty("error", out _);
                Assert.NotEqual(error, answer.TryGetProperty("decision", out _));
                anyError |= error;
            }
            Assert.Equal(anyError ? Pac.BadInput : Pac.Success, result.ExitCode);
        }, iter: 2000);
    }

    private static string Mutate(string line, (int Op, int Position, string Text)[] edits)
    {
        var sb = new System.Text.StringBuilder(line);
        foreach (var (op, position, text) in edits)
        {
            int at = sb.Length == 0 ? 0 : position % sb.Length;
            switch (op)
            {
                case 0: sb.Insert(at, text); break;
                case 1: sb.Remove(at, Math.Min(text.Length, sb.Length - at)); break;
                case 2: sb.Remove(at, Math.Min(text.Length, sb.Length - at)).Insert(at, text); break;
                default: sb.Length = at; break;
            }
        }
        return sb.ToString();
    }

    // ---- the policy kinds ----

    [Fact]
    public void Every_policy_kind_takes_part_in_the_decision()
    {
        const string sessionPrincipal = "arn:aws:sts::111122223333:assumed-role/reader/s1";
        string request = $$"""{"principal":"{{sessionPrincipal}}","action":"s3:GetObject","resource":"arn:aws:s3:::my-bucket/a.txt"}""";
        const string denyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
        const string onlyPut = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}""";
        const string denyBucket = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""";
        string jsonl = string.Join("\n",
            Case("identity-only", ReadObjects, request),
            Case("boundary-allows", ReadObjects, request, $"\"permissionsBoundary\":{AllowAll},"),
            Case("boundary-does-not-allow", ReadObjects, request, $"\"permissionsBoundary\":{onlyPut},"),
            Case("scps-allow", ReadObjects, request, $"\"serviceControlPolicies\":[{AllowAll},{ReadObjects}],"),
            Case("one-scp-level-does-not-allow", ReadObjects, request, $"\"serviceControlPolicies\":[{AllowAll},{onlyPut}],"),
            Case("scp-denies", ReadObjects, request, $"\"serviceControlPolicies\":[{denyAll}],"),
            Case("session-allows", ReadObjects, request, $"\"sessionPolicies\":[{onlyPut},{ReadObjects}],"),
            Case("session-does-not-allow", ReadObjects, request, $"\"sessionPolicies\":[{onlyPut}],"),
            Case("resource-policy-denies", ReadObjects, request, $"\"resourcePolicy\":{denyBucket},"));

        var (result, answers) = RunBatch(jsonl);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(
            [
                ("identity-only", "Allow"),
                ("boundary-allows", "Allow"),
                ("boundary-does-not-allow", "ImplicitDeny"),
                ("scps-allow", "Allow"),
                ("one-scp-level-does-not-allow", "ImplicitDeny"),
                ("scp-denies", "ExplicitDeny"),
                ("session-allows", "Allow"),
                ("session-does-not-allow", "ImplicitDeny"),
                ("resource-policy-denies", "ExplicitDeny"),
            ],
            answers.Select(a => (Id(a)!, Decision(a))));
    }

    [Fact]
    public void Optional_fields_absent_or_null_mean_they_do_not_apply()
    {
        const string nulls = "\"resourcePolicy\":null,\"permissionsBoundary\":null,\"serviceControlPolicies\":null,\"sessionPolicies\":null,";
        const string emptySCPs = "\"serviceControlPolicies\":[],";
        string nullRequestFields = """{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::my-bucket/a.txt","resourceAccount":null,"context":null}""";
        string anonymous = """{"principal":null,"action":"s3:ListAllMyBuckets","resource":null}""";
        string noResource = """{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:ListAllMyBuckets"}""";
        const string listAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";
        const string listOneBucket = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"arn:aws:s3:::my-bucket"}]}""";
        string jsonl = string.Join("\n",
            Case("absent", ReadObjects, GetObjectRequest),
            Case("null", ReadObjects, GetObjectRequest, nulls),
            Case("empty-scps", ReadObjects, GetObjectRequest, emptySCPs),
            Case("null-request-fields", ReadObjects, nullRequestFields),
            Case("resource-defaults-to-star", listAll, noResource),
            Case("resource-star-is-not-a-bucket", listOneBucket, noResource),
            Case("null-resource-and-principal", listAll, anonymous),
            """{"identityPolicies":[],"request":{"action":"s3:GetObject"}}""",
            """{"id":null,"identityPolicies":[],"request":{"action":"s3:GetObject"}}""");

        var (result, answers) = RunBatch(jsonl);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(
            [
                ("absent", "Allow"),
                ("null", "Allow"),
                ("empty-scps", "Allow"),
                ("null-request-fields", "Allow"),
                ("resource-defaults-to-star", "Allow"),
                ("resource-star-is-not-a-bucket", "ImplicitDeny"),
                ("null-resource-and-principal", "Allow"),
                (null, "ImplicitDeny"),
                (null, "ImplicitDeny"),
            ],
            answers.Select(a => (Id(a), Decision(a))));
        Assert.Equal(JsonValueKind.Null, answers[7].GetProperty("id").ValueKind);
    }

    [Fact]
    public void Resource_account_makes_an_S3_request_cross_account()
    {
        const string bucketPolicy =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""";
        string crossAccount = """{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::my-bucket/a.txt","resourceAccount":"999988887777"}""";
        string jsonl = string.Join("\n",
            Case("same-account", "", GetObjectRequest, $"\"resourcePolicy\":{bucketPolicy},"),
            Case("cross-account-without-identity-policy", "", crossAccount, $"\"resourcePolicy\":{bucketPolicy},"),
            Case("cross-account-with-identity-policy", ReadObjects, crossAccount, $"\"resourcePolicy\":{bucketPolicy},"));

        var (_, answers) = RunBatch(jsonl);

        Assert.Equal(["Allow", "ImplicitDeny", "Allow"], answers.Select(Decision));
    }

    // ---- context values ----

    private const string ConditionalPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{
          "StringEquals":{"aws:username":"alice"},
          "Bool":{"aws:SecureTransport":"true"},
          "NumericLessThanEquals":{"s3:max-keys":"10"},
          "ForAnyValue:StringEquals":{"aws:TagKeys":"env"},
          "ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}}]}
        """;

    private static string ContextCase(string id, string context)
        => Case(id, ConditionalPolicy.ReplaceLineEndings(""),
            $$"""{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:ListBucket","resource":"arn:aws:s3:::my-bucket","context":{{context}}}""");

    [Fact]
    public void Context_values_may_be_strings_arrays_booleans_and_numbers()
    {
        string jsonl = string.Join("\n",
            ContextCase("strings", """{"aws:SecureTransport":"true","s3:max-keys":"5","aws:TagKeys":"env"}"""),
            ContextCase("json-types", """{"aws:SecureTransport":true,"s3:max-keys":5,"aws:TagKeys":["env","team"]}"""),
            ContextCase("arrays-of-each", """{"aws:SecureTransport":[true],"s3:max-keys":[10],"aws:TagKeys":["team","env"]}"""),
            ContextCase("false", """{"aws:SecureTransport":false,"s3:max-keys":5,"aws:TagKeys":"env"}"""),
            ContextCase("too-many-keys", """{"aws:SecureTransport":true,"s3:max-keys":11,"aws:TagKeys":"env"}"""),
            ContextCase("decimal", """{"aws:SecureTransport":true,"s3:max-keys":9.5,"aws:TagKeys":"env"}"""),
            ContextCase("tag-outside-the-set", """{"aws:SecureTransport":true,"s3:max-keys":5,"aws:TagKeys":["env","owner"]}"""),
            ContextCase("missing-tag", """{"aws:SecureTransport":true,"s3:max-keys":5,"aws:TagKeys":["team"]}"""),
            ContextCase("keys-ignore-case", """{"AWS:SECURETRANSPORT":true,"S3:Max-Keys":5,"aws:tagkeys":"env"}"""),
            ContextCase("username-from-context-wins", """{"aws:username":"bob","aws:SecureTransport":true,"s3:max-keys":5,"aws:TagKeys":"env"}"""));

        var (result, answers) = RunBatch(jsonl);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(
            [
                ("strings", "Allow"),
                ("json-types", "Allow"),
                ("arrays-of-each", "Allow"),
                ("false", "ImplicitDeny"),
                ("too-many-keys", "ImplicitDeny"),
                ("decimal", "Allow"),
                ("tag-outside-the-set", "ImplicitDeny"),
                ("missing-tag", "ImplicitDeny"),
                ("keys-ignore-case", "Allow"),
                ("username-from-context-wins", "ImplicitDeny"),
            ],
            answers.Select(a => (Id(a)!, Decision(a))));
    }

    [Fact]
    public void Booleans_and_numbers_mean_their_JSON_text_as_strings()
    {
        // String operators see the exact string form, so "5" must come out as "5" (not "5.0" or "5.00"), false as "false".
        const string policy =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/level":"5","aws:RequestTag/public":"false","aws:RequestTag/ratio":"0.25"}}}]}""";
        string Request(string context) => $$"""{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:PutObject","resource":"arn:aws:s3:::my-bucket/a","context":{{context}}}""";
        string jsonl = string.Join("\n",
            Case("json", policy, Request("""{"aws:RequestTag/level":5,"aws:RequestTag/public":false,"aws:RequestTag/ratio":0.25}""")),
            Case("strings", policy, Request("""{"aws:RequestTag/level":"5","aws:RequestTag/public":"false","aws:RequestTag/ratio":"0.25"}""")),
            Case("other-number", policy, Request("""{"aws:RequestTag/level":6,"aws:RequestTag/public":false,"aws:RequestTag/ratio":0.25}""")),
            Case("other-boolean", policy, Request("""{"aws:RequestTag/level":5,"aws:RequestTag/public":true,"aws:RequestTag/ratio":0.25}""")));

        var (result, answers) = RunBatch(jsonl);

        Assert.True(result.ExitCode == Pac.Success, result.ToString());
        Assert.Equal(["Allow", "Allow", "ImplicitDeny", "ImplicitDeny"], answers.Select(Decision));
    }

    // ---- --explain ----

    [Fact]
    public void Explain_adds_an_explanation_array_of_steps_then_statements()
    {
        string jsonl = string.Join("\n",
            Case("allowed", ReadObjects, GetObjectRequest),
            Case("denied", ReadObjects, GetObjectRequest.Replace("s3:GetObject", "s3:PutObject", StringComparison.Ordinal)));

        var (result, answers) = RunBatch(jsonl, "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(2, answers.Length);
        Assert.All(answers, a => Assert.Equal(["id", "decision", "explanation"], PropertyNames(a)));

        string[] allowed = answers[0].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal("Allow", Decision(answers[0]));
        Assert.Equal(
            [
                "identity-based policies allow",
                "same account: the identity-based policies allow",
                "identity policy identityPolicies[0] Statement[0] (ReadObjects) Allow: matched: action, resource match",
            ],
            allowed);

        string[] denied = answers[1].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal("ImplicitDeny", Decision(answers[1]));
        Assert.Contains("no identity-based policy allows", denied);
        Assert.Contains(denied, s => s.StartsWith("identity policy identityPolicies[0] Statement[0] (ReadObjects) Allow: no match: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_names_the_Deny_statement_and_its_policy()
    {
        const string scpDeny = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoReads","Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""";

        var (_, answers) = RunBatch(Case("scp", ReadObjects, GetObjectRequest, $"\"serviceControlPolicies\":[{scpDeny}],"), "--explain");

        var answer = Assert.Single(answers);
        Assert.Equal("ExplicitDeny", Decision(answer));
        string[] explanation = answer.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal("a Deny statement matches: explicit deny, whatever else allows", explanation[0]);
        Assert.Contains("service control policy serviceControlPolicies[0] Statement[1] (NoReads) Deny: matched: action, resource match", explanation);
    }

    [Fact]
    public void Without_explain_there_is_no_explanation_and_errors_never_have_one()
    {
        string jsonl = Case("ok", ReadObjects, GetObjectRequest) + "\n{broken";

        var (plain, plainAnswers) = RunBatch(jsonl);
        var (explained, explainedAnswers) = RunBatch(jsonl, "--explain");

        Assert.Equal(Pac.BadInput, plain.ExitCode);
        Assert.Equal(Pac.BadInput, explained.ExitCode);
        Assert.Equal(["id", "decision"], PropertyNames(plainAnswers[0]));
        Assert.Equal(["id", "decision", "explanation"], PropertyNames(explainedAnswers[0]));
        Assert.Equal(["id", "error"], PropertyNames(plainAnswers[1]));
        Assert.Equal(["id", "error"], PropertyNames(explainedAnswers[1]));
    }

    [Fact]
    public void Explain_on_the_scenario_file_keeps_the_decisions()
    {
        var result = PacRunner.Run("eval", "--batch", ScenarioFile, "--explain");

        Assert.Equal(Pac.Success, result.ExitCode);
        var answers = Parse(result);
        Assert.Equal(s_scenario, answers.Select(a => (Id(a)!, Decision(a))).ToArray());
        Assert.All(answers, a => Assert.NotEqual(0, a.GetProperty("explanation").GetArrayLength()));
        var assume = answers[0].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("cross-account: both the resource-based policy and the caller's account allow", assume);
    }

    // orgs_manage_policies_scps_evaluation: a level given as an array of policies allows when one of them allows; a
    // policy alone is a level of its own (the original form, still accepted).
    [Fact]
    public void Scp_levels_as_lists_and_single_policies()
    {
        const string denyGets = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""";
        string jsonl = string.Join("\n",
            Case("list", AllowAll, GetObjectRequest, $$"""  "serviceControlPolicies":[[{{AllowAll}},{{ReadObjects}}],{{AllowAll}}],"""),
            Case("guard", AllowAll, GetObjectRequest, $$"""  "serviceControlPolicies":[[{{AllowAll}},{{denyGets}}]],"""),
            Case("empty", AllowAll, GetObjectRequest, """  "serviceControlPolicies":[[]],"""));
        var (result, answers) = RunBatch(jsonl);
        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(["Allow", "ExplicitDeny", "ImplicitDeny"], answers.Select(Decision));
    }

    // orgs_manage_policies_rcps: resourceControlPolicies (levels); RCPs do not apply to the management account's resources.
    [Fact]
    public void Resource_control_policies_restrict_and_are_explained()
    {
        const string rcpFull = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
        const string rcpDeny = """{"Version":"2012-10-17","Statement":[{"Sid":"NoReads","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""";
        string jsonl = string.Join("\n",
            Case("denied", AllowAll, GetObjectRequest, $$"""  "resourceControlPolicies":[[{{rcpFull}},{{rcpDeny}}]],"""),
            Case("allowed", AllowAll, GetObjectRequest, $$"""  "resourceControlPolicies":[{{rcpFull}}],"""),
            Case("management", AllowAll, GetObjectRequest, $$"""  "resourceControlPolicies":[[{{rcpFull}},{{rcpDeny}}]],"managementAccount":"111122223333","""),
            Case("bad", AllowAll, GetObjectRequest, """  "resourceControlPolicies":{},"""));
        var (result, answers) = RunBatch(jsonl, "--explain");
        Assert.Equal(Pac.BadInput, result.ExitCode);
        Assert.Equal(["ExplicitDeny", "Allow", "Allow"], answers.Take(3).Select(Decision));
        Assert.Contains(answers[0].GetProperty("explanation").EnumerateArray().Select(e => e.GetString()),
            e => e!.StartsWith("resource control policy resourceControlPolicies[0][1] Statement[0] (NoReads) Deny: matched", StringComparison.Ordinal));
        Assert.Contains("resourceControlPolicies must be an array of organization levels", Error(answers[3]), StringComparison.Ordinal);
    }

    // reference_policies_evaluation-logic: request.federatingUser names the IAM user behind a federated user session.
    [Fact]
    public void Federating_user_reaches_a_grant_to_that_user()
    {
        const string bucket = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""";
        const string request = """{"principal":"arn:aws:sts::111122223333:federated-user/carol","federatingUser":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::my-bucket/a.txt","resourceAccount":"111122223333"}""";
        string jsonl = string.Join("\n",
            Case("session", "", request, $$"""  "resourcePolicy":{{bucket}},"sessionPolicies":[{{AllowAll}}],"""),
            Case("no-session-policy", "", request, $$"""  "resourcePolicy":{{bucket}},"""));
        var (result, answers) = RunBatch(jsonl);
        Assert.Equal(Pac.Success, result.ExitCode);
        Assert.Equal(["Allow", "ImplicitDeny"], answers.Select(Decision));
    }
}
