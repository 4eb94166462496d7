using System.Collections;
using System.Globalization;
using HandlebarsDotNet;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Creates the Handlebars environments of the mail templates. A misspelt field or helper throws instead of
/// rendering empty, so a template can never silently drop the date or the file reference.
/// </summary>
/// <remarks>
/// Helpers: <c>date</c> (TT.MM.JJJJ), <c>status</c> (due, day), <c>plural</c> (count, singular, plural),
/// <c>names</c> (recipients or strings joined "A, B und C"), <c>count</c>, <c>or</c> (first non-empty argument),
/// <c>byRule</c> (digest lines grouped by rule, oldest first), <c>byDue</c> (oldest first) and <c>table</c> (overdue and
/// due-soon lines grouped by rule, overdue first, with counts).
/// </remarks>
internal static class MailHandlebars
{
    public static IHandlebars Create(bool noEscape)
    {
        var env = Handlebars.Create(new HandlebarsConfiguration
        {
            NoEscape = noEscape,
            ThrowOnUnresolvedBindingExpression = true,
            FormatProvider = MailFormat.German,
        });
        env.RegisterHelper("date", (_, args) => AsDate(args, 0) is { } d ? MailFormat.Date(d) : "");
        env.RegisterHelper("status", (_, args) =>
            AsDate(args, 0) is { } due && AsDate(args, 1) is { } day ? MailFormat.Status(due, day) : "");
        env.RegisterHelper("plural", (_, args) =>
            MailFormat.Plural(AsInt(args, 0), AsString(args, 1), AsString(args, 2)));
        env.RegisterHelper("names", (_, args) => MailFormat.JoinNames(Names(args)));
        env.RegisterHelper("count", (_, args) => Items(args, 0).Count());
        env.RegisterHelper("or", (_, args) => First(args));
        env.RegisterHelper("byRule", (_, args) => DigestGroup.ByRule(Items(args, 0).OfType<DigestLine>()));
        env.RegisterHelper("byDue", (_, args) => DigestGroup.ByDue(Items(args, 0).OfType<DigestLine>()));
        env.RegisterHelper("table", (_, args) =>
            DigestGroup.Table(Items(args, 0).OfType<DigestLine>(), Items(args, 1).OfType<DigestLine>()));
        return env;
    }

    private static object? Arg(Arguments args, int index) => index < args.Length ? args[index] : null;

    private static DateOnly? AsDate(Arguments args, int index) => Arg(args, index) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => null,
    };

    private static int AsInt(Arguments args, int index) =>
        Arg(args, index) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;

    private static string AsString(Arguments args, int index) =>
        Convert.ToString(Arg(args, index), CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<object> Items(Arguments args, int index) =>
        Arg(args, index) is IEnumerable items and not string ? items.Cast<object>() : [];

    private static List<string> Names(Arguments args) =>
    [
        .. Items(args, 0)
            .Select(item => item is Recipient r ? r.DisplayName : Convert.ToString(item, CultureInfo.InvariantCulture))
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!),
    ];

    private static object First(Arguments args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (HandlebarsUtils.IsTruthy(args[i]))
                return args[i] ?? "";
        }

        return "";
    }
}
