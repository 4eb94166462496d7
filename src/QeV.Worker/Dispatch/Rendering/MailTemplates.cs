using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using HandlebarsDotNet;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Loads mail templates by name, first from the override folder ("&lt;folder&gt;/&lt;name&gt;.hbs"), else from the
/// templates embedded in the worker; compiles each once (thread-safe) and keeps it. A changed override file is
/// read again only after a restart.
/// </summary>
public sealed class MailTemplates
{
    public const string ResourcePrefix = "QeV.Worker.Templates.";
    public const string Extension = ".hbs";

    private static readonly Assembly Resources = typeof(MailTemplates).Assembly;

    private readonly IHandlebars _text = MailHandlebars.Create(noEscape: true);
    private readonly IHandlebars _html = MailHandlebars.Create(noEscape: false);

    // Handlebars environments are not documented as safe for concurrent compilation; compiling is rare (cached).
    private readonly Lock _compile = new();
    private readonly ConcurrentDictionary<string, Lazy<MailTemplate?>> _contents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<MailLayout>> _layouts = new(StringComparer.Ordinal);

    public MailTemplates(string? overrideFolder = null, string? dataContact = null)
    {
        OverrideFolder = string.IsNullOrWhiteSpace(overrideFolder) ? null : Path.GetFullPath(overrideFolder);
        DataContact = string.IsNullOrWhiteSpace(dataContact) ? null : dataContact.Trim();
    }

    public string? OverrideFolder { get; }

    /// <summary>Whom to contact when a mail's data is wrong (Notifications:DataContact); the layouts show it as <c>@contact</c>.</summary>
    public string? DataContact { get; }

    /// <summary>Names of the templates embedded in the worker, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } =
    [
        .. Resources.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(Extension, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The source of a template (override folder first), or null when neither has it.</summary>
    public string? FindText(string name)
    {
        if (!MailTemplateNames.IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid mail template name.", nameof(name));

        if (OverrideFolder is not null)
        {
            var path = Path.Combine(OverrideFolder, name + Extension);
            if (File.Exists(path))
                return File.ReadAllText(path, Encoding.UTF8);
        }

        using var stream = Resources.GetManifestResourceStream(ResourcePrefix + name + Extension);
        if (stream is null)
            return null;

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public string LoadText(string name) =>
        FindText(name) ?? throw new InvalidOperationException($"Mail template '{name}' not found.");

    /// <summary>The compiled content template, or null when no template of that name exists.</summary>
    public MailTemplate? TryContent(string name) =>
        _contents.GetOrAdd(name, static (n, self) => new Lazy<MailTemplate?>(() => self.CompileContent(n)), this).Value;

    /// <summary>The template of a rule and kind ("F01.reminder"), else the generic one ("generic.reminder").</summary>
    public MailTemplate ContentFor(string? rule, string kindName, string? profile = null)
    {
        var candidates = MailTemplateNames.Candidates(rule, kindName, profile);
        foreach (var name in candidates)
        {
            if (TryContent(name) is { } template)
                return template;
        }

        throw new InvalidOperationException($"No mail template found; tried {string.Join(", ", candidates)}.");
    }

    public MailTemplate ContentFor(NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ContentFor(content.Rule, MailTemplateNames.KindName(content.Kind), content.Profile);
    }

    public MailLayout TextLayout => Layout(MailTemplateNames.TextLayout, _text);

    public MailLayout HtmlLayout => Layout(MailTemplateNames.HtmlLayout, _html);

    private MailTemplate? CompileContent(string name)
    {
        if (FindText(name) is not { } source)
            return null;

        lock (_compile)
            return new MailTemplate(name, source, _text, _html);
    }

    private MailLayout Layout(string name, IHandlebars env) =>
        _layouts.GetOrAdd(name, n => new Lazy<MailLayout>(() =>
        {
            var source = LoadText(n);
            lock (_compile)
                return new MailLayout(n, source, env, DataContact);
        })).Value;
}
