using System.ComponentModel.DataAnnotations;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>A Quartz cron expression (seconds first, "?" for day of month or day of week).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuartzCronAttribute : ValidationAttribute
{
    public const string Help = "erlaubt: ein Quartz-Cron-Ausdruck mit Sekunden zuerst, z. B. 0 0/15 * * * ? (alle 15 Minuten) oder 0 30 7 ? * MON-FRI.";

    public QuartzCronAttribute() : base(Help) { }

    public override bool IsValid(object? value) => value is string text && CronExpression.TryParse(text, out _);
}
