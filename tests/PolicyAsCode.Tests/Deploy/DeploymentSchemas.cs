using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Tests.Deploy;

/// <summary>
/// Checks a CloudFormation template against AWS's CloudFormation resource specification (its JSON form: resource types,
/// property names, required properties, primitive and list types, property types, attributes for <c>Fn::GetAtt</c>).
/// </summary>
internal static class CloudFormationSpec
{
    public static void AssertConforms(JsonElement template, JsonElement spec)
    {
        Assert.Equal("2010-09-09", template.GetProperty("AWSTemplateFormatVersion").GetString());
        var resources = template.GetProperty("Resources");
        Assert.NotEmpty(resources.EnumerateObject());
        var types = spec.GetProperty("ResourceTypes");
        foreach (var resource in resources.EnumerateObject())
        {
            Assert.Matches("^[A-Za-z0-9]{1,255}$", resource.Name);
            string type = resource.Value.GetProperty("Type").GetString()!;
            Assert.True(types.TryGetProperty(type, out var typeSpec), $"{resource.Name}: {type} is not a resource type of the specification");
            AssertProperties(resource.Value.GetProperty("Properties"), typeSpec.GetProperty("Properties"), type, $"{resource.Name}.Properties", template, spec);
        }
        if (template.TryGetProperty("Outputs", out var outputs))
        {
            foreach (var output in outputs.EnumerateObject())
            {
                Assert.Matches("^[A-Za-z0-9]{1,255}$", output.Name);
                var value = output.Value.GetProperty("Value");
                if (value.ValueKind != JsonValueKind.String) AssertIntrinsic(value, $"Outputs.{output.Name}.Value", template, spec);
            }
        }
    }

    private static void AssertProperties(JsonElement properties, JsonElement propertySpecs, string resourceType, string path, JsonElement template, JsonElement spec)
    {
        foreach (var property in properties.EnumerateObject())
        {
            Assert.True(propertySpecs.TryGetProperty(property.Name, out var propertySpec), $"{path}: {property.Name} is not a property of {resourceType} in the specification");
            AssertValue(property.Value, propertySpec, resourceType, $"{path}.{property.Name}", template, spec);
        }
        foreach (var propertySpec in propertySpecs.EnumerateObject())
        {
            if (propertySpec.Value.GetProperty("Required").GetBoolean())
            {
                Assert.True(properties.TryGetProperty(propertySpec.Name, out _), $"{path}: the required property {propertySpec.Name} is missing");
            }
        }
    }

    private static void AssertValue(JsonElement value, JsonElement propertySpec, string resourceType, string path, JsonElement template, JsonElement spec)
    {
        if (propertySpec.TryGetProperty("PrimitiveType", out var primitive))
        {
            AssertPrimitive(value, primitive.GetString()!, path, template, spec);
            return;
        }
        string type = propertySpec.GetProperty("Type").GetString()!;
        Assert.True(type == "List", $"{path}: the test does not check properties of type {type}");
        Assert.Equal(JsonValueKind.Array, value.ValueKind);
        var items = value.EnumerateArray().ToList();
        if (propertySpec.TryGetProperty("DuplicatesAllowed", out var duplicates) && !duplicates.GetBoolean())
        {
            Assert.True(items.Select(i => i.GetRawText()).Distinct().Count() == items.Count, $"{path}: duplicates are not allowed");
        }
        for (int i = 0; i < items.Count; i++)
        {
            if (propertySpec.TryGetProperty("PrimitiveItemType", out var itemPrimitive))
            {
                AssertPrimitive(items[i], itemPrimitive.GetString()!, $"{path}[{i}]", template, spec);
            }
            else
            {
                string itemType = propertySpec.GetProperty("ItemType").GetString()!;
                Assert.True(spec.GetProperty("PropertyTypes").TryGetProperty($"{resourceType}.{itemType}", out var itemSpec), $"{path}: no property type {resourceType}.{itemType}");
                Assert.Equal(JsonValueKind.Object, items[i].ValueKind);
                AssertProperties(items[i], itemSpec.GetProperty("Properties"), resourceType, $"{path}[{i}]", template, spec);
            }
        }
    }

