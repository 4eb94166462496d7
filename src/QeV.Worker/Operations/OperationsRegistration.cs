using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QeV.Worker.Settings;

namespace QeV.Worker.Operations;

public static class OperationsRegistration
{
    /// <summary>Health thresholds, the worker's metrics, and the OTLP export when Otlp:Endpoint is set.</summary>
    public static IHostApplicationBuilder AddQevOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        services.AddValidatedOptions<OtlpOptions>(OtlpOptions.Section);
        services.AddSingleton<QevMetrics>();
        services.AddSingleton<HealthReport>();
        services.AddSingleton<Doctor>();

        var otlp = new OtlpOptions();
        try
        {
            SettingsBinder.Bind(builder.Configuration, OtlpOptions.Section, otlp, rejectUnknownKeys: true);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            return builder; // reported by the start-up validation, naming the key
        }

        if (!Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            return builder;
        }

        var interval = (int)Math.Clamp(otlp.ExportInterval.TotalMilliseconds, 1_000, 3_600_000);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(otlp.ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m
                .AddMeter(QevMetrics.Name)
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = new Uri(endpoint, "v1/metrics");
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }))
            .WithTracing(t => t
                .AddSource(QevMetrics.Name)
                .AddOtlpExporter(exporter =>
                {
                    exporter.Endpoint = new Uri(endpoint, "v1/traces");
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                }));
        return builder;
    }
}
