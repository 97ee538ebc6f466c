using System.Text;

namespace PolicyAsCode.Build;

/// <summary>
/// A Terraform JSON configuration (<c>*.tf.json</c>) of a build's declarations for the AWS provider: <c>aws_iam_policy</c>
/// per managed policy, <c>aws_iam_role</c> per role, <c>aws_iam_role_policy</c> per inline policy and
/// <c>aws_iam_role_policy_attachment</c> per attached policy (not the deprecated <c>inline_policy</c> and
/// <c>managed_policy_arns</c> arguments of <c>aws_iam_role</c>), <c>aws_organizations_policy</c> per service or resource
/// control policy (its <c>aws_organizations_policy_attachment</c>s are the user's to write, from the id output), with
/// outputs for the ARNs, ids and resource policies.
/// </summary>
/// <remarks>
/// In <c>.tf.json</c> every string is a template: a literal <c>${</c> or <c>%{</c> (IAM policy variables such as
/// <c>${aws:username}</c>) is written <c>$${</c> / <c>%%{</c> so that Terraform passes it to IAM unchanged. Resource
/// names are the declared names with characters Terraform does not allow replaced by <c>_</c>, stable across builds.
/// </remarks>
internal static class TerraformConfiguration
{
    public static string Write(DeploymentModel model, out string? problem)
    {
        problem = null;
        var keys = model.ManagedPolicies.Select(p => "m:" + p.Name)
            .Concat(model.ResourcePolicies.Select(p => "r:" + p.Name))
            .Concat(model.Roles.Select(r => "o:" + r.Name))
            .Concat(model.OrganizationPolicies.Select(p => "g:" + p.Policy.Name));
        var names = DeploymentModel.Identifiers(keys, key => Name(key.Substring(2)));

        var policies = new JsonObject();
        var roles = new JsonObject();
        var rolePolicies = new JsonObject();
        var attachments = new JsonObject();
        var outputs = new JsonObject();
        var organizationPolicies = new JsonObject();
        foreach (var policy in model.ManagedPolicies)
        {
            string name = names["m:" + policy.Name];
            var arguments = new JsonObject().Add("name", Literal(policy.Name)).Add("path", "/");
            if (policy.Description is { } description) arguments.Add("description", Literal(description));
            arguments.Add("policy", Literal(policy.Document.ToCompactString()));
            policies.Add(name, arguments);
            outputs.Add(name + "_arn", new JsonObject()
                .Add("description", Literal($"The ARN of the managed policy {policy.Name}"))
                .Add("value", $"${{aws_iam_policy.{name}.arn}}"));
        }
        foreach (var role in model.Roles)
        {
            string name = names["o:" + role.Name];
            var arguments = new JsonObject().Add("name", Literal(role.Name)).Add("path", Literal(role.Path));
            if (role.Description is { } description) arguments.Add("description", Literal(description));
            if (role.MaxSessionDuration is { } seconds) arguments.Add("max_session_duration", new JsonLiteral(seconds));
            arguments.Add("assume_role_policy", Literal(role.TrustPolicy.ToCompactString()));
            if (role.PermissionsBoundary is { } boundary)
            {
                arguments.Add("permissions_boundary", !boundary.StartsWith("arn:", StringComparison.Ordinal) && names.TryGetValue("m:" + boundary, out string? boundaryName)
                    ? $"${{aws_iam_policy.{boundaryName}.arn}}"
                    : Literal(boundary));
            }
            roles.Add(name, arguments);
            foreach (var inline in role.Inline)
            {
                AddUnique(rolePolicies, $"{name}__{Name(inline.Name)}", inline.Name, new JsonObject()
                    .Add("name", Literal(inline.Name))
                    .Add("role", $"${{aws_iam_role.{name}.id}}")
                    .Add("policy", Literal(inline.Document.ToCompactString())));
            }
            foreach (var attached in role.Attached)
            {
                string policyArn;
                if (attached.Arn is { } arn) policyArn = Literal(arn);
                else if (names.TryGetValue("m:" + attached.Name, out string? policyName)) policyArn = $"${{aws_iam_policy.{policyName}.arn}}";
                else
                {
                    problem = $"the role {role.Name} attaches the policy {attached.Name}, which is not a managed policy of this assembly";
                    return "";
                }
                AddUnique(attachments, $"{name}__{Name(attached.Name)}", attached.Arn ?? attached.Name, new JsonObject()
                    .Add("role", $"${{aws_iam_role.{name}.name}}")
                    .Add("policy_arn", policyArn));
            }
            outputs.Add(name + "_arn", new JsonObject()
                .Add("description", Literal($"The ARN of the role {role.Name}"))
                .Add("value", $"${{aws_iam_role.{name}.arn}}"));
        }
        foreach (var organization in model.OrganizationPolicies)
        {
            var policy = organization.Policy;
            string name = names["g:" + policy.Name];
            var arguments = new JsonObject().Add("name", Literal(policy.Name)).Add("type", organization.ApiType);
            if (policy.Description is { } description) arguments.Add("description", Literal(description));
            arguments.Add("content", Literal(policy.Document.ToCompactString()));
            organizationPolicies.Add(name, arguments);
            outputs.Add(name + "_id", new JsonObject()
                .Add("description", Literal($"The id of the {organization.Prose} {policy.Name}: attach it with aws_organizations_policy_attachment"))
                .Add("value", $"${{aws_organizations_policy.{name}.id}}"));
        }
        foreach (var policy in model.ResourcePolicies)
        {
            string name = names["r:" + policy.Name];
            outputs.Add(name + "_document", new JsonObject()
                .Add("description", Literal($"The resource policy {policy.Name}: set it as the policy of its resource (for example the policy of an aws_s3_bucket_policy)"))
                .Add("value", Literal(policy.Document.ToCompactString())));
        }

        var resource = new JsonObject();
        if (policies.Members.Count > 0) resource.Add("aws_iam_policy", policies);
        if (roles.Members.Count > 0) resource.Add("aws_iam_role", roles);
        if (rolePolicies.Members.Count > 0) resource.Add("aws_iam_role_policy", rolePolicies);
        if (attachments.Members.Count > 0) resource.Add("aws_iam_role_policy_attachment", attachments);
        if (organizationPolicies.Members.Count > 0) resource.Add("aws_organizations_policy", organizationPolicies);
        var configuration = new JsonObject();
        if (resource.Members.Count > 0) configuration.Add("resource", resource);
        if (outputs.Members.Count > 0) configuration.Add("output", outputs);
        return configuration.ToIndentedString() + "\n";
    }

    /// <summary>Adds a block under <paramref name="key"/>, or, when two names gave that key, under it with a hash of the name.</summary>
    private static void AddUnique(JsonObject blocks, string key, string name, JsonObject block)
        => blocks.Add(blocks[key] is null ? key : key + "_" + DeploymentModel.Hash(name), block);

    /// <summary>A literal string for <c>.tf.json</c>: <c>${</c> and <c>%{</c> escaped as <c>$${</c> and <c>%%{</c>.</summary>
    public static string Literal(string value) => value.Replace("${", "$${").Replace("%{", "%%{");

    /// <summary>
    /// A Terraform name: letters, digits, <c>_</c> and <c>-</c>, starting with a letter or <c>_</c>; other characters become
    /// <c>_</c>.
    /// </summary>
    public static string Name(string name)
    {
        var sb = new StringBuilder(name.Length + 1);
        foreach (char c in name) sb.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' ? c : '_');
        if (sb.Length == 0 || !(sb[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_')) sb.Insert(0, '_');
        return sb.ToString();
    }
}
