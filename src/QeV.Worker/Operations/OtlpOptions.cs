using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Operations;

/// <summary>Section Otlp: metrics and traces over OTLP/HTTP (protobuf); off while Endpoint is empty.</summary>
public sealed class OtlpOptions
{
    public const string Section = "Otlp";

    /// <summary>Base URL of the collector, e.g. http://otel-collector:4318; /v1/metrics and /v1/traces are appended.</summary>
    [HttpUrl]
    public string? Endpoint { get; set; }

    /// <summary>Service name in the backend; several instances are told apart by host name.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = Allowed.Present)]
    public string ServiceName { get; set; } = "qev-worker";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);
}
