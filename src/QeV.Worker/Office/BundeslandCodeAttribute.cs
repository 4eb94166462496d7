using System.ComponentModel.DataAnnotations;
using QeV.Domain.Calendar;

namespace QeV.Worker.Office;

/// <summary>Empty, or the code of a Bundesland (ISO 3166-2:DE suffix).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BundeslandCodeAttribute : ValidationAttribute
{
    public BundeslandCodeAttribute()
        : base("kein Bundesland-Kürzel; erlaubt: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string code || string.IsNullOrWhiteSpace(code) || BundeslandCodes.TryParse(code, out _);
}
