using System.CommandLine;

namespace PolicyAsCode.Cli;

/// <summary><c>pac eval</c>: decides one request, or a batch of cases in JSON Lines.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var policies = new Option<string[]>("--policy", "-p") { Description = "An identity-based policy file (repeatable).", AllowMultipleArgumentsPerToken = false };
        var resourcePolicy = new Option<string?>("--resource-policy") { Description = "The resource-based policy (bucket policy, role trust policy, ...)." };
        var boundary = new Option<string?>("--boundary") { Description = "The permissions boundary." };
        var scps = new Option<string[]>("--scp") { Description = "The service control policies of one organization level, root first: FILE or FILE,FILE,... for several attached at that level (repeat per level)." };
        var rcps = new Option<string[]>("--rcp") { Description = "The resource control policies of one organization level, root first: FILE or FILE,FILE,... (repeat per level)." };
        var managementAccount = new Option<string?>("--management-account") { Description = "The organization's management account: SCPs do not apply to its principals, nor RCPs to its resources." };
        var awsManagedKey = new Option<bool>("--aws-managed-key") { Description = "The resource is an AWS managed KMS key (RCPs do not apply to it)." };
        var federatingUser = new Option<string?>("--federating-user") { Description = "For a federated user session, the ARN of the IAM user who called GetFederationToken." };
        var sessions = new Option<string[]>("--session-policy") { Description = "A session policy (repeatable)." };
        var principal = new Option<string?>("--principal") { Description = "The caller: a user, role session or account ARN, an account id, or a service principal." };
        var action = new Option<string?>("--action", "-a") { Description = "The action, e.g. s3:GetObject." };
        var resource = new Option<string?>("--resource", "-r") { Description = "The resource ARN; * for actions with no resource type.", DefaultValueFactory = _ => "*" };
        var resourceAccount = new Option<string?>("--resource-account") { Description = "The resource's account when its ARN has none (S3)." };
        var context = new Option<string[]>("--context", "-c") { Description = "A context key and value, KEY=VALUE (repeat a key for a multi-valued key)." };
        var explain = new Option<bool>("--explain") { Description = "Explain the decision: which statements matched and why." };
        var batch = new Option<string?>("--batch") { Description = "Evaluate the cases of a JSON Lines file (- for standard input); see docs/formats/eval-batch.md." };

        var command = new Command("eval", "Decide whether policies allow a request, with AWS's evaluation logic.")
        {
            policies, resourcePolicy, boundary, scps, rcps, managementAccount, awsManagedKey, federatingUser, sessions, principal, action, resource, resourceAccount, context, explain, batch,
        };
        command.SetAction(parseResult =>
        {
            bool wantExplain = parseResult.GetValue(explain);
            if (parseResult.GetValue(batch) is { } batchFile)
            {
                return BatchEvaluation.Run(batchFile, wantExplain, stdout, stderr, stdin);
            }
            if (parseResult.GetValue(action) is not { } actionName)
            {
                stderr.WriteLine("pac eval: --action is required (or use --batch FILE).");
                return Pac.BadInput;
            }
            bool ok = true;
            PreparedPolicy? Load(string? file)
            {
                if (file is null) return null;
                var policy = PolicyFiles.TryPrepare(file, stderr);
                ok &= policy is not null;
                return policy;
            }
            List<PreparedPolicy> LoadAll(string[]? files) => (files ?? []).Select(Load).OfType<PreparedPolicy>().ToList();
            // One option value is one organization level; a comma separates the policies attached at that level.
            List<IReadOnlyList<PreparedPolicy>> LoadLevels(string[]? levels)
                => (levels ?? []).Select(level => (IReadOnlyList<PreparedPolicy>)LoadAll(level.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();

            var set = new PolicySet
            {
                IdentityPolicies = LoadAll(parseResult.GetValue(policies)),
                ResourcePolicy = Load(parseResult.GetValue(resourcePolicy)),
                PermissionsBoundary = Load(parseResult.GetValue(boundary)),
                ServiceControlPolicyLevels = LoadLevels(parseResult.GetValue(scps)),
                ResourceControlPolicyLevels = LoadLevels(parseResult.GetValue(rcps)),
                ManagementAccount = parseResult.GetValue(managementAccount),
                ResourceIsAwsManagedKey = parseResult.GetValue(awsManagedKey),
                SessionPolicies = LoadAll(parseResult.GetValue(sessions)),
            };
            if (!TryParseContext(parseResult.GetValue(context) ?? [], stderr, out var contextValues)) ok = false;
            if (!ok) return Pac.BadInput;

            var request = new Request(parseResult.GetValue(principal), actionName, parseResult.GetValue(resource) ?? "*",
                contextValues, parseResult.GetValue(resourceAccount), parseResult.GetValue(federatingUser));
            if (wantExplain)
            {
                stdout.Write(Authorizer.Explain(set, request).ToString());
            }
            else
            {
                stdout.WriteLine(Authorizer.Authorize(set, request));
            }
            return Pac.Success;
        });
        return command;
    }

    private static bool TryParseContext(string[] pairs, TextWriter stderr, out Dictionary<string, string[]> context)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var pair in pairs)
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                stderr.WriteLine($"pac eval: --context '{pair}' must be KEY=VALUE, e.g. aws:SourceIp=203.0.113.7");
                ok = false;
                continue;
            }
            string key = pair[..equals];
            if (!values.TryGetValue(key, out var list)) values[key] = list = [];
            list.Add(pair[(equals + 1)..]);
        }
        context = values.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        return ok;
    }
}
