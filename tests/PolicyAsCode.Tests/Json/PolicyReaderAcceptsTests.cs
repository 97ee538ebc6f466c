using PolicyAsCode.Json;

namespace PolicyAsCode.Tests.Json;

/// <summary>
/// The reader accepts every document the IAM policy grammar allows. Test names start with the IAM User Guide page they
/// check: <c>Grammar</c> is reference_policies_grammar, <c>ElementsX</c> is reference_policies_elements_x, and
/// <c>ConditionOperators</c> is reference_policies_elements_condition_operators.
/// </summary>
public sealed class PolicyReaderAcceptsTests
{
    private static string Policy(string statementBody, string header = "\"Version\": \"2012-10-17\",") => $$"""
        {
          {{header}}
          "Statement": {
            {{statementBody}}
          }
        }
        """;

    private static Statement Single(string statementBody) => Assert.Single(ParseAssert.Accepts(Policy(statementBody)).Statements);

    [Theory]
    [InlineData("\"Version\": \"2012-10-17\",", "2012-10-17", true)]
    [InlineData("\"Version\": \"2008-10-17\",", "2008-10-17", false)]
    [InlineData("", null, false)]
    public void ElementsVersion_Is2012Or2008OrAbsent_AndOnly2012HasPolicyVariables(string header, string? version, bool variables)
    {
        var document = ParseAssert.Accepts(Policy("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"", header));

        Assert.Equal(version, document.Version);
        Assert.Equal(variables, document.SupportsPolicyVariables);
    }

    [Theory]
    [InlineData("cd3ad3d9-2776-4ef1-a904-4c229d1642ee")]
    [InlineData("S3-Account-Permissions")]
    [InlineData("any text, even with spaces: é and \\\"quotes\\\"")]
    public void ElementsId_IsAnOptionalString(string id)
    {
        var document = ParseAssert.Accepts(Policy("\"Effect\": \"Allow\", \"Action\": \"sqs:*\"", $"\"Id\": \"{id}\","));

        Assert.Equal(id.Replace("\\\"", "\""), document.Id);
    }

    [Fact]
    public void ElementsStatement_SingleObjectAndOneElementArray_AreTheSameDocument()
    {
        var asObject = ParseAssert.Accepts("""{"Statement": {"Effect": "Allow", "Action": "s3:ListBucket"}}""");
        var asArray = ParseAssert.Accepts("""{"Statement": [{"Effect": "Allow", "Action": "s3:ListBucket"}]}""");

        Assert.Equal(asArray, asObject);
        Assert.Null(asObject.Version);
    }

    [Fact]
    public void ElementsStatement_ArrayOfStatements_KeepsDocumentOrder()
    {
        // The home-folder example of the Statement page.
        var document = ParseAssert.Accepts("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
                  "Resource": "arn:aws:s3:::*"
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket",
                  "Condition": {"StringLike": {"s3:prefix": ["", "home/", "home/${aws:username}/"]}}
                },
                {
                  "Effect": "Allow",
                  "Action": "s3:*",
                  "Resource": [
                    "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}",
                    "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"
                  ]
                }
              ]
            }
            """);

        Assert.Equal(3, document.Statements.Count);
        Assert.Equal(["s3:ListAllMyBuckets", "s3:GetBucketLocation"], document.Statements[0].Action.Values);
        var condition = Assert.Single(document.Statements[1].Conditions);
        Assert.Equal(new Condition(ConditionOperator.Parse("StringLike"), "s3:prefix", EquatableArray.Create("", "home/", "home/${aws:username}/")), condition);
        Assert.Equal(
            ResourceElement.Of("arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}", "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"),
            document.Statements[2].Resource);
    }

    [Fact]
    public void Grammar_ElementOrderDoesNotMatter()
    {
        var canonicalOrder = ParseAssert.Accepts("""
            {"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "A", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
            """);
        var reversed = ParseAssert.Accepts("""
            {"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "false"}}, "Resource": "*", "Action": "s3:*", "Principal": "*", "Effect": "Deny", "Sid": "A"}], "Id": "x", "Version": "2012-10-17"}
            """);

        Assert.Equal(canonicalOrder, reversed);
    }

    [Fact]
    public void Grammar_WhitespaceBetweenEntitiesIsAllowed()
    {
        var compact = ParseAssert.Accepts("""{"Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}}""");
        var spread = ParseAssert.Accepts("\r\n\t{ \"Statement\" :\r\n {\t\"Effect\"\t:\t\"Allow\" ,\n  \"Action\" : [ \"s3:GetObject\" ,\r\n \"s3:PutObject\" ] , \"Resource\" : \"*\" }\n}\r\n\t ");

        Assert.Equal(compact, spread);
    }

    [Fact]
    public void Grammar_JsonEscapesInStringsAreDecoded()
    {
        var statement = Single("""
            "Sid": "\u0053id1", "Effect": "Allow", "Action": "s3:\u0047etObject", "Resource": "arn:aws:s3:::b\/k\u00e9y\ud83d\ude00"
            """);

        Assert.Equal("Sid1", statement.Sid);
        Assert.Equal(ActionElement.Of("s3:GetObject"), statement.Action);
        Assert.Equal(ResourceElement.Of("arn:aws:s3:::b/kéy😀"), statement.Resource);
    }

    [Fact]
    public void ElementsSid_IsOptionalAndKept()
    {
        Assert.Null(Single("\"Effect\": \"Allow\", \"Action\": \"s3:*\"").Sid);
        Assert.Equal("ExampleStatementID", Single("\"Sid\": \"ExampleStatementID\", \"Effect\": \"Allow\", \"Action\": \"s3:*\"").Sid);
    }

    [Fact]
    public void ElementsSid_UniqueSidsInSeveralStatements_AreAccepted()
    {
        var document = ParseAssert.Accepts("""
            {"Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:*"}, {"Sid": "a", "Effect": "Allow", "Action": "s3:*"}, {"Effect": "Allow", "Action": "s3:*"}, {"Effect": "Allow", "Action": "s3:*"}]}
            """);

        Assert.Equal(new string?[] { "A", "a", null, null }, document.Statements.Select(s => s.Sid));
    }

    [Theory]
    [InlineData("Allow", Effect.Allow)]
    [InlineData("Deny", Effect.Deny)]
    public void ElementsEffect_IsAllowOrDeny(string json, Effect effect)
    {
        Assert.Equal(effect, Single($"\"Effect\": \"{json}\", \"Action\": \"s3:*\"").Effect);
    }

    [Theory]
    [InlineData("\"s3:GetObject\"", new[] { "s3:GetObject" })]
    [InlineData("[\"s3:GetObject\"]", new[] { "s3:GetObject" })]
    [InlineData("[\"sqs:SendMessage\", \"sqs:ReceiveMessage\", \"ec2:*\"]", new[] { "sqs:SendMessage", "sqs:ReceiveMessage", "ec2:*" })]
    [InlineData("\"*\"", new[] { "*" })]
    [InlineData("[\"s3:Get*\", \"iam:*AccessKey*\", \"ec2:Describe?nstances\", \"S3:getobject\"]", new[] { "s3:Get*", "iam:*AccessKey*", "ec2:Describe?nstances", "S3:getobject" })]
    public void ElementsAction_IsAStringOrAnArrayOfActionPatterns(string json, string[] actions)
    {
        var statement = Single($"\"Effect\": \"Allow\", \"Action\": {json}");

        Assert.Equal(ActionElement.Of(actions), statement.Action);
        Assert.Equal("Action", statement.Action.ElementName);
    }

    [Theory]
    [InlineData("\"iam:*\"", new[] { "iam:*" })]
    [InlineData("[\"iam:*\", \"sts:GetCallerIdentity\"]", new[] { "iam:*", "sts:GetCallerIdentity" })]
    public void ElementsNotAction_IsAStringOrAnArray(string json, string[] actions)
    {
        var statement = Single($"\"Effect\": \"Allow\", \"NotAction\": {json}, \"Resource\": \"*\"");

        Assert.Equal(ActionElement.Except(actions), statement.Action);
        Assert.True(statement.Action.IsNot);
    }

    [Theory]
    [InlineData("\"*\"", new[] { "*" })]
    [InlineData("\"arn:aws:s3:::my-bucket\"", new[] { "arn:aws:s3:::my-bucket" })]
    [InlineData("[\"arn:aws:s3:::my-bucket\", \"arn:aws:s3:::my-bucket/*\"]", new[] { "arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*" })]
    [InlineData("[\"arn:aws:iam::*:user/${aws:username}\"]", new[] { "arn:aws:iam::*:user/${aws:username}" })]
    [InlineData("\"arn:aws-cn:dynamodb:cn-north-1:123456789012:table/Books\"", new[] { "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/Books" })]
    public void ElementsResource_IsAStringOrAnArrayOfArns(string json, string[] arns)
    {
        Assert.Equal(ResourceElement.Of(arns), Single($"\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": {json}").Resource);
    }

    [Fact]
    public void ElementsNotResource_IsAStringOrAnArray()
    {
        var single = Single("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::HRBucket/Payroll\"");
        var several = Single("\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"NotResource\": [\"arn:aws:s3:::HRBucket/Payroll\", \"arn:aws:s3:::HRBucket/Payroll/*\"]");

        Assert.Equal(ResourceElement.Except("arn:aws:s3:::HRBucket/Payroll"), single.Resource);
        Assert.Equal(ResourceElement.Except("arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"), several.Resource);
    }

    [Fact]
    public void ElementsResource_MayBeAbsent_AsInRoleTrustPolicies()
    {
        var statement = Single("\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"");

        Assert.Null(statement.Resource);
    }

    [Fact]
    public void ElementsPrincipal_BareWildcard_IsEveryone()
    {
        var principal = Single("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"").Principal;

        Assert.Equal(PrincipalElement.Everyone, principal);
        Assert.True(principal!.IsWildcard);
        Assert.Empty(principal.Ids);
    }

    [Theory]
    [InlineData("{\"AWS\": \"*\"}", PrincipalType.Aws, new[] { "*" })]
    [InlineData("{\"AWS\": \"123456789012\"}", PrincipalType.Aws, new[] { "123456789012" })]
    [InlineData("{\"AWS\": \"arn:aws:iam::123456789012:root\"}", PrincipalType.Aws, new[] { "arn:aws:iam::123456789012:root" })]
    [InlineData("{\"AWS\": \"arn:aws:iam::123456789012:user/user-name\"}", PrincipalType.Aws, new[] { "arn:aws:iam::123456789012:user/user-name" })]
    [InlineData("{\"AWS\": \"arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JohnDoe\"}", PrincipalType.Aws, new[] { "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JohnDoe" })]
    [InlineData("{\"AWS\": \"arn:aws:iam::123456789012:role/role-name\"}", PrincipalType.Aws, new[] { "arn:aws:iam::123456789012:role/role-name" })]
    [InlineData("{\"AWS\": \"arn:aws:sts::123456789012:assumed-role/role-name/role-session-name\"}", PrincipalType.Aws, new[] { "arn:aws:sts::123456789012:assumed-role/role-name/role-session-name" })]
    [InlineData("{\"AWS\": \"arn:aws:sts::123456789012:federated-user/user-name\"}", PrincipalType.Aws, new[] { "arn:aws:sts::123456789012:federated-user/user-name" })]
    [InlineData("{\"AWS\": [\"arn:aws:iam::123456789012:root\", \"999999999999\"]}", PrincipalType.Aws, new[] { "arn:aws:iam::123456789012:root", "999999999999" })]
    [InlineData("{\"Service\": \"ec2.amazonaws.com\"}", PrincipalType.Service, new[] { "ec2.amazonaws.com" })]
    [InlineData("{\"Service\": [\"ecs.amazonaws.com\", \"elasticloadbalancing.amazonaws.com\"]}", PrincipalType.Service, new[] { "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com" })]
    [InlineData("{\"Federated\": \"cognito-identity.amazonaws.com\"}", PrincipalType.Federated, new[] { "cognito-identity.amazonaws.com" })]
    [InlineData("{\"Federated\": \"www.amazon.com\"}", PrincipalType.Federated, new[] { "www.amazon.com" })]
    [InlineData("{\"Federated\": \"arn:aws:iam::123456789012:saml-provider/provider-name\"}", PrincipalType.Federated, new[] { "arn:aws:iam::123456789012:saml-provider/provider-name" })]
    [InlineData("{\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE\"}", PrincipalType.Federated, new[] { "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE" })]
    [InlineData("{\"CanonicalUser\": \"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\"}", PrincipalType.CanonicalUser, new[] { "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" })]
    public void ElementsPrincipal_EveryPrincipalForm_IsRead(string json, PrincipalType type, string[] values)
    {
        var principal = Single($"\"Effect\": \"Allow\", \"Principal\": {json}, \"Action\": \"sts:AssumeRole\"").Principal;

        Assert.Equal(PrincipalElement.Of(values.Select(v => new PrincipalId(type, v)).ToArray()), principal);
        Assert.False(principal!.IsWildcard);
        Assert.False(principal.IsNot);
    }

    [Fact]
    public void ElementsPrincipal_SeveralTypesInOneObject_AreGroupedByType()
    {
        var principal = Single("""
            "Effect": "Allow",
            "Principal": {
              "Service": ["lambda.amazonaws.com", "ec2.amazonaws.com"],
              "AWS": "arn:aws:iam::123456789012:root",
              "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
              "Federated": "accounts.google.com"
            },
            "Action": "sts:AssumeRole"
            """).Principal;

        Assert.Equal(
            [
                new PrincipalId(PrincipalType.Aws, "arn:aws:iam::123456789012:root"),
                new PrincipalId(PrincipalType.CanonicalUser, "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"),
                new PrincipalId(PrincipalType.Federated, "accounts.google.com"),
                new PrincipalId(PrincipalType.Service, "lambda.amazonaws.com"),
                new PrincipalId(PrincipalType.Service, "ec2.amazonaws.com"),
            ],
            principal!.Ids);
    }

    [Fact]
    public void ElementsPrincipal_WildcardStringAndAwsWildcard_AreDifferentElements()
    {
        var bare = Single("\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\"").Principal;
        var aws = Single("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"s3:*\"").Principal;

        Assert.NotEqual(bare, aws);
    }

    [Theory]
    [InlineData("{\"AWS\": [\"arn:aws:iam::444455556666:role/CrossAccountRole\", \"arn:aws:iam::444455556666:root\"]}")]
    [InlineData("\"*\"")]
    public void ElementsNotPrincipal_IsReadWithIsNot(string json)
    {
        var principal = Single($"\"Effect\": \"Deny\", \"NotPrincipal\": {json}, \"Action\": \"s3:*\", \"Resource\": \"*\"").Principal;

        Assert.NotNull(principal);
        Assert.True(principal.IsNot);
        Assert.Equal("NotPrincipal", principal.ElementName);
    }

    [Theory]
    [InlineData("\"alice\"", new[] { "alice" })]
    [InlineData("[\"alice\", \"bob\"]", new[] { "alice", "bob" })]
    [InlineData("[\"\"]", new[] { "" })]
    [InlineData("true", new[] { "true" })]
    [InlineData("false", new[] { "false" })]
    [InlineData("[true, false]", new[] { "true", "false" })]
    [InlineData("10", new[] { "10" })]
    [InlineData("-1.50", new[] { "-1.50" })]
    [InlineData("[1e3, 0, 3600]", new[] { "1e3", "0", "3600" })]
    [InlineData("[\"a\", 1, true]", new[] { "a", "1", "true" })]
    public void ElementsCondition_ValuesAreStringsBooleansNumbersOrArraysOfThem(string json, string[] values)
    {
        // Grammar: <condition_value> = ("string" | "number" | "Boolean"); numbers keep their JSON text.
        var condition = Assert.Single(Single($"\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Condition\": {{\"StringEquals\": {{\"aws:username\": {json}}}}}").Conditions);

        Assert.Equal(EquatableArray.Create(values), condition.Values);
    }

    [Fact]
    public void ElementsCondition_SeveralOperatorsAndKeys_AreReadInDocumentOrder()
    {
        var conditions = Single("""
            "Effect": "Allow",
            "Action": "ec2:RunInstances",
            "Condition": {
              "StringEqualsIgnoreCase": {
                "aws:PrincipalTag/department": ["finance", "hr", "legal"],
                "aws:PrincipalTag/role": ["audit", "security"]
              },
              "StringEquals": {"aws:PrincipalAccount": "123456789012"},
              "Bool": {"aws:MultiFactorAuthPresent": true}
            }
            """).Conditions;

        Assert.Equal(
            [
                new Condition(ConditionOperator.Parse("StringEqualsIgnoreCase"), "aws:PrincipalTag/department", EquatableArray.Create("finance", "hr", "legal")),
                new Condition(ConditionOperator.Parse("StringEqualsIgnoreCase"), "aws:PrincipalTag/role", EquatableArray.Create("audit", "security")),
                new Condition(ConditionOperator.Parse("StringEquals"), "aws:PrincipalAccount", EquatableArray.Create("123456789012")),
                new Condition(ConditionOperator.Parse("Bool"), "aws:MultiFactorAuthPresent", EquatableArray.Create("true")),
            ],
            conditions);
    }

    [Fact]
    public void ElementsCondition_KeysKeepTheirCase()
    {
        var condition = Assert.Single(Single("\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Condition\": {\"StringEquals\": {\"AWS:UserName\": \"x\"}}").Conditions);

        Assert.Equal("AWS:UserName", condition.Key);
    }

    public static TheoryData<string> AwsOperators()
    {
        // The list of the Condition operators page, typed out rather than taken from ConditionOperatorKind.
        string[] operators =
        [
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
        ];
        var data = new TheoryData<string> { "Null", "ForAllValues:Null", "ForAnyValue:Null" };
        foreach (var op in operators)
        {
            foreach (var name in new[] { op, op + "IfExists" })
            {
                data.Add(name);
                data.Add("ForAllValues:" + name);
                data.Add("ForAnyValue:" + name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AwsOperators))]
    public void ConditionOperators_EveryOperatorWithIfExistsAndSetQualifiers_IsAccepted(string name)
    {
        var condition = Assert.Single(Single($"\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Condition\": {{\"{name}\": {{\"aws:SomeKey\": \"v\"}}}}").Conditions);

        Assert.Equal(name, condition.Operator.Name);
        Assert.Equal(name.EndsWith("IfExists", StringComparison.Ordinal), condition.Operator.IfExists);
        var qualifier = name.StartsWith("ForAllValues:", StringComparison.Ordinal) ? SetQualifier.ForAllValues
            : name.StartsWith("ForAnyValue:", StringComparison.Ordinal) ? SetQualifier.ForAnyValue
            : SetQualifier.None;
        Assert.Equal(qualifier, condition.Operator.Qualifier);
    }

    [Fact]
    public void ConditionOperators_IpAddressDateAndBinaryValues_AreReadAsWritten()
    {
        var conditions = Single("""
            "Effect": "Deny",
            "Action": "*",
            "Resource": "*",
            "Condition": {
              "NotIpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:DB8:1234:5678::/64"]},
              "DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z", "aws:EpochTime": 1585699200},
              "BinaryEquals": {"key": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}
            }
            """).Conditions;

        Assert.Equal(["192.0.2.0/24", "2001:DB8:1234:5678::/64"], conditions[0].Values);
        Assert.Equal(["2020-04-01T00:00:00Z"], conditions[1].Values);
        Assert.Equal(["1585699200"], conditions[2].Values);
        Assert.Equal(["QmluYXJ5VmFsdWVJbkJhc2U2NA=="], conditions[3].Values);
    }

    [Fact]
    public void Grammar_ReadMyBucketPolicy_IsReadIntoTheModel()
    {
        var document = ParseAssert.Accepts("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ListBucket",
                  "Effect": "Allow",
                  "Action": "s3:ListBucket",
                  "Resource": "arn:aws:s3:::my-bucket"
                },
                {
                  "Sid": "GetObjects",
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "arn:aws:s3:::my-bucket/*"
                }
              ]
            }
            """);

        var expected = new PolicyDocument(
            new Statement(Effect.Allow, ActionElement.Of("s3:ListBucket")) { Sid = "ListBucket", Resource = ResourceElement.Of("arn:aws:s3:::my-bucket") },
            new Statement(Effect.Allow, ActionElement.Of("s3:GetObject")) { Sid = "GetObjects", Resource = ResourceElement.Of("arn:aws:s3:::my-bucket/*") });
        Assert.Equal(expected, document);
    }

    [Fact]
    public void Grammar_TryParse_ReturnsTheDocumentOrTheError()
    {
        Assert.True(PolicyJson.TryParse("""{"Statement": {"Effect": "Allow", "Action": "s3:*"}}""", out var document, out var error));
        Assert.NotNull(document);
        Assert.Null(error);

        Assert.False(PolicyJson.TryParse("""{"Statement": {"Effect": "allow", "Action": "s3:*"}}""", out document, out error));
        Assert.Null(document);
        Assert.Equal("$.Statement.Effect", error!.Path);
    }
}
