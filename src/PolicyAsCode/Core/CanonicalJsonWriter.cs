using System.Globalization;
using System.Text;

namespace PolicyAsCode;

/// <summary>
/// Writes a <see cref="PolicyDocument"/> as JSON in one canonical, deterministic format. The runtime, the CLI and the
/// source generator all write policies with this class, so their output is identical byte for byte.
/// </summary>
/// <remarks>
/// The format: elements in the order Version, Id, Statement; in a statement Sid, Effect, Principal/NotPrincipal,
/// Action/NotAction, Resource/NotResource, Condition. <c>Statement</c> is always an array; any other list with one value is
/// written as a plain string, with several values as an array. Condition values are strings. Conditions are grouped by
/// operator in order of first appearance. Indented output uses two spaces and LF line ends and ends with a newline;
/// only <c>"</c>, <c>\</c> and control characters are escaped.
/// </remarks>
public static class CanonicalJsonWriter
{
    /// <summary>Writes the document indented, for files and display.</summary>
    public static string Write(PolicyDocument document) => Write(document, indented: true);

    /// <summary>Writes the document, indented or on one line without spaces.</summary>
    public static string Write(PolicyDocument document, bool indented)
    {
        if (document is null) throw new ArgumentNullException(nameof(document));
        var writer = new Writer(indented);
        writer.WriteDocument(document);
        return writer.ToString();
    }

    /// <summary>Appends a JSON string literal (with quotes) for <paramref name="value"/>.</summary>
    public static void AppendString(StringBuilder sb, string value) => JsonString.Append(sb, value);

    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private readonly bool _indented;
        private int _depth;

        public Writer(bool indented) => _indented = indented;

        public override string ToString() => _sb.ToString();

        public void WriteDocument(PolicyDocument document)
        {
            BeginObject();
            bool first = true;
            if (document.Version is not null) Property(ref first, "Version", document.Version);
            if (document.Id is not null) Property(ref first, "Id", document.Id);
            Name(ref first, "Statement");
            BeginArray();
            bool firstStatement = true;
            foreach (var statement in document.Statements)
            {
                Separator(ref firstStatement);
                WriteStatement(statement);
            }
            EndArray(document.Statements.Count == 0);
            EndObject();
            if (_indented) _sb.Append('\n');
        }

        private void WriteStatement(Statement statement)
        {
            BeginObject();
            bool first = true;
            if (statement.Sid is not null) Property(ref first, "Sid", statement.Sid);
            Property(ref first, "Effect", statement.Effect == Effect.Allow ? "Allow" : "Deny");
            if (statement.Principal is { } principal)
            {
                Name(ref first, principal.ElementName);
                if (principal.IsWildcard)
                {
                    CanonicalJsonWriter.AppendString(_sb, "*");
                }
                else
                {
                    BeginObject();
                    bool firstType = true;
                    var ids = principal.Ids.Items;
                    int i = 0;
                    while (i < ids.Length)
                    {
                        var type = ids[i].Type;
                        int j = i;
                        while (j < ids.Length && ids[j].Type == type) j++;
                        Name(ref firstType, PrincipalId.JsonName(type));
                        var values = new string[j - i];
                        for (int k = i; k < j; k++) values[k - i] = ids[k].Value;
                        StringOrArray(values);
                        i = j;
                    }
                    EndObject();
                }
            }
            Name(ref first, statement.Action.ElementName);
            StringOrArray(statement.Action.Values.Items);
            if (statement.Resource is { } resource)
            {
                Name(ref first, resource.ElementName);
                StringOrArray(resource.Values.Items);
            }
            if (!statement.Conditions.IsEmpty) WriteConditions(ref first, statement.Conditions.Items);
            EndObject();
        }

        private void WriteConditions(ref bool first, Condition[] conditions)
        {
            Name(ref first, "Condition");
            BeginObject();
            bool firstOperator = true;
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var condition in conditions)
            {
                string op = condition.Operator.Name;
                if (!written.Add(op)) continue;
                Name(ref firstOperator, op);
                BeginObject();
                bool firstKey = true;
                foreach (var c in conditions)
                {
                    if (c.Operator.Name != op) continue;
                    Name(ref firstKey, c.Key);
                    StringOrArray(c.Values.Items);
                }
                EndObject();
            }
            EndObject();
        }

        private void StringOrArray(string[] values)
        {
            if (values.Length == 1)
            {
                CanonicalJsonWriter.AppendString(_sb, values[0]);
                return;
            }
            BeginArray();
            bool first = true;
            foreach (var value in values)
            {
                Separator(ref first);
                CanonicalJsonWriter.AppendString(_sb, value);
            }
            EndArray(values.Length == 0);
        }

        private void Property(ref bool first, string name, string value)
        {
            Name(ref first, name);
            CanonicalJsonWriter.AppendString(_sb, value);
        }

        private void Name(ref bool first, string name)
        {
            Separator(ref first);
            CanonicalJsonWriter.AppendString(_sb, name);
            _sb.Append(_indented ? ": " : ":");
        }

        private void Separator(ref bool first)
        {
            if (!first) _sb.Append(',');
            first = false;
            NewLine();
        }

        private void BeginObject()
        {
            _sb.Append('{');
            _depth++;
        }

        private void EndObject()
        {
            _depth--;
            NewLine();
            _sb.Append('}');
        }

        private void BeginArray()
        {
            _sb.Append('[');
            _depth++;
        }

        private void EndArray(bool empty)
        {
            _depth--;
            if (!empty) NewLine();
            _sb.Append(']');
        }

        private void NewLine()
        {
            if (!_indented) return;
            _sb.Append('\n');
            _sb.Append(' ', _depth * 2);
        }
    }
}
