using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Worker.Dispatch;
using QeV.Worker.Dispatch.Rendering;
using QeV.Worker.Settings;
using QeV.Worker.Ledger;
using QeV.Worker.Notifications;
using QeV.Worker.Operations;
using QeV.Worker.Profiles;

namespace QeV.Worker.Notifications;

public static class NotificationRegistration
{
    /// <summary>From owed deadlines to delivered mails: the ledger, mail, and the planning steps the schedule drives.</summary>
    public static IHostApplicationBuilder AddQevNotifications(this IHostApplicationBuilder builder)
    {
        builder.AddQevLedger().AddQevMail();
        var services = builder.Services;
        // Section Notifications is shared with DispatchOptions; a key neither knows is reported by SectionKeysValidator.
        services.AddValidatedOptions<NotificationOptions>(NotificationOptions.Section, rejectUnknownKeys: false);
        services.AddSingleton<IValidateOptions<NotificationOptions>>(sp => new SectionKeysValidator<NotificationOptions>(
            sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), NotificationOptions.Section, typeof(NotificationOptions), typeof(DispatchOptions)));

        // The stages of the selected profile with the Rules:<id> overrides (bound and checked with RulesOptions).
        services.AddOptions<NotificationRulesOptions>().Configure<IOptions<RulesOptions>>((o, rules) =>
        {
            o.ProfileName = rules.Value.Profile.Name;
            o.Stages.Clear();
            foreach (var (rule, stages) in NotificationRules.StagesOf(rules.Value.Profile))
            {
                o.Stages[rule] = stages;
            }

            // A rule off in the default profile but on in a Jugendamt's (Rules:Jugendaemter) has deadlines there: it is
            // reminded with the stages of the first such profile (by organisation id).
            foreach (var other in rules.Value.Map.ByJugendamt.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))
            {
                foreach (var (rule, stages) in NotificationRules.StagesOf(other).Where(s => s.Value.Enabled))
                {
                    if (!o.Stages.TryGetValue(rule, out var own) || !own.Enabled)
                    {
                        o.Stages[rule] = stages;
                    }
                }
            }
        });

        // Notifications:TemplateFolder overrides the built-in templates the dispatcher renders with.
        // Notifications:DataContact is named in every mail as the place to report wrong data.
        services.AddSingleton(sp =>
        {
            var notifications = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return new MailTemplates(notifications.TemplateFolder is { Length: > 0 } folder ? folder : null, notifications.EffectiveDataContact());
        });
        services.AddSingleton(sp => new NoticePlanner(
            sp.GetRequiredService<IOptions<NotificationRulesOptions>>().Value, sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton<DigestPlanner>();
        services.AddSingleton<NotificationCycle>();
        services.AddSingleton<TablePlanner>();
        services.AddSingleton<NoticePreview>();
        services.AddSingleton<DispatchAlert>();
        services.AddSingleton<WorkerHeartbeat>();
        return builder;
    }
}
