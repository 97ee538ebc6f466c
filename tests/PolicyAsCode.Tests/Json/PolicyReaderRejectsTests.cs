namespace PolicyAsCode.Tests.Json;

/// <summary>
/// The reader rejects what the IAM policy grammar rejects, naming the problem, the JSON path and the line and column of
/// the offending token. Test names start with the IAM User Guide page they check (see <see cref="PolicyReaderAcceptsTests"/>).
/// </summary>
public sealed class PolicyReaderRejectsTests
{
    /// <summary>A document whose single statement is <paramref name="fragment"/>, which starts at line 3, column 5.</summary>
    private static string InStatement(string fragment) => "{\n  \"Statement\": {\n    " + fragment + "\n  }\n}";

    /// <summary>A document with <paramref name="fragment"/> at line 2, column 3, followed by a valid Statement.</summary>
    private static string InDocument(string fragment) =>
        "{\n  " + fragment + ",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}\n}";

    private const string StatementElements =
        "a statement has the elements Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition";

    [Theory]
    [InlineData("version", "Version")]
    [InlineData("VERSION", "Version")]
    [InlineData("id", "Id")]
    [InlineData("statement", "Statement")]
    public void Grammar_DocumentElementNamesAreCaseSensitive(string written, string meant)
    {
        ParseAssert.Rejects(InDocument($"\"{written}\": \"x\""), $"$.{written}", 2, 3,
            $"'{written}' is not an element; element names are case-sensitive: did you mean '{meant}'?");
    }

    [Theory]
    [InlineData("effect", "Effect")]
    [InlineData("EFFECT", "Effect")]
    [InlineData("sid", "Sid")]
    [InlineData("action", "Action")]
    [InlineData("notAction", "NotAction")]
    [InlineData("resource", "Resource")]
    [InlineData("Notresource", "NotResource")]
    [InlineData("principal", "Principal")]
    [InlineData("notprincipal", "NotPrincipal")]
    [InlineData("condition", "Condition")]
    public void Grammar_StatementElementNamesAreCaseSensitive(string written, string meant)
    {
        ParseAssert.Rejects(InStatement($"\"{written}\": \"Allow\""), $"$.Statement.{written}", 3, 5,
            $"'{written}' is not an element; element names are case-sensitive: did you mean '{meant}'?");
    }

    [Theory]
    [InlineData("aws", "AWS")]
    [InlineData("Aws", "AWS")]
    [InlineData("service", "Service")]
    [InlineData("federated", "Federated")]
    [InlineData("canonicalUser", "CanonicalUser")]
    public void ElementsPrincipal_PrincipalTypesAreCaseSensitive(string written, string meant)
    {
        ParseAssert.Rejects(InStatement($"\"Principal\": {{\"{written}\": \"x\"}}"), $"$.Statement.Principal.{written}", 3, 19,
            $"'{written}' is not an element; element names are case-sensitive: did you mean '{meant}'?");
    }

    [Theory]
    [InlineData("Statements")]
    [InlineData("Description")]
    [InlineData("Sid")]
    public void Grammar_UnknownDocumentElements_AreRejected(string name)
    {
        ParseAssert.Rejects(InDocument($"\"{name}\": \"x\""), $"$.{name}", 2, 3,
            $"'{name}' is not an element here; a policy document has the elements Version, Id and Statement");
    }

    [Theory]
    [InlineData("Id")]
    [InlineData("Version")]
    [InlineData("Actions")]
    [InlineData("Conditions")]
    [InlineData("Statement")]
    public void Grammar_UnknownStatementElements_AreRejected(string name)
    {
        ParseAssert.Rejects(InStatement($"\"{name}\": \"x\""), $"$.Statement.{name}", 3, 5,
            $"'{name}' is not an element here; {StatementElements}");
    }

