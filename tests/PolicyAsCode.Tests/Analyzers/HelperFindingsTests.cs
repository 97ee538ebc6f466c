using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Tests.Analyzers;

/// <summary>
/// Where the analyzer reports findings in policies built by helpers: a value passed to the helper is reported on that
/// argument at the call (the literal itself when it holds the value, so that fixes can replace it); what the helper
/// writes itself is reported on each declaration's call of the helper, except literals the per-value checks already
/// report once where they are written.
/// </summary>
public class HelperFindingsTests
{
    [Fact]
    public Task ActionPassedToAHelper_IsReportedOnTheArgument() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            static IdentityPolicy Read(string bucket, params IamAction[] actions) => Policy.Identity().Allow(actions).On(S3.Arn.Object(bucket, "*"));
            static IdentityPolicy ReadOne(IamAction action) => Read("my-bucket", action);

            [ManagedPolicy("reader")]
            public static IdentityPolicy Reader => Read("my-bucket", S3.GetObject, {|PAC003:"s3:GetObjet"|});

            [ManagedPolicy("one")]
            public static IdentityPolicy One => ReadOne({|PAC003:"s3:PutObjet"|});

            [ManagedPolicy("clean")]
            public static IdentityPolicy Clean => Read("my-bucket", S3.GetObject);
        }
        """);

    [Fact]
    public async Task ActionPassedToAHelper_IsALiteralForTheCodeFix()
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync("""
            public static class P
            {
                static IdentityPolicy Read(IamAction action) => Policy.Identity().Allow(action).OnAll();

                [ManagedPolicy("reader")]
                public static IdentityPolicy Reader => Read("s3:GetObjet");
            }
            """);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "PAC003");
        Assert.Equal("\"s3:GetObjet\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("true", diagnostic.Properties["Literal"]);
        Assert.Equal("s3:GetObject", diagnostic.Properties["Suggestion"]);
    }

    [Fact]
    public async Task ValueBuiltFromAnArgument_IsReportedOnTheArgumentButNotAsALiteral()
    {
        var diagnostics = await PolicyAnalyzerTest.AnalyzeAsync("""
            public static class P
            {
                static IdentityPolicy ReadBucket(string service) => Policy.Identity().Allow(S3.ListBucket).On($"arn:aws:{service}:::my-bucket");

                [ManagedPolicy("reader")]
                public static IdentityPolicy Reader => ReadBucket("s4");
            }
            """);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "PAC008");
        Assert.Equal("\"s4\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.False(diagnostic.Properties.ContainsKey("Literal"));
    }

    [Fact]
    public Task WhatAHelperWritesItself_IsReportedOnEachDeclarationsCall() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            static IdentityPolicy ForUser(string bucket) => Policy.Identity().Allow(S3.GetObject).On(S3.Arn.Object(bucket, "*")).When(Keys.Aws.Username.Is("alice"));

            [ManagedPolicy("first")]
            public static IdentityPolicy First => {|PAC013:ForUser("first-bucket")|};

            [ManagedPolicy("second")]
            public static IdentityPolicy Second => Policy.Identity().Allow(S3.ListBucket).On(S3.Arn.Bucket("b")).Include({|PAC013:ForUser("second-bucket")|});
        }
        """);

    [Fact]
    public Task LiteralInAHelper_IsReportedOnceWhereItIsWritten() => PolicyAnalyzerTest.VerifyAsync("""
        public static class P
        {
            static IdentityPolicy Broken(string bucket) => Policy.Identity().Allow({|PAC003:"s3:GetObjet"|}).On(S3.Arn.Object(bucket, "*"));

            [ManagedPolicy("first")]
            public static IdentityPolicy First => Broken("first-bucket");

            [ManagedPolicy("second")]
            public static IdentityPolicy Second => Broken("second-bucket");
        }
        """);

    [Fact]
    public Task HelperCalledThroughAnotherHelper_IsReportedOnTheOutermostArgument() => PolicyAnalyzerTest.VerifyAsync("""
        using System.Linq;

        public static class P
        {
            static IamAction[] Read(string service) => [$"{service}:GetObject"];
            static IdentityPolicy Reader(string service) => Policy.Identity().Allow(Read(service)).OnAll();
            static IdentityPolicy Local()
            {
                IdentityPolicy Of(string service) => Reader(service);
                return Of("s3");
            }

            [ManagedPolicy("outer")]
            public static IdentityPolicy Outer => Reader({|PAC002:"s4"|});

            [ManagedPolicy("local")]
            public static IdentityPolicy LocalPolicy => Local();
        }
        """);
}
