using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Worker.Dispatch;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Dispatch.Rendering;
using QeV.Worker.Ledger;
using QeV.Worker.Notifications;

namespace QeV.Worker.Hosting;

public static class NotificationRegistration
{
    /// <summary>Planner, ledger, dispatcher and mail: from owed deadlines to delivered mails.</summary>
    public static IHostApplicationBuilder AddQevNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();

        // The stages of the selected profile with the Rules:<id> overrides (bound and checked with RulesOptions).
        services.AddOptions<NotificationRulesOptions>().Configure<IOptions<RulesOptions>>((o, rules) =>
        {
            o.ProfileName = rules.Value.Profile.Name;
            o.Stages.Clear();
            foreach (var (rule, stages) in NotificationRules.StagesOf(rules.Value.Profile))
            {
                o.Stages[rule] = stages;
            }
        });

        services.AddSingleton(sp => new NoticePlanner(
            sp.GetRequiredService<IOptions<NotificationRulesOptions>>().Value, sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton<DigestPlanner>();
        services.AddSingleton<NoticeLedger>();
        services.AddSingleton<DataProblemStore>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupMailTransport>());
        services.AddSingleton(sp => new MailTemplates(
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value.TemplateFolder is { Length: > 0 } folder ? folder : null));
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<BundleRenderer>();
        services.AddSingleton<NoticeMailFactory>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<NotificationCycle>();
        services.AddSingleton<NoticePreview>();
        return builder;
    }
}
