namespace QeV.Worker.Scheduling;

/// <summary>Section Cluster: how quickly instances on PostgreSQL notice that one of them has gone.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);
}
