using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Dispatch.Rendering;
using QeV.Worker.Settings;

namespace QeV.Worker.Dispatch;

public static class MailRegistration
{
    /// <summary>Mail settings, rendering, the transport and the dispatcher (the templates come with the notifications).</summary>
    public static IHostApplicationBuilder AddQevMail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MailOptions>(MailOptions.Section);
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddValidatedOptions<DispatchOptions>(DispatchOptions.Section, rejectUnknownKeys: false);
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupMailTransport>());
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<BundleRenderer>();
        services.AddSingleton<NoticeMailFactory>();
        services.AddSingleton<NoticeDispatcher>();
        return builder;
    }
}
