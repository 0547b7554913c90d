using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ChatAssistant.Storage;

/// <summary>
/// Short <c>$type</c> names for what session state holds. With <c>TypeNameHandling.All</c> every object in the
/// state names its type, and the assembly-qualified names of a conversation's few objects (the state bag
/// <c>Dictionary&lt;string, object&gt;</c>, <c>ConversationData</c>, its <c>List&lt;FlowFrame&gt;</c>, each frame's
/// <c>Dictionary&lt;string, string&gt;</c>) were half of its stored text, written and parsed on every turn.
/// Short names:
/// <list type="bullet">
/// <item><c>~Conversation.ConversationData</c>: a non-generic type of this assembly, named without the
/// <c>ChatAssistant.</c> prefix; <c>~</c> resolves only inside this assembly.</item>
/// <item><c>dict</c> = <c>Dictionary&lt;string, object&gt;</c>, <c>dict:string</c> = <c>Dictionary&lt;string, string&gt;</c>,
/// <c>list:X</c> = <c>List&lt;X&gt;</c> for a short-named X.</item>
/// </list>
/// Any other type is named and resolved as Newtonsoft's default binder does, and so is every long name, so state
/// written before this reads as it did — as long as it names a type state is made of (<see cref="IsStateType"/>):
/// reading never builds anything else. (Written by hand: Newtonsoft has no built-in short-name binder.)
/// </summary>
internal sealed class StateTypeNames : ISerializationBinder
{
    private const string Ours = "~";
    private const string OurNamespace = "ChatAssistant.";
    private const string List = "list:";

    private static readonly DefaultSerializationBinder Default = new();
    private static readonly Dictionary<string, Type> Fixed = new(StringComparer.Ordinal)
    {
        ["dict"] = typeof(Dictionary<string, object>),
        ["dict:string"] = typeof(Dictionary<string, string>),
    };

    private readonly ConcurrentDictionary<Type, string?> _names = new();
    private readonly ConcurrentDictionary<string, Type?> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, bool> _allowed = new();

    public static readonly StateTypeNames Instance = new();

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        if (_names.GetOrAdd(serializedType, ShortName) is { } name)
        {
            assemblyName = null;
            typeName = name;
            return;
        }
        Default.BindToName(serializedType, out assemblyName, out typeName);
    }

    public Type BindToType(string? assemblyName, string typeName)
    {
        if (assemblyName is null && IsShort(typeName) && _types.GetOrAdd(typeName, Resolve) is { } type) return type;
        var named = Default.BindToType(assemblyName, typeName);
        // State is data: what a stored $type may name is limited to what state is made of, so a store written by
        // someone else cannot have us build, say, a process or a file stream while reading a conversation.
        return _allowed.GetOrAdd(named, IsStateType)
            ? named
            : throw new JsonSerializationException($"Type '{named.FullName}' is not allowed in stored state.");
    }

    // Our own types (any ChatAssistant assembly), .NET's plain values and generic collections of allowed types,
    // Json.NET's own tokens and Bot.Builder's types: everything Bot.Builder's state bags and ours are made of.
    private static bool IsStateType(Type type)
    {
        if (type.IsArray) return IsStateType(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return IsStateType(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsStateType);
        var assembly = type.Assembly.GetName().Name ?? "";
        var ns = type.Namespace ?? "";
        return assembly.StartsWith("ChatAssistant", StringComparison.Ordinal)
            || type.IsPrimitive || type.IsEnum
            || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(object) || type == typeof(Nullable<>)
            || ns is "System.Collections.Generic" or "System.Collections.ObjectModel" or "Newtonsoft.Json.Linq"
            || ns.StartsWith("Microsoft.Bot.", StringComparison.Ordinal);
    }

    private static bool IsShort(string name) =>
        name.StartsWith(Ours, StringComparison.Ordinal) || name.StartsWith(List, StringComparison.Ordinal) || Fixed.ContainsKey(name);

    private static string? ShortName(Type type)
    {
        foreach (var (name, fixedType) in Fixed)
            if (fixedType == type) return name;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            return ShortName(type.GetGenericArguments()[0]) is { } element ? List + element : null;
        return type.Assembly == typeof(StateTypeNames).Assembly && !type.IsGenericType && type.FullName is { } full
            && full.StartsWith(OurNamespace, StringComparison.Ordinal) && !full.Contains('+')
            ? Ours + full[OurNamespace.Length..]
            : null;
    }

    // Null for a name that is not one of ours: the default binder then resolves it as it always did.
    private static Type? Resolve(string name)
    {
        if (Fixed.TryGetValue(name, out var fixedType)) return fixedType;
        if (name.StartsWith(List, StringComparison.Ordinal))
            return Resolve(name[List.Length..]) is { } element ? typeof(List<>).MakeGenericType(element) : null;
        if (!name.StartsWith(Ours, StringComparison.Ordinal)) return null;
        var type = typeof(StateTypeNames).Assembly.GetType(OurNamespace + name[Ours.Length..], throwOnError: false);
        // Only what ShortName would have written: a renamed or nested type is not quietly bound to another.
        return type is not null && ShortName(type) == name ? type : null;
    }
}
