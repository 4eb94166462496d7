using System.Globalization;
using QeV.Domain.Tables;
using QeV.Worker.Import;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// Dates are read digit by digit before TryParseExact is asked (a million cases import some 30 million of them): the
/// cells accepted, the dates they give and the German errors must be exactly those of TryParseExact with JJJJ-MM-TT.
/// </summary>
public sealed class CellParserDateTests
{
    private static readonly ColumnSpec Date = new("date", ColumnKind.Date, Required: true);

    [Theory]
    [InlineData("2026-12-04")]
    [InlineData(" 2026-12-04 ")]
    [InlineData("2024-02-29")]
    [InlineData("2026-02-29")]
    [InlineData("2100-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("1900-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-04-31")]
    [InlineData("2026-04-00")]
    [InlineData("2026-1-01")]
    [InlineData("2026/12/04")]
    [InlineData("2026-12-4 ")]
    [InlineData("20261204")]
    [InlineData("2026-12-04T00:00")]
    [InlineData("04.12.2026")]
    [InlineData("２０２６-12-04")]
    [InlineData("2026-1a-04")]
    [InlineData("+026-12-04")]
    public void TryParse_ADateCell_AcceptsAndRefusesAsTryParseExactDoes(string cell)
    {
        var exact = DateOnly.TryParseExact(cell.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        var inRange = exact && expected >= CellParser.EarliestDate && expected <= CellParser.LatestDate;

        var parsed = CellParser.TryParse(Date, cell, out var value, out var error);

        parsed.ShouldBe(inRange, cell);
        if (inRange)
        {
            value.ShouldBe(expected);
            error.ShouldBeNull();
        }
        else
        {
            error.ShouldBe(exact
                ? $"„{cell}“ liegt außerhalb des plausiblen Bereichs (1900-01-01 bis 2100-12-31)."
                : $"„{cell}“ ist kein gültiges Datum (erwartet JJJJ-MM-TT, z. B. 2026-12-04).");
        }
    }
}
