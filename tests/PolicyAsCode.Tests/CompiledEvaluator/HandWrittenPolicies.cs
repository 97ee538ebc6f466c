namespace PolicyAsCode.Tests.CompiledEvaluator;

/// <summary>
/// Policies written to reach every branch of the emitter: each action and resource shape, NotAction and NotResource, the
/// service switch, principals, every condition family, policy variables, version 2008-10-17, and statements that always
/// or never apply.
/// </summary>
internal static class HandWrittenPolicies
{
    private static string Statements(params string[] statements) => Policy("2012-10-17", statements);

    private static string Policy(string? version, params string[] statements)
        => "{" + (version is null ? "" : $"\"Version\":\"{version}\",") + "\"Statement\":[" + string.Join(",", statements) + "]}";

    private const string ManyActions = """
        "S3:get*", "s3:ListBucket", "s3:*Acl", "s3:Get*Tag?", "EC2:Describe*", "ec2:describeinstances", "kms:Decrypt", "kms:Decrypt",
        "*:List*", "s*:Put*", "?ts:AssumeRole", "iam", ":CreateUser", "\u017f3:DeleteObject", "sqs:*", "dynamodb:Query",
        "license-manager-linux-subscriptions:Get*", "lambda:Invoke*Function", "sts:*Session*"
        """;