    [Theory]
    [InlineData("Group")]
    [InlineData("IAM")]
    [InlineData("User")]
    public void ElementsPrincipal_UnknownPrincipalTypes_AreRejected(string name)
    {
        ParseAssert.Rejects(InStatement($"\"Principal\": {{\"{name}\": \"x\"}}"), $"$.Statement.Principal.{name}", 3, 19,
            $"'{name}' is not an element here; principal types are AWS, Service, Federated and CanonicalUser");
    }

    [Theory]
    [InlineData("allow")]
    [InlineData("DENY")]
    [InlineData("Permit")]
    [InlineData("")]
    [InlineData(" Allow")]
    public void ElementsEffect_OtherThanAllowOrDeny_IsRejected(string effect)
    {
        ParseAssert.Rejects(InStatement($"\"Effect\": \"{effect}\""), "$.Statement.Effect", 3, 15,
            $"Effect '{effect}' is not valid; it must be \"Allow\" or \"Deny\" (case-sensitive)");
    }

    [Theory]
    [InlineData("Action", "NotAction")]
    [InlineData("NotAction", "Action")]
    public void ElementsNotAction_WithAction_IsRejected(string first, string second)
    {
        ParseAssert.Rejects($$"""
            {
              "Statement": {
                "Effect": "Allow",
                "{{first}}": "s3:GetObject",
                "{{second}}": "s3:PutObject"
              }
            }
            """, $"$.Statement.{second}", 5, 5, "a statement cannot have both Action and NotAction");
    }

    [Fact]
    public void ElementsAction_NeitherActionNorNotAction_IsRejected()
    {
        ParseAssert.Rejects("""
            {
              "Statement": [
                {"Effect": "Allow", "Action": "s3:*"},
                {"Effect": "Allow", "Resource": "*"}
              ]
            }
            """, "$.Statement[1]", 4, 5, "the statement has no Action or NotAction; a statement must have exactly one of them");
    }

    [Theory]
    [InlineData("Resource", "NotResource")]
    [InlineData("NotResource", "Resource")]
    public void ElementsNotResource_WithResource_IsRejected(string first, string second)
    {
        ParseAssert.Rejects($$"""
            {
              "Statement": {
                "Effect": "Allow",
                "Action": "s3:*",
                "{{first}}": "arn:aws:s3:::a",
                "{{second}}": "arn:aws:s3:::b"
              }
            }
            """, $"$.Statement.{second}", 6, 5, "a statement cannot have both Resource and NotResource");
    }

    [Theory]
    [InlineData("Principal", "NotPrincipal")]
    [InlineData("NotPrincipal", "Principal")]
    public void ElementsNotPrincipal_WithPrincipal_IsRejected(string first, string second)
    {
        ParseAssert.Rejects($$"""
            {
              "Statement": {
                "Effect": "Deny",
                "{{first}}": {"AWS": "arn:aws:iam::123456789012:root"},
                "{{second}}": "*",
                "Action": "s3:*"
              }
            }
            """, $"$.Statement.{second}", 5, 5, "a statement cannot have both Principal and NotPrincipal");
    }

