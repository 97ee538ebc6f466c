using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Generators;

// The typed catalogue (PolicyAsCode.Aws: S3.GetObject, S3.Arn.Object(...), S3.Keys.Prefix, Keys.Aws.SourceIp), mapped
// back to its catalogue entries with the naming that wrote it (TypedServiceMembers), so no mark per member is needed.
internal sealed partial class DslInterpreter
{
    private object CatalogueInvocation(IInvocationOperation invocation, string owner, string nested, ImmutableArray<IArgumentOperation> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in args)
        {
            values[argument.Parameter!.Name] = String(argument.Value);
        }
        return CatalogueMember(invocation, owner, nested, invocation.TargetMethod.Name, values);
    }

    /// <summary>Maps a typed catalogue member back to its catalogue entry with the naming that wrote it.</summary>
    private object CatalogueMember(IOperation operation, string owner, string nested, string member, Dictionary<string, string> arguments)
    {
        var catalogue = TypedCatalogue.Instance;
        if (owner == TypedServiceMembers.KeysClass)
        {
            if (catalogue.GlobalKeys(nested) is { } globals && globals.TryGetValue(member, out var global)) return KeyFor(global, arguments);
            throw NotEvaluable(operation);
        }
        var members = catalogue.Service(owner) ?? throw NotEvaluable(operation);
        if (nested.Length == 0 && members.Actions.TryGetValue(member, out var action)) return new IamActionValue(action.FullName);
        if (nested == TypedServiceMembers.KeysClass && members.ConditionKeys.TryGetValue(member, out var key)) return KeyFor(key, arguments);
        if (nested == TypedServiceMembers.ArnClass && members.ResourceTypes.TryGetValue(member, out var resourceType))
        {
            return new ResourceValue(Fill(resourceType.ArnTemplate, arguments, "Partition"));
        }
        throw NotEvaluable(operation);
    }

    private static KeyValue KeyFor(ConditionKeyInfo key, Dictionary<string, string> arguments)
        => new(arguments.Count == 0 ? key.Name : Fill(key.Name, arguments, null), SetQualifier.None, false);

    /// <summary>Fills a template's placeholders with the arguments named after them (the same naming as the writer).</summary>
    private static string Fill(string template, Dictionary<string, string> arguments, string? partition)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in TypedNames.Split(template))
        {
            if (!part.IsPlaceholder)
            {
                sb.Append(part.Text);
                continue;
            }
            string parameter = TypedNames.Parameter(part.Text).TrimStart('@');
            if (arguments.TryGetValue(parameter, out var value)) sb.Append(value);
            else if (part.Text == partition) sb.Append("aws");
            else throw new EvaluationException($"No value for {part.Text}.", null);
        }
        return sb.ToString();
    }
}
