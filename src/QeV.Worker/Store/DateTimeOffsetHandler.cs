using System.Data;
using System.Globalization;
using Dapper;

namespace QeV.Worker.Store;

/// <summary>
/// Reads instants back from either engine. Writing goes through <see cref="ISqlDialect.Instant"/>, because SQLite keeps
/// them as ISO text in UTC (so text order is time order) and PostgreSQL as timestamptz.
/// </summary>
public sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string TextFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }
    }

    public static string ToText(DateTimeOffset value) => value.ToUniversalTime().ToString(TextFormat, CultureInfo.InvariantCulture);

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        throw new InvalidOperationException("Zeitpunkte bitte über ISqlDialect.Instant übergeben.");

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset d => d,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Kein Zeitpunkt: {value}"),
    };
}
