using System.Text;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// Where <see cref="PolicyJson.Parse(byte[], out PolicySourceMap)"/> says each element is, by the JSON paths of the rule
/// engine: elements at their name, list values and statements at their first character, lines and columns from 1 in
/// characters. The element names and nesting are those of the IAM User Guide's "Grammar of the IAM JSON policy language"
/// (reference_policies_grammar).
/// </summary>
public class PolicySourceMapTests
{
    // The expected lines and columns below were counted on this text.
    private const string Policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Read",
              "Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "ec2.amazonaws.com"},
              "Action": "s3:GetObject",
              "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"],
              "Condition": {
                "StringEquals": {"aws:PrincipalTag/team": ["data", "ml"], "aws:username": "alice"},
                "Bool": {"aws:SecureTransport": true}
              }
            },
            {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "NotResource": "*", "Principal": "*"}
          ]
        }
        """;

    private static PolicySourceMap Map(string json) => Map(Encoding.UTF8.GetBytes(json));

    private static PolicySourceMap Map(byte[] utf8)
    {
        PolicyJson.Parse(utf8, out var map);
        return map;
    }

    private static (int Line, int Column) Position(PolicySourceMap map, string path)
    {
        Assert.True(map.TryGetPosition(path, out int line, out int column), $"{path} has no position");
        Assert.Equal((line, column), map.Find(path));
        return (line, column);
    }

    [Theory]
    [InlineData("$", 1, 1)]
    [InlineData("$.Version", 2, 3)]
    [InlineData("$.Statement[0]", 4, 5)]
    [InlineData("$.Statement[1]", 15, 5)]
    public void DocumentVersionAndStatementsInAnArray_AreAtTheirFirstCharacter(string path, int line, int column)
        => Assert.Equal((line, column), Position(Map(Policy), path));

    [Theory]
    [InlineData("$.Statement[0].Sid", 5, 7)]
    [InlineData("$.Statement[0].Effect", 6, 7)]
    [InlineData("$.Statement[0].Action", 8, 7)]
    [InlineData("$.Statement[0].Resource", 9, 7)]
    [InlineData("$.Statement[0].Condition", 10, 7)]
    [InlineData("$.Statement[1].Effect", 15, 6)]
    [InlineData("$.Statement[1].NotAction", 15, 24)]
    [InlineData("$.Statement[1].NotResource", 15, 57)]
    public void StatementElements_AreAtTheirName(string path, int line, int column)
        => Assert.Equal((line, column), Position(Map(Policy), path));

    [Theory]
    [InlineData("$.Statement[0].Principal", 7, 7)]
    [InlineData("$.Statement[0].Principal.AWS", 7, 21)]
    [InlineData("$.Statement[0].Principal.AWS[0]", 7, 29)]
    [InlineData("$.Statement[0].Principal.AWS[1]", 7, 63)]
    [InlineData("$.Statement[0].Principal.Service", 7, 80)]
    [InlineData("$.Statement[1].Principal", 15, 77)]
    public void PrincipalTypes_AreAtTheirNameAndListedValuesAtTheValue(string path, int line, int column)
        => Assert.Equal((line, column), Position(Map(Policy), path));

    [Theory]
    [InlineData("$.Statement[0].Resource[0]", 9, 20)]
    [InlineData("$.Statement[0].Resource[1]", 9, 40)]
    [InlineData("$.Statement[1].NotAction[0]", 15, 38)]
    [InlineData("$.Statement[1].NotAction[1]", 15, 47)]
    public void ActionAndResourceValuesInLists_AreAtTheValue(string path, int line, int column)
        => Assert.Equal((line, column), Position(Map(Policy), path));

    [Theory]
    [InlineData("$.Statement[0].Condition.StringEquals", 11, 9)]
    [InlineData("$.Statement[0].Condition.StringEquals.aws:PrincipalTag/team", 11, 26)]
    [InlineData("$.Statement[0].Condition.StringEquals.aws:PrincipalTag/team[0]", 11, 52)]
    [InlineData("$.Statement[0].Condition.StringEquals.aws:PrincipalTag/team[1]", 11, 60)]
    [InlineData("$.Statement[0].Condition.StringEquals.aws:username", 11, 67)]
    [InlineData("$.Statement[0].Condition.Bool", 12, 9)]
    [InlineData("$.Statement[0].Condition.Bool.aws:SecureTransport", 12, 18)]
    public void ConditionOperatorsAndKeys_AreAtTheirNameAndListedValuesAtTheValue(string path, int line, int column)
        => Assert.Equal((line, column), Position(Map(Policy), path));

    [Fact]
    public void SingleStringValues_HaveNoIndexedPositionAndFallBackToTheirElement()
    {
        var map = Map(Policy);
        Assert.False(map.TryGetPosition("$.Statement[0].Action[0]", out int line, out int column));
        Assert.Equal((0, 0), (line, column));
        Assert.Equal((8, 7), map.Find("$.Statement[0].Action[0]"));
        Assert.Equal((11, 67), map.Find("$.Statement[0].Condition.StringEquals.aws:username[0]"));
        Assert.Equal((7, 80), map.Find("$.Statement[0].Principal.Service[0]"));
    }

    [Theory]
    [InlineData("$.Statement[1].Resource", 15, 5)]
    [InlineData("$.Statement[1].Condition.StringEquals.aws:username", 15, 5)]
    [InlineData("$.Statement[0].Resource[7]", 9, 7)]
    [InlineData("$.Statement[0].Condition.Null.aws:TagKeys", 10, 7)]
    [InlineData("$.Statement[9].Sid", 1, 1)]
    [InlineData("$.Id", 1, 1)]
    public void PathsNotInTheText_FallBackToTheNearestAncestor(string path, int line, int column)
        => Assert.Equal((line, column), Map(Policy).Find(path));

    [Fact]
    public void SingleStatementObject_IsMappedAsStatementZero()
    {
        const string json = "{\"Version\": \"2012-10-17\",\n"
            + " \"Statement\": {\"Sid\": \"One\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\",\n"
            + "               \"Condition\": {\"StringEquals\": {\"accounts.google.com:aud\": \"app-id\"}}}}";
        var map = Map(json);
        Assert.Equal((2, 15), Position(map, "$.Statement[0]"));
        Assert.Equal((2, 16), Position(map, "$.Statement[0].Sid"));
        Assert.Equal((2, 49), Position(map, "$.Statement[0].Action"));
        Assert.Equal((2, 60), Position(map, "$.Statement[0].Action[0]"));
        Assert.Equal((2, 77), Position(map, "$.Statement[0].Resource"));
        Assert.Equal((3, 30), Position(map, "$.Statement[0].Condition.StringEquals"));
        Assert.Equal((3, 47), Position(map, "$.Statement[0].Condition.StringEquals.accounts.google.com:aud"));
        Assert.Equal((3, 47), map.Find("$.Statement[0].Condition.StringEquals.accounts.google.com:aud[0]"));
        Assert.False(map.TryGetPosition("$.Statement", out _, out _));
    }

    [Fact]
    public void ByteOrderMark_IsNotPartOfTheFirstLine()
    {
        byte[] plain = Encoding.UTF8.GetBytes(Policy);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. plain];
        var map = Map(withBom);
        Assert.Equal((1, 1), Position(map, "$"));
        Assert.Equal((2, 3), Position(map, "$.Version"));
        Assert.Equal((11, 26), Position(map, "$.Statement[0].Condition.StringEquals.aws:PrincipalTag/team"));
        Assert.Equal(PolicyJson.Parse(plain), PolicyJson.Parse(withBom, out _));
    }

    [Fact]
    public void ByteOrderMarkBeforeAStatementOnTheFirstLine_DoesNotShiftItsColumn()
    {
        const string json = """{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""";
        var map = Map([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);
        Assert.Equal((1, 16), Position(map, "$.Statement[0]"));
        Assert.Equal((1, 36), Position(map, "$.Statement[0].Action"));
    }

    [Fact]
    public void Columns_CountCharactersNotBytes()
    {
        const string json = """{"Id": "é€ü", "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""";
        var map = Map(json);
        Assert.Equal((1, 15), Position(map, "$.Version"));
        Assert.Equal((1, 54), Position(map, "$.Statement[0]"));
    }

    [Fact]
    public void CrlfLineEndings_GiveTheSamePositions()
    {
        var lf = Map(Policy.Replace("\r\n", "\n", StringComparison.Ordinal));
        var crlf = Map(Policy.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        foreach (string path in new[] { "$.Version", "$.Statement[0].Principal.AWS[1]", "$.Statement[0].Condition.Bool.aws:SecureTransport", "$.Statement[1].NotResource" })
        {
            Assert.Equal(Position(lf, path), Position(crlf, path));
        }
    }
}
