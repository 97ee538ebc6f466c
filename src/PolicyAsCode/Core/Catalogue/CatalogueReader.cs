using System.Runtime.CompilerServices;

namespace PolicyAsCode.Catalogue;

/// <summary>Parses the catalogue format of docs/formats/catalogue.md (version 1) into a <see cref="ServiceCatalogue"/>.</summary>
internal static class CatalogueReader
{
    public const string FormatName = "pac-catalogue";
    public const string FormatVersion = "1";

    [MethodImpl(CatalogueText.Optimized)]
    public static ServiceCatalogue Read(Stream gzip)
    {
        var text = CatalogueText.Decompress(gzip);
        if (!text.NextLine(5) || text.RecordType != (byte)'H' || text.FieldCount < 4 || !text.FieldEquals(1, FormatName))
        {
            throw text.Error($"the file does not start with an '{FormatName}' header");
        }
        if (!text.FieldEquals(2, FormatVersion))
        {
            throw text.Error($"format version {text.String(2)} is not supported (this library reads version {FormatVersion})");
        }
        string dataSource = text.String(3);

        // The load reads the header and global keys and finds where each service's lines are; a service's lines are
        // parsed when it is first used (ServiceInfo), so loading touches each line once, without decoding it.
        var globals = new List<ConditionKeyInfo>();
        var globalNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var services = new List<ServiceInfo>();
        int actionCount = 0;
        int serviceStart = -1, serviceFirstLine = 0;
        string? prefix = null, name = null;
        void EndService(int end)
        {
            if (prefix is null) return;
            int start = serviceStart, firstLine = serviceFirstLine;
            // A fresh cursor for each attempt: a parse that failed must fail again, not find the lines consumed.
            services.Add(new ServiceInfo(prefix, name!, service => ParseService(service, text.Slice(start, end, firstLine), globalNames)));
        }
        while (true)
        {
            int lineStart = text.NextLineStart;
            if (!text.NextLine(3)) throw text.Error("the file ends without its 'E' line (truncated?)");
            switch (text.RecordType)
            {
                case (byte)'G':
                    if (prefix is not null) throw text.Error("a global condition key after the first service");
                    var global = new ConditionKeyInfo(text.String(1), ParseType(text, 2), isGlobal: true, LazyText.Empty);
                    if (!globalNames.Add(global.Name)) throw text.Error($"the global condition key {global.Name} appears twice");
                    globals.Add(global);
                    break;
                case (byte)'S':
                    EndService(lineStart);
                    prefix = text.String(1);
                    name = text.String(2);
                    serviceStart = text.NextLineStart;
                    serviceFirstLine = text.LineNumber + 1;
                    break;
                case (byte)'K':
                case (byte)'R':
                case (byte)'A':
                    if (prefix is null) throw text.Error("a service record before the first 'S' line");
                    if (text.RecordType == (byte)'A') actionCount++;
                    break;
                case (byte)'E':
                    EndService(lineStart);
                    if (text.Integer(1) != services.Count || text.Integer(2) != actionCount)
                    {
                        throw text.Error($"the file announces {text.String(1)} services and {text.String(2)} actions but has {services.Count} and {actionCount}");
                    }
                    if (text.NextLine(1)) throw text.Error("text after the 'E' line");
                    return new ServiceCatalogue(dataSource, services.ToArray(), globals.ToArray());
                default:
                    throw text.Error("unknown record type");
            }
        }
    }

    /// <summary>Parses the K, R and A lines of one service.</summary>
    [MethodImpl(CatalogueText.Optimized)]
    private static ServiceContent ParseService(ServiceInfo service, CatalogueText lines, HashSet<string> globalNames)
    {
        var builder = new ServiceBuilder(service);
        while (lines.NextLine(6))
        {
            switch (lines.RecordType)
            {
                case (byte)'K':
                    builder.AddConditionKey(lines, globalNames);
                    break;
                case (byte)'R':
                    builder.AddResourceType(lines);
                    break;
                case (byte)'A':
                    builder.AddAction(lines);
                    break;
                default:
                    throw lines.Error("unknown record type");
            }
        }
        return builder.Complete();
    }

    private static ConditionKeyType ParseType(CatalogueText text, int field)
    {
        string name = text.String(field);
        return ConditionKeyTypeExtensions.TryParseAwsName(name, out var type) ? type : throw text.Error($"unknown condition key type {name}");
    }

    /// <summary>Collects one service's records; K, R and A lines come in that order so references point backwards.</summary>
    private sealed class ServiceBuilder
    {
        private readonly List<ConditionKeyInfo> _keys = new();
        private readonly List<ResourceTypeInfo> _resourceTypes = new();
        private readonly List<ActionInfo> _actions = new();
        private ActionResourceType?[]? _plainResourceTypes;

