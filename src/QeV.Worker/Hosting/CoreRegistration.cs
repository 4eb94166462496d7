using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Import;
using QeV.Worker.Office;
using QeV.Worker.Profiles;
using QeV.Worker.Scan;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Store;

namespace QeV.Worker.Hosting;

public static class CoreRegistration
{
    /// <summary>Clock, office, store, rules and import: what every command needs.</summary>
    public static IHostApplicationBuilder AddQevCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(ClockFrom(builder.Configuration));

        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficeOptions>, OfficeOptionsValidator>();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        DateOnlyHandler.Register();
        DateTimeOffsetHandler.Register();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<FactStore>();
        services.AddSingleton<OfficeClock>();
        services.AddSingleton<BusinessCalendar>();

        // Rules:Profile selects the agreement's values; Rules:<id>:… overrides any of them.
        var rules = builder.Configuration.GetSection(RulesOptions.Section);
        services.AddOptions<RulesOptions>().Configure(o => RuleProfileBinder.Bind(rules, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RuleProfileValidator>();
        foreach (var rule in RuleCatalog.All)
        {
            services.AddSingleton(rule);
        }

        services.AddSingleton<DeadlineEngine>();
        services.AddSingleton<ScanSettings>();
        services.AddSingleton<DeadlineScanner>();
        services.AddSingleton<DeadlineTableReader>();
        services.AddSingleton<DeadlineService>();

        services.AddSingleton<ImportWriter>();
        services.AddSingleton<Importer>();
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
                [$"Clock:Start: „{start}“ ist kein Zeitpunkt wie 2026-11-23T08:00:00+01:00."]);
    }
}
