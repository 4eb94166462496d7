using System.Reflection;
using System.Reflection.Emit;

namespace QeV.Worker.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from the compiled assemblies: base types, interfaces, fields, properties, method
/// signatures, local variables, and every type, method and field a method body names (its IL tokens). Compiler
/// generated types (closures, async state machines) count for the namespace of the type they sit in.
/// </summary>
public sealed class NamespaceGraph
{
    private const BindingFlags All =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Namespace -> the namespaces it uses, each with one example ("Type uses Type").</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Edges => _edges;

    /// <summary>The graph of every type in <paramref name="assemblies"/> whose namespace starts with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Of(string prefix, params Assembly[] assemblies)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.Namespace is { } from && from.StartsWith(prefix, StringComparison.Ordinal))
            {
                graph._edges.TryAdd(from, new Dictionary<string, string>(StringComparer.Ordinal));
                foreach (var used in UsedTypes(type))
                {
                    graph.Add(from, type, used, prefix);
                }
            }
        }

        return graph;
    }

    /// <summary>A graph given edge by edge (for testing the cycle search itself).</summary>
    public static NamespaceGraph From(params (string From, string To)[] edges)
    {
        var graph = new NamespaceGraph();
        foreach (var (from, to) in edges)
        {
            graph._edges.TryAdd(from, new Dictionary<string, string>(StringComparer.Ordinal));
            graph._edges.TryAdd(to, new Dictionary<string, string>(StringComparer.Ordinal));
            graph._edges[from].TryAdd(to, $"{from} -> {to}");
        }

        return graph;
    }

    /// <summary>The namespaces that reach each other (strongly connected components of more than one namespace).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm; the graphs are small, recursion is fine.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next) && index.TryGetValue(next, out var nextIndex))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    result.Add(component);
                }
            }
        }

        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return result;
    }

    /// <summary>The cycles in words, each edge inside a cycle with its example.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        string.Join("; ", cycle.SelectMany(from => _edges[from]
            .Where(e => cycle.Contains(e.Key))
            .Select(e => $"{from} -> {e.Key} ({e.Value})")));

    private void Add(string from, Type source, Type used, string prefix)
    {
        if (used.Namespace is { } to && to != from && to.StartsWith(prefix, StringComparison.Ordinal))
        {
            _edges[from].TryAdd(to, $"{source.FullName} uses {used.FullName}");
        }
    }

    private static HashSet<Type> UsedTypes(Type type)
    {
        var found = new HashSet<Type>();
        void Note(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Note(t.GetElementType());
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Note(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Note(argument);
                }
            }

            if (t.IsGenericParameter)
            {
                foreach (var constraint in t.GetGenericParameterConstraints())
                {
                    Note(constraint);
                }
            }
        }

        Note(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Note(i);
        }

        foreach (var field in type.GetFields(All))
        {
            Note(field.FieldType);
        }

        foreach (var property in type.GetProperties(All))
        {
            Note(property.PropertyType);
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                Note(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Note(parameter.ParameterType);
            }

            foreach (var named in BodyReferences(type, method))
            {
                Note(named);
            }
        }

        return found;
    }

    /// <summary>The types a method body names: locals, and the declaring and signature types of each token.</summary>
    private static IEnumerable<Type> BodyReferences(Type type, MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    foreach (var named in Named(member))
                    {
                        yield return named;
                    }

                    position += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> Named(MemberInfo? member)
    {
        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                if (m.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (m is MethodInfo info)
                {
                    yield return info.ReturnType;
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        yield return argument;
                    }
                }

                foreach (var parameter in m.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }
}