        public ServiceBuilder(ServiceInfo service) => Service = service;

        private ServiceInfo Service { get; }

        public void AddConditionKey(CatalogueText text, HashSet<string> globalNames)
        {
            if (_resourceTypes.Count > 0 || _actions.Count > 0) throw text.Error("a condition key after resource types or actions");
            string name = text.String(1);
            _keys.Add(new ConditionKeyInfo(name, ParseType(text, 2), globalNames.Contains(name), text.FieldCount > 3 ? text.Lazy(3) : LazyText.Empty));
        }

        public void AddResourceType(CatalogueText text)
        {
            if (_actions.Count > 0) throw text.Error("a resource type after actions");
            text.Range(3, out int start, out int end);
            var keys = KeyList(text, ref start, end, (byte)',');
            if (start != end) throw text.Error("malformed condition key list");
            _resourceTypes.Add(new ResourceTypeInfo(Service, text.String(1), text.String(2), keys));
        }

        [MethodImpl(CatalogueText.Optimized)]
        public void AddAction(CatalogueText text)
        {
            var level = text.FieldEquals(2, "L") ? AccessLevel.List
                : text.FieldEquals(2, "R") ? AccessLevel.Read
                : text.FieldEquals(2, "W") ? AccessLevel.Write
                : text.FieldEquals(2, "P") ? AccessLevel.PermissionsManagement
                : text.FieldEquals(2, "T") ? AccessLevel.Tagging
                : throw text.Error($"unknown access level {text.String(2)}");
            text.Range(3, out int typesStart, out int typesEnd);
            var resourceTypes = ResourceTypeList(text, typesStart, typesEnd);
            text.Range(4, out int keysStart, out int keysEnd);
            var keys = KeyList(text, ref keysStart, keysEnd, (byte)',');
            if (keysStart != keysEnd) throw text.Error("malformed condition key list");
            _actions.Add(new ActionInfo(Service, text.String(1), level, resourceTypes, keys, text.FieldCount > 5 ? text.Lazy(5) : LazyText.Empty));
        }

        public ServiceContent Complete() => new(Service.Prefix, _actions.ToArray(), _resourceTypes.ToArray(), _keys.ToArray());

        // "4*/0/3,9": resource type 4, required, with condition keys 0 and 3; resource type 9.
        [MethodImpl(CatalogueText.Optimized)]
        private EquatableArray<ActionResourceType> ResourceTypeList(CatalogueText text, int position, int end)
        {
            if (position == end) return EquatableArray<ActionResourceType>.Empty;
            var utf8 = text.Utf8;
            var list = new List<ActionResourceType>(2);
            while (true)
            {
                int index = text.ParseInteger(ref position, end);
                if (index >= _resourceTypes.Count) throw text.Error($"resource type {index} is not defined");
                bool required = position < end && utf8[position] == (byte)'*';
                if (required) position++;
                ActionResourceType entry;
                if (position < end && utf8[position] == (byte)'/')
                {
                    position++;
                    entry = new ActionResourceType(_resourceTypes[index], required, KeyList(text, ref position, end, (byte)'/'));
                }
                else
                {
                    // Most entries have no condition keys of their own: share one object per type and flag.
                    _plainResourceTypes ??= new ActionResourceType?[_resourceTypes.Count * 2];
                    int slot = index * 2 + (required ? 1 : 0);
                    entry = _plainResourceTypes[slot] ??= new ActionResourceType(_resourceTypes[index], required, EquatableArray<ConditionKeyInfo>.Empty);
                }
                list.Add(entry);
                if (position == end) break;
                if (utf8[position] != (byte)',') throw text.Error("malformed resource type list");
                position++;
            }
            return EquatableArray<ActionResourceType>.TakeOwnership(list.ToArray());
        }

        // Indexes into the service's condition keys separated by `separator`; stops at the end or at a ','.
        [MethodImpl(CatalogueText.Optimized)]
        private EquatableArray<ConditionKeyInfo> KeyList(CatalogueText text, ref int position, int end, byte separator)
        {
            if (position == end) return EquatableArray<ConditionKeyInfo>.Empty;
            var utf8 = text.Utf8;
            var list = new List<ConditionKeyInfo>(4);
            while (true)
            {
                int index = text.ParseInteger(ref position, end);
                if (index >= _keys.Count) throw text.Error($"condition key {index} is not defined");
                list.Add(_keys[index]);
                if (position == end || utf8[position] != separator) break;
                position++;
            }
            return EquatableArray<ConditionKeyInfo>.TakeOwnership(list.ToArray());
        }
    }
}
