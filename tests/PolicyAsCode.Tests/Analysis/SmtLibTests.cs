using System.Text.RegularExpressions;
using PolicyAsCode.Analysis;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Analysis;

/// <summary>
/// SmtLib writes analysis questions as SMT-LIB 2 text for independent solvers: well-formed (balanced outside string
/// literals, every symbol declared before use, one logic, one check-sat), and written only inside its fragment.
/// </summary>
public sealed partial class SmtLibTests
{
    private static readonly PolicyDocument ReadOnly = PolicyJson.Parse("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::site","arn:aws:s3:::site/*"]}]}
        """);

    private static readonly PolicyDocument Conditioned = PolicyJson.Parse("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","NotAction":"iam:*","Resource":"*",
           "Condition":{"StringLike":{"aws:RequestedRegion":"eu-*"},"ForAllValues:StringEqualsIgnoreCase":{"aws:TagKeys":["team","cost\"center"]},
                        "StringNotEqualsIfExists":{"s3:prefix":"secret\"x\\"},"Null":{"aws:TokenIssueTime":"false"}}},
          {"Effect":"Deny","Action":"s3:Delete*","Resource":"arn:aws:s3:::prod-*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":"x*"}}},
          {"Effect":"Allow","Action":"ec2:Describe*","NotResource":"arn:aws:ec2:*"}]}
        """);

    [GeneratedRegex(@"\b(action|resource|k\d+_(?:n|\d+))\b")]
    private static partial Regex OurSymbol();

    /// <summary>Asserts the script is balanced outside string literals and declares every symbol before it is used.</summary>
    private static void AssertWellFormed(string script)
    {
        var code = new System.Text.StringBuilder();
        int depth = 0;
        bool inString = false;
        foreach (var line in script.Split('\n'))
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (inString)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') i++;
                    else if (c == '"') inString = false;
                    else Assert.InRange(c, ' ', '~');
                    continue;
                }
                if (c == ';') break;
                if (c == '"')
                {
                    inString = true;
                    code.Append(" \"\" ");
                    continue;
                }
                if (c == '(') depth++;
                if (c == ')') depth--;
                Assert.True(depth >= 0, $"unbalanced ')' in: {line}");
                code.Append(c);
            }
            Assert.False(inString, $"a string literal spans lines: {line}");
            code.Append('\n');
        }
        Assert.Equal(0, depth);
        var declared = new HashSet<string>();
        foreach (var line in code.ToString().Split('\n'))
        {
            var declaration = Regex.Match(line, @"^\(declare-const (\S+) (String|Int)\)$");
            if (declaration.Success)
            {
                Assert.True(declared.Add(declaration.Groups[1].Value), $"declared twice: {line}");
                continue;
            }
            foreach (Match use in OurSymbol().Matches(line)) Assert.True(declared.Contains(use.Value), $"{use.Value} is used before it is declared: {line}");
        }
        var commands = code.ToString().Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("(set-logic QF_SLIA)", commands[0]);
        Assert.Single(commands, l => l == "(check-sat)");
    }

    [Fact]
    public void NoNewAccess_is_well_formed_and_names_every_context_key()
    {
        string? script = SmtLib.NoNewAccess([ReadOnly], [Conditioned], out string? reason);

        Assert.True(script is not null, reason);
        AssertWellFormed(script);
        Assert.Contains("; context key \"aws:TagKeys\"", script);
        Assert.Contains("(declare-const k1_2 String)", script); // two distinct conditions read aws:TagKeys: two value slots
        // Quotes are doubled and a backslash is written as a code point, never as an escape the solver would read.
        Assert.Contains("(str.to_re \"secret\"\"x\\u{5c}\")", script);
    }

    [Fact]
    public void Ignore_case_actions_are_letter_classes_with_every_character_that_equals_ordinally()
    {
        string? script = SmtLib.AccessNotGranted([ReadOnly], ["s3:GetObject"], ["arn:aws:s3:::site/*"], out _);

        Assert.NotNull(script);
        AssertWellFormed(script);
        // 'k' equals 'K' and the Kelvin sign U+212A? Only what string.Equals(OrdinalIgnoreCase) says: write what it says.
        bool kelvin = string.Equals("k", "\u212A", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(kelvin, script.Contains("\\u{212a}", StringComparison.Ordinal));
        Assert.Contains("(re.union (str.to_re \"G\") (str.to_re \"g\"))", script);
    }

    [Fact]
    public void Outside_the_fragment_nothing_is_written_and_the_reason_is_given()
    {
        var numeric = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"10"}}}]}
            """);
        var bucket = PolicyJson.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}
            """);

        Assert.Null(SmtLib.NoNewAccess([ReadOnly], [numeric], out string? why));
        Assert.Contains("NumericLessThan", why);
        Assert.Null(SmtLib.AccessNotGranted([bucket], ["s3:*"], ["*"], out why));
        Assert.Contains("identity-based", why);
    }
}
