using System.Collections;
using Microsoft.Build.Framework;

namespace PolicyAsCode.Tests.Build;

/// <summary>An <see cref="IBuildEngine"/> that records what a task logs.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("WriteIamFiles builds no projects.");

    /// <summary>Every error as <c>CODE: message</c>, for assertion messages.</summary>
    public string ErrorText => string.Join("\n", Errors.Select(e => $"{e.Code}: {e.Message}"));
}