    [Fact]
    public void ElementsEffect_IsRequired()
    {
        ParseAssert.Rejects(InStatement("\"Action\": \"s3:*\""), "$.Statement", 2, 16,
            "the statement has no Effect; add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"");
    }

    [Fact]
    public void ElementsSid_MustBeUniqueWithinAPolicy()
    {
        ParseAssert.Rejects("""
            {
              "Statement": [
                {"Sid": "ReadOnly", "Effect": "Allow", "Action": "s3:Get*"},
                {"Sid": "Write", "Effect": "Allow", "Action": "s3:Put*"},
                {"Sid": "ReadOnly", "Effect": "Deny", "Action": "s3:Delete*"}
              ]
            }
            """, "$.Statement[2].Sid", 5, 13, "the Sid 'ReadOnly' is already used by Statement[0]; statement ids must be unique in a policy");
    }

    [Fact]
    public void ElementsStatement_EmptyStatementObject_IsRejected()
    {
        ParseAssert.Rejects(InStatement(""), "$.Statement", 2, 16,
            "the statement is empty; a statement needs at least Effect and Action (or NotAction)");
        ParseAssert.Rejects("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "s3:*"},
                {}
              ]
            }
            """, "$.Statement[1]", 5, 5, "the statement is empty; a statement needs at least Effect and Action (or NotAction)");
    }

    [Fact]
    public void ElementsStatement_EmptyArray_IsRejected()
    {
        ParseAssert.Rejects("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}", "$.Statement", 3, 16,
            "Statement is an empty array; a policy needs at least one statement");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Id\": \"x\"}")]
    public void ElementsStatement_IsRequired(string json)
    {
        ParseAssert.Rejects(json, "$", 1, 1, "the document has no Statement element; a policy needs at least one statement");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"Statement\"")]
    [InlineData("null")]
    [InlineData("42")]
    public void Grammar_TheDocumentIsAJsonObject(string json)
    {
        ParseAssert.Rejects(json, "$", 1, 1,
            "a policy document must be a JSON object, e.g. {\"Version\": \"2012-10-17\", \"Statement\": [...]}");
    }

    [Theory]
    [InlineData("\"Version\": \"2012-10-18\"", "$.Version", 14, "Version '2012-10-18' is not a policy language version; use \"2012-10-17\" (or the older \"2008-10-17\")")]
    [InlineData("\"Version\": \"2012-10-17 \"", "$.Version", 14, "Version '2012-10-17 ' is not a policy language version; use \"2012-10-17\" (or the older \"2008-10-17\")")]
    [InlineData("\"Version\": \"\"", "$.Version", 14, "Version '' is not a policy language version; use \"2012-10-17\" (or the older \"2008-10-17\")")]
    [InlineData("\"Version\": 2012", "$.Version", 14, "Version must be a string, not a number")]
    [InlineData("\"Version\": null", "$.Version", 14, "Version must be a string, not null")]
    [InlineData("\"Id\": [\"x\"]", "$.Id", 9, "Id must be a string, not an array")]
    [InlineData("\"Id\": {}", "$.Id", 9, "Id must be a string, not an object")]
    public void ElementsVersionAndId_WrongValues_AreRejected(string fragment, string path, int column, string problem)
    {
        ParseAssert.Rejects(InDocument(fragment), path, 2, column, problem);
    }

    [Theory]
    [InlineData("\"Allow s3:*\"", "$.Statement", 16, "Statement must be a statement object or an array of them, not a string")]
    [InlineData("null", "$.Statement", 16, "Statement must be a statement object or an array of them, not null")]
    [InlineData("[1]", "$.Statement[0]", 17, "a statement must be a JSON object, not a number")]
    [InlineData("[[]]", "$.Statement[0]", 17, "a statement must be a JSON object, not an array")]
    [InlineData("[{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}, \"x\"]", "$.Statement[1]", 56, "a statement must be a JSON object, not a string")]
    public void ElementsStatement_WrongValueTypes_AreRejected(string json, string path, int column, string problem)
    {
        ParseAssert.Rejects("{\n  \"Statement\": " + json + "\n}", path, 2, column, problem);
    }

    [Theory]
    [InlineData("\"Sid\": [\"a\"]", "$.Statement.Sid", 12, "Sid must be a string, not an array")]
    [InlineData("\"Sid\": null", "$.Statement.Sid", 12, "Sid must be a string, not null")]
    [InlineData("\"Effect\": true", "$.Statement.Effect", 15, "Effect must be a string, not a boolean")]
    [InlineData("\"Effect\": [\"Allow\"]", "$.Statement.Effect", 15, "Effect must be a string, not an array")]
    [InlineData("\"Action\": 5", "$.Statement.Action", 15, "Action must be a string or an array of strings, not a number")]
    [InlineData("\"Action\": null", "$.Statement.Action", 15, "Action must be a string or an array of strings, not null")]
    [InlineData("\"Action\": {\"s3\": \"GetObject\"}", "$.Statement.Action", 15, "Action must be a string or an array of strings, not an object")]
    [InlineData("\"Action\": [\"s3:GetObject\", 5]", "$.Statement.Action[1]", 32, "Action values must be strings, not a number")]
    [InlineData("\"Action\": [\"s3:GetObject\", [\"s3:PutObject\"]]", "$.Statement.Action[1]", 32, "Action values must be strings, not an array")]
    [InlineData("\"Action\": []", "$.Statement.Action", 15, "Action is an empty array; list at least one value")]
    [InlineData("\"NotAction\": 5", "$.Statement.NotAction", 18, "NotAction must be a string or an array of strings, not a number")]
    [InlineData("\"NotAction\": []", "$.Statement.NotAction", 18, "NotAction is an empty array; list at least one value")]
    [InlineData("\"Resource\": {\"arn\": \"x\"}", "$.Statement.Resource", 17, "Resource must be a string or an array of strings, not an object")]
    [InlineData("\"Resource\": []", "$.Statement.Resource", 17, "Resource is an empty array; list at least one value")]
    [InlineData("\"NotResource\": [true]", "$.Statement.NotResource[0]", 21, "NotResource values must be strings, not a boolean")]
    [InlineData("\"Principal\": [\"*\"]", "$.Statement.Principal", 18, "Principal must be \"*\" or an object with AWS, Service, Federated or CanonicalUser, not an array")]
    [InlineData("\"NotPrincipal\": 7", "$.Statement.NotPrincipal", 21, "NotPrincipal must be \"*\" or an object with AWS, Service, Federated or CanonicalUser, not a number")]
    [InlineData("\"Principal\": {}", "$.Statement.Principal", 18, "Principal is an empty object; name at least one principal (AWS, Service, Federated or CanonicalUser)")]
    [InlineData("\"Principal\": {\"AWS\": []}", "$.Statement.Principal.AWS", 26, "AWS is an empty array; list at least one value")]
    [InlineData("\"Principal\": {\"AWS\": {\"id\": \"1\"}}", "$.Statement.Principal.AWS", 26, "AWS must be a string or an array of strings, not an object")]
    [InlineData("\"Principal\": {\"Service\": \"\"}", "$.Statement.Principal.Service", 30, "a principal value is empty")]
    [InlineData("\"Condition\": []", "$.Statement.Condition", 18, "Condition must be an object of operators, e.g. {\"StringEquals\": {\"aws:username\": \"alice\"}}, not an array")]
    [InlineData("\"Condition\": \"StringEquals\"", "$.Statement.Condition", 18, "Condition must be an object of operators, e.g. {\"StringEquals\": {\"aws:username\": \"alice\"}}, not a string")]
    [InlineData("\"Condition\": {\"StringEquals\": \"x\"}", "$.Statement.Condition.StringEquals", 35, "the operator StringEquals must map condition keys to values, e.g. {\"aws:SourceIp\": \"203.0.113.0/24\"}, not a string")]
    [InlineData("\"Condition\": {\"StringEquals\": [{\"k\": \"v\"}]}", "$.Statement.Condition.StringEquals", 35, "the operator StringEquals must map condition keys to values, e.g. {\"aws:SourceIp\": \"203.0.113.0/24\"}, not an array")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"aws:username\": null}}", "$.Statement.Condition.StringEquals.aws:username", 52, "a condition value must be a string, number or boolean, not null")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"aws:username\": {\"a\": \"b\"}}}", "$.Statement.Condition.StringEquals.aws:username", 52, "a condition value must be a string, number or boolean, not an object")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"aws:username\": [[\"a\"]]}}", "$.Statement.Condition.StringEquals.aws:username[0]", 53, "a condition value must be a string, number or boolean, not an array")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"aws:username\": [\"a\", null]}}", "$.Statement.Condition.StringEquals.aws:username[1]", 58, "a condition value must be a string, number or boolean, not null")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"aws:username\": []}}", "$.Statement.Condition.StringEquals.aws:username", 52, "the condition has an empty list of values; give at least one value")]
    [InlineData("\"Condition\": {\"StringEquals\": {\"\": \"x\"}}", "$.Statement.Condition.StringEquals.", 36, "a condition key is empty")]
    public void Grammar_WrongValueTypes_AreRejected(string fragment, string path, int column, string problem)
    {
        ParseAssert.Rejects(InStatement(fragment), path, 3, column, problem);
    }

    [Theory]
    [InlineData("\"s3\"", "$.Statement.Action", 15, "the action 's3' must be prefaced by a service prefix, e.g. s3:GetObject (or be \"*\")")]
    [InlineData("\":GetObject\"", "$.Statement.Action", 15, "the action ':GetObject' must be prefaced by a service prefix, e.g. s3:GetObject (or be \"*\")")]
    [InlineData("\"\"", "$.Statement.Action", 15, "the action '' must be prefaced by a service prefix, e.g. s3:GetObject (or be \"*\")")]
    [InlineData("\"s3:\"", "$.Statement.Action", 15, "the action 's3:' has no action name after the service prefix, e.g. s3:GetObject or s3:*")]
    [InlineData("[\"s3:GetObject\", \"GetObject\"]", "$.Statement.Action[1]", 32, "the action 'GetObject' must be prefaced by a service prefix, e.g. s3:GetObject (or be \"*\")")]
    public void ElementsAction_ActionsArePrefacedByAServicePrefix(string json, string path, int column, string problem)
    {
        ParseAssert.Rejects(InStatement("\"Action\": " + json), path, 3, column, problem);
    }

    [Theory]
    [InlineData("\"my-bucket\"", "$.Statement.Resource", 17, "my-bucket")]
    [InlineData("\"\"", "$.Statement.Resource", 17, "")]
    [InlineData("\"ARN:aws:s3:::b\"", "$.Statement.Resource", 17, "ARN:aws:s3:::b")]
    [InlineData("[\"*\", \"s3:::bucket\"]", "$.Statement.Resource[1]", 23, "s3:::bucket")]
    public void ElementsResource_ResourcesAreArnsOrWildcard(string json, string path, int column, string resource)
    {
        ParseAssert.Rejects(InStatement("\"Resource\": " + json), path, 3, column,
            $"the resource '{resource}' must be an ARN (arn:partition:service:region:account-id:resource) or \"*\"");
    }

    [Theory]
    [InlineData("\"arn:aws:iam::123456789012:root\"")]
    [InlineData("\"123456789012\"")]
    [InlineData("\"ec2.amazonaws.com\"")]
    [InlineData("\"\"")]
    public void ElementsPrincipal_TheOnlyStringPrincipalIsTheWildcard(string json)
    {
        string value = json.Trim('"');
        ParseAssert.Rejects(InStatement("\"Principal\": " + json), "$.Statement.Principal", 3, 18,
            $"'{value}' is not a valid principal; use \"*\" for everyone or an object such as {{\"AWS\": \"{value}\"}}");
    }

    private const string OperatorHint = " is not a condition operator. Operators are case-sensitive, for example StringEquals, "
        + "StringLike, NumericLessThan, DateGreaterThan, Bool, IpAddress, ArnLike or Null, optionally with the suffix "
        + "IfExists and the prefix ForAllValues: or ForAnyValue:.";

    [Theory]
    [InlineData("StringEqual")]
    [InlineData("stringEquals")]
    [InlineData("STRINGEQUALS")]
    [InlineData("StringEqualsIfExist")]
    [InlineData("StringEqualsifexists")]
    [InlineData("ForAnyValues:StringEquals")]
    [InlineData("forAllValues:StringEquals")]
    [InlineData("ForAllValues:Foo")]
    [InlineData("ForAnyValue:ForAllValues:StringEquals")]
    [InlineData("ForAnyValue:")]
    [InlineData("IfExists")]
    [InlineData("BoolIfExistsIfExists")]
    [InlineData("BinaryNotEquals")]
    [InlineData("DateLike")]
    [InlineData("")]
    public void ConditionOperators_UnknownOperators_AreRejected(string name)
    {
        ParseAssert.Rejects(InStatement($"\"Condition\": {{\"{name}\": {{\"aws:username\": \"x\"}}}}"),
            $"$.Statement.Condition.{name}", 3, 19, $"'{name}'" + OperatorHint);
    }

    [Theory]
    [InlineData("NullIfExists")]
    [InlineData("ForAnyValue:NullIfExists")]
    public void ConditionOperators_NullCannotTakeIfExists(string name)
    {
        ParseAssert.Rejects(InStatement($"\"Condition\": {{\"{name}\": {{\"aws:TokenIssueTime\": \"true\"}}}}"),
            $"$.Statement.Condition.{name}", 3, 19,
            $"'{name}' is not a condition operator: Null tests whether a key exists and cannot take IfExists.");
    }

    [Theory]
    [InlineData("{\n  \"Version\": \"2012-10-17\",\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}\n}", "Version", 3, 3)]
    [InlineData("{\"Id\": \"a\", \"Id\": \"b\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}", "Id", 1, 13)]
    [InlineData("{\n  \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"},\n  \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\"}\n}", "Statement", 3, 3)]
    public void Grammar_DuplicateDocumentKeys_AreRejected(string json, string element, int line, int column)
    {
        ParseAssert.Rejects(json, "$." + element, line, column, $"the element '{element}' appears twice; JSON keys must be unique");
    }

    [Theory]
    [InlineData("\"Effect\": \"Allow\", \"Effect\": \"Deny\"", "$.Statement.Effect", 24, "the element 'Effect' appears twice; JSON keys must be unique")]
    [InlineData("\"Effect\": \"Allow\", \"Effect\": \"Allow\"", "$.Statement.Effect", 24, "the element 'Effect' appears twice; JSON keys must be unique")]
    [InlineData("\"Sid\": \"a\", \"Sid\": \"b\"", "$.Statement.Sid", 17, "the element 'Sid' appears twice; JSON keys must be unique")]
    [InlineData("\"Action\": \"s3:A\", \"Action\": \"s3:B\"", "$.Statement.Action", 23, "the element 'Action' appears twice; JSON keys must be unique")]
    [InlineData("\"Resource\": \"*\", \"Resource\": \"*\"", "$.Statement.Resource", 22, "the element 'Resource' appears twice; JSON keys must be unique")]
    [InlineData("\"Condition\": {}, \"Condition\": {}", "$.Statement.Condition", 22, "the element 'Condition' appears twice; JSON keys must be unique")]
    [InlineData("\"Principal\": {\"AWS\": \"1\", \"AWS\": \"2\"}", "$.Statement.Principal.AWS", 31, "the element 'AWS' appears twice; JSON keys must be unique")]
    [InlineData("\"Condition\": {\"Bool\": {\"k\": \"true\"}, \"Bool\": {\"k\": \"false\"}}", "$.Statement.Condition.Bool", 42, "the operator 'Bool' appears twice in the same Condition; JSON keys must be unique")]
    [InlineData("\"Condition\": {\"Bool\": {\"k\": \"true\", \"k\": \"false\"}}", "$.Statement.Condition.Bool.k", 41, "the condition key 'k' appears twice under Bool; JSON keys must be unique")]
    public void Grammar_DuplicateKeysInStatements_AreRejected(string fragment, string path, int column, string problem)
    {
        ParseAssert.Rejects(InStatement(fragment), path, 3, column, problem);
    }
}