    private static void AssertPrimitive(JsonElement value, string primitive, string path, JsonElement template, JsonElement spec)
    {
        if (value.ValueKind == JsonValueKind.Object && primitive != "Json")
        {
            // An intrinsic function in place of a string: Ref (a managed policy's ARN) or Fn::GetAtt.
            Assert.Equal("String", primitive);
            AssertIntrinsic(value, path, template, spec);
            return;
        }
        switch (primitive)
        {
            case "String": Assert.True(value.ValueKind == JsonValueKind.String, $"{path}: a String expected, not {value.ValueKind}"); break;
            case "Integer": Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), $"{path}: an Integer expected"); break;
            case "Boolean": Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path}: a Boolean expected"); break;
            case "Json": Assert.True(value.ValueKind == JsonValueKind.Object, $"{path}: a JSON object expected"); break;
            default: Assert.Fail($"{path}: the test does not check the primitive type {primitive}"); break;
        }
    }

    private static void AssertIntrinsic(JsonElement value, string path, JsonElement template, JsonElement spec)
    {
        var members = value.EnumerateObject().ToList();
        Assert.True(members.Count == 1, $"{path}: an intrinsic function has one member");
        var resources = template.GetProperty("Resources");
        switch (members[0].Name)
        {
            case "Ref":
                Assert.True(resources.TryGetProperty(members[0].Value.GetString()!, out _), $"{path}: Ref to {members[0].Value} names no resource");
                break;
            case "Fn::GetAtt":
                var parts = members[0].Value.EnumerateArray().Select(p => p.GetString()!).ToArray();
                Assert.Equal(2, parts.Length);
                Assert.True(resources.TryGetProperty(parts[0], out var target), $"{path}: Fn::GetAtt names no resource {parts[0]}");
                string type = target.GetProperty("Type").GetString()!;
                Assert.True(spec.GetProperty("ResourceTypes").GetProperty(type).TryGetProperty("Attributes", out var attributes) && attributes.TryGetProperty(parts[1], out _),
                    $"{path}: {type} has no attribute {parts[1]}");
                break;
            default:
                Assert.Fail($"{path}: unexpected intrinsic {members[0].Name}");
                break;
        }
    }
}

/// <summary>
/// Checks a Terraform JSON configuration against the AWS provider's documented arguments and attributes: only known,
/// non-deprecated arguments, every required one, and every <c>${...}</c> a reference to a declared block's attribute.
/// </summary>
internal static class TerraformSchema
{
    private static readonly Regex s_interpolation = new(@"(?<!\$)\$\{([^}]*)\}");

    public static void AssertConforms(JsonElement configuration, JsonElement schema)
    {
        foreach (var section in configuration.EnumerateObject()) Assert.Contains(section.Name, new[] { "resource", "output" });
        var resources = schema.GetProperty("resources");
        var blocks = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (configuration.TryGetProperty("resource", out var resource))
        {
            foreach (var type in resource.EnumerateObject())
            {
                Assert.True(resources.TryGetProperty(type.Name, out var typeSchema), $"{type.Name} is not a resource type the test knows");
                var required = Names(typeSchema, "required");
                var allowed = required.Concat(Names(typeSchema, "optional")).Except(Names(typeSchema, "deprecated")).ToHashSet(StringComparer.Ordinal);
                blocks[type.Name] = [];
                foreach (var block in type.Value.EnumerateObject())
                {
                    Assert.Matches("^[A-Za-z_][A-Za-z0-9_-]*$", block.Name);
                    blocks[type.Name].Add(block.Name);
                    foreach (var argument in block.Value.EnumerateObject())
                    {
                        Assert.True(allowed.Contains(argument.Name), $"{type.Name}.{block.Name}: {argument.Name} is not a (non-deprecated) argument of {type.Name}");
                    }
                    foreach (var name in required)
                    {
                        Assert.True(block.Value.TryGetProperty(name, out _), $"{type.Name}.{block.Name}: the required argument {name} is missing");
                    }
                }
            }
        }
        var attributes = schema.GetProperty("attributes");
        foreach (var text in Strings(configuration))
        {
            foreach (Match match in s_interpolation.Matches(text))
            {
                var parts = match.Groups[1].Value.Split('.');
                Assert.True(parts.Length == 3 && blocks.TryGetValue(parts[0], out var names) && names.Contains(parts[1]), $"'{match.Value}' refers to no block of the configuration");
                Assert.True(attributes.TryGetProperty(parts[0], out var exported) && exported.EnumerateArray().Any(a => a.GetString() == parts[2]), $"'{match.Value}': {parts[0]} exports no {parts[2]}");
            }
        }
    }

    private static List<string> Names(JsonElement element, string name) => element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