    public static readonly (string Name, string Json)[] All =
    [
        ("LiteralActions", Statements("""{"Effect":"Allow","Action":["s3:GetObject","S3:putobject","iam:CreateUser"],"Resource":"*"}""")),
        ("ActionShapes", Statements("""{"Effect":"Allow","Action":["s3:Get*","*Object","sts:Assume**","kms:*"],"Resource":"*"}""",
            """{"Effect":"Deny","Action":["s3:*Object*","s3:Get?bject","s3:Get*Acl","ec2:??n*"],"Resource":"*"}""")),
        ("MatchAllActions", Statements("""{"Effect":"Allow","Action":["s3:GetObject","*"],"Resource":"arn:aws:s3:::my-bucket/*"}""",
            """{"Effect":"Deny","Action":"**","Resource":"arn:aws:s3:::my-bucket/secret*"}""")),
        ("EmptyAndOddActions", Statements("""{"Effect":"Allow","Action":["","s3",":GetObject","s3:","ſ3:GetObject"],"Resource":"*"}""")),
        ("NotAction", Statements("""{"Effect":"Allow","NotAction":["s3:*","iam:Get*"],"Resource":"*"}""",
            """{"Effect":"Deny","NotAction":"*Object","Resource":"arn:aws:s3:::my-bucket/*"}""")),
        ("NotActionAll", Statements("""{"Effect":"Deny","NotAction":"*","Resource":"*"}""", """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""")),
        ("ServiceSwitch", Statements($$"""{"Effect":"Allow","Action":[{{ManyActions}}],"Resource":"*"}""")),
        ("ServiceSwitchNotAction", Statements($$"""{"Effect":"Deny","NotAction":[{{ManyActions}}],"Resource":"arn:aws:s3:::*"}""",
            """{"Effect":"Allow","Action":"*","Resource":"*"}""")),
        ("ServiceSwitchWithMatchAll", Statements("""{"Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe*","iam:Get*","iam:List*","kms:Describe*","kms:Get*","s3:*","*"],"Resource":"*"}""")),
        ("ServiceSwitchWithServiceWildcard", Statements("""{"Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe*","iam:Get*","iam:List*","kms:Describe*","kms:Get*","s3:*","*:*"],"Resource":"*"}""")),
        ("ServiceSwitchOnlyUngrouped", Statements("""{"Effect":"Allow","Action":["*:Get*","s?:List*","*3:Put*","x","y","z",":a","ſ3:b"],"Resource":"*"}""")),
        ("ResourceShapes", Statements("""
            {"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket","arn:aws:s3:::my-bucket/*","arn:aws:s3:::other*","arn:aws:s3:::*/key"]}
            """, """
            {"Effect":"Allow","Action":"kms:*","Resource":["arn:aws:kms:*:111122223333:key/*","arn:aws:kms:us-east-1:111122223333:key/k?","arn:aws:sqs:us-east-1:444455556666:queue:x"]}
            """, """
            {"Effect":"Allow","Action":"iam:*","Resource":["arn:aws:iam::111122223333:user/*","arn:aws:iam::111122223333:role/app","arn:aws:s3*","arn:aws:iam::111122223333","arn:aws:iam::*"]}
            """, """
            {"Effect":"Allow","Action":"sts:*","Resource":["not-an-arn","my-bucket*","*-an-arn","n?t-an-arn","arn","arn:"]}
            """, """
            {"Effect":"Deny","Action":"s3:PutObject","Resource":["arn:aws:s3:::my-*/*.txt","arn:aws:s3:::my-bucket/a:*","**"]}
            """)),
        ("ResourceStarInEarlierField", Statements("""{"Effect":"Allow","Action":"*","Resource":["arn:*:s3:::my-bucket/*","arn:aws:s3:us-*::*","arn:aws:iam::?11122223333:user/*"]}""")),
        ("NotResource", Statements("""{"Effect":"Allow","Action":"s3:*","NotResource":["arn:aws:s3:::my-bucket/*","arn:aws:s3:::other/a"]}""",
            """{"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::my-bucket*"}""")),
        ("NotResourceAll", Statements("""{"Effect":"Deny","Action":"*","NotResource":"*"}""", """{"Effect":"Allow","Action":"*","NotResource":["not-an-arn"]}""")),
        ("NoResource", Statements("""{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"}}""")),
        ("Principals", Statements(
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Principal":"*"}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Principal":{"AWS":"*"}}""",
            """{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:root"]}}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Principal":{"AWS":"arn:aws:iam::111122223333:role/app","Service":"lambda.amazonaws.com"}}""",
            """{"Effect":"Allow","Action":"iam:*","Resource":"*","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice","Federated":"cognito-identity.amazonaws.com","CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}""",
            """{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","NotPrincipal":{"AWS":["arn:aws:iam::111122223333:user/bob","111122223333"]}}""",
            """{"Effect":"Deny","Action":"sts:*","Resource":"*","NotPrincipal":"*"}""")),
        ("StringConditions", Statements(
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["red","blue"]},"StringNotEqualsIgnoreCase":{"aws:username":"BOB"}}}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/owner":"a*e"},"StringNotLike":{"aws:PrincipalTag/team":"b?ue"},"StringEqualsIgnoreCase":{"aws:username":"ALICE"}}}""",
            """{"Effect":"Deny","Action":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"red"}}}""")),
        ("NumericDateBoolConditions", Statements(
            """{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"10"},"NumericGreaterThanEquals":{"s3:max-keys":"-1"}}}""",
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericEquals":{"s3:max-keys":["5","1500"]},"NumericNotEquals":{"s3:max-keys":"7"},"NumericLessThanEquals":{"s3:max-keys":"1.5e3"},"NumericGreaterThan":{"s3:max-keys":"0"}}}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2030-06-30"},"DateNotEquals":{"aws:CurrentTime":"1700000000"}}}""",
            """{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*","Condition":{"DateEquals":{"aws:CurrentTime":"1700000000"},"DateLessThanEquals":{"aws:CurrentTime":"2030"},"DateGreaterThanEquals":{"aws:CurrentTime":"2020-01"}}}""",
            """{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""",
            """{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"TRUE"}}}""")),
        ("BinaryIpArnNullConditions", Statements(
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"BinaryEquals":{"aws:PrincipalTag/team":"aGVsbG8="}}}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}}""",
            """{"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}""",
            """{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:user/*"},"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/bob"}}}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app"},"ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::*"}}}""",
            """{"Effect":"Allow","Action":"sts:*","Resource":"*","Condition":{"Null":{"aws:PrincipalTag/team":"true","aws:TagKeys":"false"}}}""")),
        ("SetOperators", Statements(
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}}""",
            """{"Effect":"Allow","Action":"s3:PutObject","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":"env*"}}}""",
            """{"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"ForAnyValue:StringNotEqualsIfExists":{"aws:TagKeys":"team"}}}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"ForAllValues:NumericLessThan":{"s3:max-keys":"10"},"StringLikeIfExists":{"aws:PrincipalTag/team":"r*"}}}""")),
        ("FailClosed", Statements(
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"NumericEquals":{"s3:max-keys":"abc"}}}""",
            """{"Effect":"Deny","Action":"s3:PutObject","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"10"},"StringEquals":{"aws:PrincipalTag/team":"red"}}}""",
            """{"Effect":"Deny","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}""",
            """{"Effect":"Deny","Action":"iam:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"not a date"}}}""",
            """{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BinaryEquals":{"aws:PrincipalTag/owner":"not base64!"}}}""")),
        ("Variables", Statements(
            """{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket/${aws:username}/*","arn:aws:s3:::${aws:PrincipalTag/team, 'red'}/*","arn:aws:s3:::my-bucket/${*}${?}${$}"]}""",
            """{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/owner":"${aws:username}"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::${aws:PrincipalAccount}:*"}}}""",
            """{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::my-bucket/${aws:PrincipalTag/missing}","Condition":{"StringNotEquals":{"aws:username":"${aws:PrincipalTag/missing}"}}}""")),
        // reference_policies_variables: "If AWS cannot resolve a variable this might cause the entire statement to be
        // invalid": Allow statements that need an unresolvable variable do not apply, Deny statements do (fail closed).
        ("UnresolvableVariablesFailClosed", Statements(
            """{"Effect":"Allow","Action":"iam:*","NotResource":"arn:aws:iam::111122223333:user/${aws:username}"}""",
            """{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket/*","arn:aws:s3:::home/${aws:username}/*"]}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/owner":"${aws:username}"}}}""",
            """{"Effect":"Deny","Action":"s3:DeleteObject","NotResource":"arn:aws:s3:::my-bucket/${aws:PrincipalTag/team}/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""",
            """{"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-bucket/${aws:username}/locked","Principal":"*"}""",
            """{"Effect":"Deny","Action":"sqs:*","Resource":"*","Condition":{"StringNotLikeIfExists":{"aws:PrincipalTag/team":"${aws:PrincipalTag/owner}*"}}}""")),
        ("Version2008", Policy("2008-10-17",
            """{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket/${aws:username}/*","arn:aws:s3:::my-bucket/${aws:username}"]}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/owner":"${aws:username}"}}}""")),
        ("NoVersion", Policy(null,
            """{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::my-bucket/${aws:username}*","arn:aws:s3:::${a:b}:x/*"]}""",
            """{"Effect":"Allow","Action":"kms:*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/owner":"${aws:username}*"}}}""")),
        ("DenyAllWins", Statements("""{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""", """{"Effect":"Deny","Action":"*","Resource":"*"}""",
            """{"Effect":"Allow","Action":"*","Resource":"*"}""")),
        ("AllowAllAfterDenies", Statements("""{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}""", """{"Effect":"Allow","Action":"*","Resource":"*"}""",
            """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}""")),
        ("Escapes", Statements("""{"Sid":"Quote\"Back\\slash\u0001\u2028日本","Effect":"Allow","Action":["s3:Get\"*","s3:\\x","s3:\u00e9*"],"Resource":["arn:aws:s3:::b/\"\\\u0000\ud83d\ude00*","arn:aws:s3:::b/\u2028"]}""")),
    ];

    public static PolicyDocument Document(string name) => LenientPolicyReader.Parse(All.Single(p => p.Name == name).Json);
}
