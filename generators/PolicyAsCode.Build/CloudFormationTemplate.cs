namespace PolicyAsCode.Build;

/// <summary>
/// A CloudFormation template (JSON) of a build's declarations: an <c>AWS::IAM::ManagedPolicy</c> per managed policy,
/// an <c>AWS::IAM::Role</c> per role, an <c>AWS::Organizations::Policy</c> per service or resource control policy (without
/// <c>TargetIds</c>: where each is attached is the user's to wire, from the policy id output), outputs for their ARNs and
/// ids, and each resource policy as an output for the user to set
/// on its resource (the declaration does not say which bucket, queue or key it belongs to).
/// </summary>
/// <remarks>
/// Logical ids are the PascalCase names with a kind suffix (<c>read_my_bucket</c>: <c>ReadMyBucketPolicy</c>), stable
/// across builds; two names that would share one get a hash of the name appended. Property names and types follow
/// AWS's CloudFormation resource specification (tests check them against it).
/// </remarks>
internal static class CloudFormationTemplate
{
    public static string Write(DeploymentModel model, string assemblyName, out string? problem)
    {
        problem = null;
        var keys = model.ManagedPolicies.Select(p => "m:" + p.Name)
            .Concat(model.ResourcePolicies.Select(p => "r:" + p.Name))
            .Concat(model.Roles.Select(r => "o:" + r.Name))
            .Concat(model.OrganizationPolicies.Select(OrganizationKey));
        var ids = DeploymentModel.Identifiers(keys, key =>
        {
            string name = DeploymentModel.Pascal(key.Substring(2));
            if (name.Length == 0 || char.IsDigit(name[0])) name = "Iam" + name;
            return name + (key[0] switch { 'm' => "Policy", 'r' => "ResourcePolicy", 's' => "ServiceControlPolicy", 'c' => "ResourceControlPolicy", _ => "Role" });
        });

        var resources = new JsonObject();
        var outputs = new JsonObject();
        foreach (var policy in model.ManagedPolicies)
        {
            string id = ids["m:" + policy.Name];
            var properties = new JsonObject().Add("ManagedPolicyName", policy.Name);
            if (policy.Description is { } description) properties.Add("Description", description);
            properties.Add("PolicyDocument", policy.Document);
            resources.Add(id, new JsonObject().Add("Type", "AWS::IAM::ManagedPolicy").Add("Properties", properties));
            outputs.Add(id + "Arn", new JsonObject()
                .Add("Description", $"The ARN of the managed policy {policy.Name}")
                .Add("Value", new JsonObject().Add("Ref", id)));
        }
        foreach (var role in model.Roles)
        {
            string id = ids["o:" + role.Name];
            var properties = new JsonObject()
                .Add("RoleName", role.Name)
                .Add("Path", role.Path);
            if (role.Description is { } description) properties.Add("Description", description);
            if (role.MaxSessionDuration is { } seconds) properties.Add("MaxSessionDuration", new JsonLiteral(seconds));
            properties.Add("AssumeRolePolicyDocument", role.TrustPolicy);
            if (role.Attached.Count > 0)
            {
                var arns = new JsonArray();
                foreach (var attached in role.Attached)
                {
                    if (attached.Arn is { } arn)
                    {
                        arns.Items.Add(new JsonString(arn));
                    }
                    else if (ids.TryGetValue("m:" + attached.Name, out string? policyId))
                    {
                        arns.Items.Add(new JsonObject().Add("Ref", policyId));
                    }
                    else
                    {
                        problem = $"the role {role.Name} attaches the policy {attached.Name}, which is not a managed policy of this assembly";
                        return "";
                    }
                }
                properties.Add("ManagedPolicyArns", arns);
            }
            if (role.Inline.Count > 0)
            {
                properties.Add("Policies", new JsonArray([.. role.Inline.Select(inline =>
                    (JsonValue)new JsonObject().Add("PolicyName", inline.Name).Add("PolicyDocument", inline.Document))]));
            }
            if (role.PermissionsBoundary is { } boundary)
            {
                // A boundary declared in the project is referenced; one given by ARN is used as it is.
                properties.Add("PermissionsBoundary", !boundary.StartsWith("arn:", StringComparison.Ordinal) && ids.TryGetValue("m:" + boundary, out string? boundaryId)
                    ? new JsonObject().Add("Ref", boundaryId)
                    : new JsonString(boundary));
            }
            resources.Add(id, new JsonObject().Add("Type", "AWS::IAM::Role").Add("Properties", properties));
            outputs.Add(id + "Arn", new JsonObject()
                .Add("Description", $"The ARN of the role {role.Name}")
                .Add("Value", new JsonObject().Add("Fn::GetAtt", new JsonArray(new JsonString(id), new JsonString("Arn")))));
        }
        foreach (var organization in model.OrganizationPolicies)
        {
            var policy = organization.Policy;
            string id = ids[OrganizationKey(organization)];
            var properties = new JsonObject().Add("Name", policy.Name).Add("Type", organization.ApiType);
            if (policy.Description is { } description) properties.Add("Description", description);
            properties.Add("Content", policy.Document);
            resources.Add(id, new JsonObject().Add("Type", "AWS::Organizations::Policy").Add("Properties", properties));
            outputs.Add(id + "Id", new JsonObject()
                .Add("Description", $"The id of the {organization.Prose} {policy.Name}: attach it to the root, OUs or accounts (TargetIds, or AWS::Organizations::Policy in a stack of the management account)")
                .Add("Value", new JsonObject().Add("Ref", id)));
        }
        foreach (var policy in model.ResourcePolicies)
        {
            string id = ids["r:" + policy.Name];
            outputs.Add(id + "Document", new JsonObject()
                .Add("Description", $"The resource policy {policy.Name}: set it as the policy of its resource (for example the PolicyDocument of an AWS::S3::BucketPolicy)")
                .Add("Value", policy.Document.ToCompactString()));
        }

        var template = new JsonObject()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", $"IAM policies and roles declared in {assemblyName}, written by PolicyAsCode at build time. Do not edit: rebuild.")
            .Add("Resources", resources);
        if (outputs.Members.Count > 0) template.Add("Outputs", outputs);
        return template.ToIndentedString() + "\n";
    }

    private static string OrganizationKey(OrganizationPolicy policy) => (policy.Type == OrganizationPolicyType.ServiceControl ? "s:" : "c:") + policy.Policy.Name;
}
