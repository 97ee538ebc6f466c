extern alias generator;

using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Emit = generator::PolicyAsCode.Generators.Emit;

namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>The emitter's building blocks: string literals and the indented writer.</summary>
public sealed class EmitSupportTests
{
    /// <summary>What the C# compiler reads back from a literal, with any syntax error.</summary>
    private static string ReadBack(string literal)
    {
        var expression = SyntaxFactory.ParseExpression(literal);
        Assert.Empty(expression.GetDiagnostics());
        var token = Assert.IsType<LiteralExpressionSyntax>(expression).Token;
        Assert.Equal(literal, token.Text);
        return Assert.IsType<string>(token.Value);
    }

    public static TheoryData<string> Strings() => new(
        "", "s3:GetObject", "quote\"inside", "back\\slash\\", "\"\\\"", "\0\a\b\f\n\r\t\v", "\u0001\u001f\u007f\u0080\u009f",
        "caf\u00e9 \u65e5\u672c", "\u2028\u2029\u0085", "\ud83d\ude00", "\ud800", "x\udc00", "\ufeff\uffff", "{0} $\"{x}\" @\"\" /* */ //",
        "\\u0041", "\r\n");

    [Theory]
    [MemberData(nameof(Strings))]
    public void StringLiteral_ReadsBackAsTheSameValue(string value)
    {
        string literal = Emit.CSharpLiteral.String(value);

        Assert.Equal(value, ReadBack(literal));
        Assert.All(literal, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void StringLiteral_ReadsBackAnyString()
    {
        Gen.Char.Array[0, 20].Select(chars => new string(chars))
            .Sample(value => ReadBack(Emit.CSharpLiteral.String(value)) == value, iter: 5_000);
    }

    [Fact]
    public void StringLiteral_EscapesOnlyWhatItMust()
    {
        Assert.Equal("\"arn:aws:s3:::my-bucket/*\"", Emit.CSharpLiteral.String("arn:aws:s3:::my-bucket/*"));
        Assert.Equal("\"a\\\"b\\\\c\\nd\\u00E9\\u2028\"", Emit.CSharpLiteral.String("a\"b\\c\nd\u00e9\u2028"));
    }

    // As GlobPattern reads patterns: a run of stars is one star; '?' is never specialised.
    [Theory]
    [InlineData("", "Literal", "")]
    [InlineData("s3:GetObject", "Literal", "s3:GetObject")]
    [InlineData("*", "MatchAll", "")]
    [InlineData("***", "MatchAll", "")]
    [InlineData("s3:Get*", "Prefix", "s3:Get")]
    [InlineData("s3:Get**", "Prefix", "s3:Get")]
    [InlineData("*Object", "Suffix", "Object")]
    [InlineData("**Object", "Suffix", "Object")]
    [InlineData("*Obj*", "Other", "*Obj*")]
    [InlineData("s3:*Object", "Other", "s3:*Object")]
    [InlineData("s3:Get?bject", "Other", "s3:Get?bject")]
    [InlineData("?", "Other", "?")]
    [InlineData("${aws:username}*", "Prefix", "${aws:username}")]
    public void PatternShape_ClassifiesLikeTheGlobMatcher(string pattern, string kind, string text)
    {
        var shape = Emit.PatternShape.Of(pattern);

        Assert.Equal(kind, shape.Kind.ToString());
        Assert.Equal(text, shape.Text);
    }

    [Fact]
    public void IndentedWriter_IndentsBlocksAndLeavesBlankLinesEmpty()
    {
        var writer = new Emit.IndentedWriter();
        using (writer.Block("class C"))
        {
            writer.WriteLine("int x;");
            writer.WriteLine();
            using (writer.Block("void M()", closingSuffix: ";"))
            {
                writer.Write("a(\n    b);\n");
                using (writer.Indent())
                {
                    writer.Write("c").Write("d").WriteLine();
                }
            }
        }

        Assert.Equal("class C\n{\n    int x;\n\n    void M()\n    {\n        a(\n            b);\n            cd\n    };\n}\n", writer.ToString());
    }
}
