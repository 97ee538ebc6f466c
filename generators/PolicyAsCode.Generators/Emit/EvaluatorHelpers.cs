namespace PolicyAsCode.Generators.Emit;

/// <summary>
/// The members a compiled evaluator needs besides its method: static readonly fields holding what the runtime prepares
/// once (patterns the evaluator does not specialise, principals, conditions) and the <c>switch</c> methods of statements
/// that list many actions. <see cref="EvaluatorEmitter.Emit"/> returns them; <see cref="Write"/> writes them as a
/// <c>file static class</c>, which must go in the same file as the method, at namespace level.
/// </summary>
internal sealed class EvaluatorHelpers
{
    private readonly List<string> _fields = [];
    private readonly List<string> _methods = [];

    internal EvaluatorHelpers(string className) => ClassName = className;

    /// <summary>The name of the helper class: the evaluator's method name followed by <c>Helpers</c>.</summary>
    public string ClassName { get; }

    /// <summary>Whether the evaluator needs no helper (then <see cref="Write"/> writes nothing).</summary>
    public bool IsEmpty => _fields.Count == 0 && _methods.Count == 0;

    /// <summary>Adds a static readonly field and returns how the evaluator refers to it.</summary>
    internal string AddField(string type, string name, string initializer)
    {
        _fields.Add($"internal static readonly {type} {name} = {initializer};");
        return ClassName + "." + name;
    }

    /// <summary>Adds a static method (its whole text, from the signature on) and returns how the evaluator calls it by name.</summary>
    internal string AddMethod(string name, string text)
    {
        _methods.Add(text);
        return ClassName + "." + name;
    }

    /// <summary>Keeps the place of a method written later, so it comes before the methods it calls.</summary>
    internal int ReserveMethod()
    {
        _methods.Add("");
        return _methods.Count - 1;
    }

    /// <summary>Writes a method in a place kept by <see cref="ReserveMethod"/> and returns how the evaluator calls it.</summary>
    internal string SetMethod(int place, string name, string text)
    {
        _methods[place] = text;
        return ClassName + "." + name;
    }

    /// <summary>Writes the helper class, when there is one, with the writer's current indentation.</summary>
    public void Write(IndentedWriter writer)
    {
        if (IsEmpty) return;
        writer.WriteLine("/// <summary>What the compiled evaluator prepares once: patterns, principals, conditions and action switches.</summary>");
        writer.WriteLine(GeneratedFile.GeneratedCodeAttribute);
        using (writer.Block("file static class " + ClassName))
        {
            bool first = true;
            foreach (var field in _fields)
            {
                writer.WriteLine(field);
                first = false;
            }
            foreach (var method in _methods)
            {
                if (!first) writer.WriteLine();
                writer.Write(method);
                first = false;
            }
        }
    }
}
