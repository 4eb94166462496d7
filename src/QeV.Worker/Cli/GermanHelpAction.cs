using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;

namespace QeV.Worker.Cli;

/// <summary>`--help` in German: System.CommandLine's own help keeps "Description:" and "[command] [options]" in English.</summary>
public sealed class GermanHelpAction : SynchronousCommandLineAction
{
    public const string HelpDescription = "diese Hilfe anzeigen";

    public override int Invoke(ParseResult parseResult)
    {
        Console.Out.Write(Render(parseResult.CommandResult.Command));
        return 0;
    }

    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Description = HelpDescription;
            help.Action = new GermanHelpAction();
        }
    }

    public static string Render(Command command)
    {
        var sb = new StringBuilder();
        var path = command is RootCommand ? "qev" : $"qev {command.Name}";
        if (!string.IsNullOrEmpty(command.Description))
        {
            sb.Append("Beschreibung:\n  ").Append(command.Description).Append("\n\n");
        }

        var usage = new StringBuilder(path);
        foreach (var argument in command.Arguments)
        {
            usage.Append(" <").Append(argument.Name).Append('>');
        }

        if (command.Subcommands.Count > 0)
        {
            usage.Append(" [Befehl]");
        }

        usage.Append(" [Optionen]");
        sb.Append("Aufruf:\n  ").Append(usage).Append("\n\n");

        if (command.Arguments.Count > 0)
        {
            sb.Append("Argumente:\n");
            Table(sb, command.Arguments.Select(a => ($"<{a.Name}>", a.Description ?? "")));
        }

        var options = AllOptions(command).Where(o => !o.Hidden).ToList();
        if (options.Count > 0)
        {
            sb.Append("Optionen:\n");
            Table(sb, options.Select(o => (Names(o), Describe(o))));
        }

        if (command.Subcommands.Count > 0)
        {
            sb.Append("Befehle:\n");
            Table(sb, command.Subcommands.Where(c => !c.Hidden).Select(c =>
                (c.Name + string.Concat(c.Arguments.Select(a => $" <{a.Name}>")), c.Description ?? "")));
            sb.Append("Hilfe zu einem Befehl: qev <Befehl> --help\n");
        }

        return sb.ToString();
    }

    private static IEnumerable<Option> AllOptions(Command command)
    {
        var own = command.Options.ToList();
        var inherited = command.Parents.OfType<Command>().SelectMany(AncestorsAndSelf).SelectMany(c => c.Options)
            .Where(o => o.Recursive && !own.Contains(o));
        return own.Concat(inherited).DistinctBy(o => o.Name);
    }

    private static IEnumerable<Command> AncestorsAndSelf(Command command) =>
        new[] { command }.Concat(command.Parents.OfType<Command>().SelectMany(AncestorsAndSelf));

    private static string Names(Option option)
    {
        var names = option.Aliases.Where(a => a != option.Name).OrderBy(a => a.Length).Append(option.Name);
        var value = option.ValueType == typeof(bool) ? "" : $" <{option.Name.TrimStart('-')}>";
        return string.Join(", ", names) + value;
    }

    private static string Describe(Option option)
    {
        var text = option.Description ?? "";
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value)
        {
            text += $" (Standard: {value})";
        }

        return text;
    }

    private static void Table(StringBuilder sb, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in list)
        {
            sb.Append("  ").Append(left.PadRight(width)).Append(right).Append('\n');
        }

        sb.Append('\n');
    }
}
