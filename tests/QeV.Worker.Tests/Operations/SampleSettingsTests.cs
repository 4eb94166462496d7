using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Office;
using QeV.Worker.Operations;
using QeV.Worker.Scheduling;
using QeV.Worker.Store;

using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Tests.Operations;

/// <summary>appsettings.sample.json lists every setting with its default, passes the start-up checks, and sets no rule values.</summary>
public sealed class SampleSettingsTests
{
    private static readonly string SamplePath = Path.Combine(
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "appsettings.sample.json");

    private static IConfigurationRoot Sample() => new ConfigurationBuilder().AddJsonFile(SamplePath).Build();

    public static TheoryData<Type, string> Sections => new()
    {
        { typeof(DatabaseOptions), DatabaseOptions.Section },
        { typeof(OfficeOptions), OfficeOptions.Section },
        { typeof(MailOptions), MailOptions.Section },
        { typeof(NotificationOptions), NotificationOptions.Section },
        { typeof(DispatchOptions), DispatchOptions.Section },
        { typeof(ScheduleOptions), ScheduleOptions.Section },
        { typeof(ClusterOptions), ClusterOptions.Section },
        { typeof(HealthOptions), HealthOptions.Section },
        { typeof(OtlpOptions), OtlpOptions.Section },
        { typeof(ClockOptions), ClockOptions.Section },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Sample_EverySettingOfTheSection_IsListedWithItsDefault(Type options, string section)
    {
        var sample = Sample();
        foreach (var (key, value) in Settings(Activator.CreateInstance(options)!, section))
        {
            var listed = sample.GetSection(key);
            listed.Exists().ShouldBeTrue($"{key} is missing in appsettings.sample.json");
            string.Equals(listed.Value ?? "", value, StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"{key}: the sample shows „{listed.Value}“, the default is „{value}“");
        }
    }

    [Fact]
    public void Sample_RulesSection_SetsOnlyTheProfile()
    {
        Sample().GetSection("Rules").GetChildren().Select(c => c.Key).ShouldBe(["Profile"]);
    }

    [Fact]
    public void Sample_AsConfiguration_PassesTheStartUpChecks()
    {
        using var temp = new Support.TempFolder();
        var builder = QevHost.CreateBuilder([], temp.Combine("qev.db"), quiet: true);
        builder.Configuration.AddJsonFile(SamplePath);
        builder.Configuration.AddInMemoryCollection([new("Serilog:WriteTo:1:Args:path", temp.Combine("logs", "qev-.clef"))]);
        builder.AddQevScheduling();
        using var host = builder.Build();
        Should.NotThrow(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    /// <summary>The keys of an options class with their default values as configuration text.</summary>
    private static IEnumerable<(string Key, string Value)> Settings(object options, string path)
    {
        foreach (var property in options.GetType().GetProperties().Where(p => p.CanWrite))
        {
            var value = property.GetValue(options);
            var key = $"{path}:{property.Name}";
            var type = property.PropertyType;
            if (value is not null && type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type))
            {
                foreach (var nested in Settings(value, key))
                {
                    yield return nested;
                }

                continue;
            }

            yield return (key, value switch
            {
                null => "",
                bool b => b ? "true" : "false",
                TimeSpan t => t.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            });
        }
    }
}
