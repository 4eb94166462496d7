using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Worker.Settings;

namespace QeV.Worker.Office;

public static class OfficeRegistration
{
    /// <summary>The clock, the office's time zone and Bundesland, and its business calendar.</summary>
    public static IHostApplicationBuilder AddQevOffice(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(ClockFrom(builder.Configuration));
        services.AddValidatedOptions<OfficeOptions>(OfficeOptions.Section);
        services.AddSingleton<OfficeClock>();
        services.AddSingleton<BusinessCalendar>();
        return builder;
    }

    /// <summary>TimeProvider.System, or real time shifted to Clock:Start for demonstrations and tests.</summary>
    private static TimeProvider ClockFrom(IConfiguration configuration)
    {
        var start = configuration[$"{ClockOptions.Section}:{nameof(ClockOptions.Start)}"];
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        return DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? new ShiftedTimeProvider(TimeProvider.System, instant - TimeProvider.System.GetUtcNow())
            : throw new OptionsValidationException(ClockOptions.Section, typeof(ClockOptions),
                [$"Clock:Start: „{start}“ ist kein Zeitpunkt; erlaubt: ein ISO-8601-Zeitpunkt wie 2026-11-23T08:00:00+01:00 oder leer."]);
    }
}
