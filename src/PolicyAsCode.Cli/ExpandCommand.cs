using System.CommandLine;
using PolicyAsCode.Catalogue;

namespace PolicyAsCode.Cli;

/// <summary><c>pac expand</c>: lists the actions that action patterns such as <c>s3:Get*</c> cover, with their access levels.</summary>
internal static class ExpandCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var patterns = new Argument<string[]>("ACTION-PATTERN")
        {
            Description = "Action patterns as written in a policy: s3:GetObject, s3:Get*, *:List*, s3:?etObject, *.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("expand", "List the actions that action patterns cover, with their access levels.") { patterns };
        command.SetAction(parseResult => Run(parseResult.GetValue(patterns)!, ServiceCatalogue.Default, stdout, stderr));
        return command;
    }

    private static int Run(string[] patterns, ServiceCatalogue catalogue, TextWriter stdout, TextWriter stderr)
    {
        int exit = Pac.Success;
        var actions = new HashSet<ActionInfo>();
        foreach (var pattern in patterns)
        {
            bool any = false;
            foreach (var action in catalogue.ExpandAction(pattern))
            {
                actions.Add(action);
                any = true;
            }
            if (!any)
            {
                stderr.WriteLine($"pac expand: {Explain(pattern, catalogue)}");
                exit = Pac.Findings;
            }
        }

        int width = actions.Count == 0 ? 0 : actions.Max(a => a.FullName.Length);
        foreach (var action in actions.OrderBy(a => a.FullName, StringComparer.Ordinal))
        {
            stdout.WriteLine($"{action.FullName.PadRight(width)}  {action.AccessLevel.ToAwsName()}");
        }
        return exit;
    }

    // Why a pattern covers nothing, in AWS's words where AWS has them, with a suggestion when one is close.
    private static string Explain(string pattern, ServiceCatalogue catalogue)
    {
        int colon = pattern.IndexOf(':');
        if (colon < 0)
        {
            return $"{pattern} matches no action (an action is written service:Action, e.g. s3:GetObject).";
        }
        string service = pattern[..colon];
        string name = pattern[(colon + 1)..];
        if (!HasWildcards(service) && !catalogue.TryGetService(service, out _))
        {
            var services = catalogue.SuggestServices(service, 1);
            return services.Count > 0
                ? $"{pattern}: the service {service} does not exist. Did you mean {services[0]}?"
                : $"{pattern}: the service {service} does not exist.";
        }
        if (!HasWildcards(pattern))
        {
            var similar = catalogue.SuggestActions(service, name, 1);
            return similar.Count > 0 ? $"{pattern} does not exist. Did you mean {similar[0]}?" : $"{pattern} does not exist.";
        }
        return $"{pattern} matches no action.";
    }

    private static bool HasWildcards(string text) => text.IndexOf('*') >= 0 || text.IndexOf('?') >= 0;
}
