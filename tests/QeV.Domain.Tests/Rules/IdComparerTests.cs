using QeV.Domain.Facts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// The natural order of ids behind "the lowest <c>staff_id</c>" (DOMAIN.md, F07 and F09): digit runs compare by
/// value, so "S-7" comes before "S-10".
/// </summary>
public sealed class IdComparerTests
{
    private static readonly IdComparer Comparer = IdComparer.Instance;

    [Theory]
    [InlineData("S-7", "S-10")]
    [InlineData("S-9", "S-10")]
    [InlineData("S-2", "S-11")]
    [InlineData("S-99", "S-100")]
    [InlineData("S-1-2", "S-1-10")]
    [InlineData("A-10", "B-2")]
    [InlineData("S-1", "S-1a")]
    [InlineData("S-99999999999999999999", "S-100000000000000000000")]
    public void Compare_NaturallySmallerFirst_IsNegativeAndReverseIsPositive(string smaller, string larger)
    {
        // Given
        // When
        var forward = Comparer.Compare(smaller, larger);
        var backward = Comparer.Compare(larger, smaller);

        // Then
        forward.ShouldBeLessThan(0);
        backward.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Compare_EqualButDistinctStrings_IsZero()
    {
        // Given
        var x = string.Concat("S-", "7");

        // When
        var result = Comparer.Compare(x, "S-7");

        // Then
        result.ShouldBe(0);
    }

    [Theory]
    [InlineData("S-007", "S-7")]
    [InlineData("S-07", "S-7")]
    public void Compare_LeadingZerosSameValue_DistinctAndAntisymmetric(string padded, string plain)
    {
        // Given
        // When
        var forward = Comparer.Compare(padded, plain);
        var backward = Comparer.Compare(plain, padded);

        // Then: a total order keeps different ids apart, so the lowest id is well defined
        forward.ShouldNotBe(0);
        Math.Sign(backward).ShouldBe(-Math.Sign(forward));
    }

    [Fact]
    public void Order_LeadingZerosSameValue_SortedBesideTheUnpaddedId()
    {
        // Given
        string[] ids = ["S-8", "S-007", "S-10", "S-6", "S-7"];

        // When
        var ordered = ids.Order(Comparer).ToList();

        // Then
        ordered[0].ShouldBe("S-6");
        ordered[1..3].ShouldBe(["S-007", "S-7"], ignoreOrder: true);
        ordered[3..].ShouldBe(["S-8", "S-10"]);
    }

    [Fact]
    public void Order_MixedIds_NaturalOrder()
    {
        // Given
        string[] ids = ["S-10", "S-9", "S-100", "S-1", "S-11", "S-2"];

        // When
        var ordered = ids.Order(Comparer).ToList();

        // Then
        ordered.ShouldBe(["S-1", "S-2", "S-9", "S-10", "S-11", "S-100"]);
    }

    [Fact]
    public void Compare_Null_SortsFirst()
    {
        // Given
        // When
        // Then
        Comparer.Compare(null, "S-1").ShouldBeLessThan(0);
        Comparer.Compare("S-1", null).ShouldBeGreaterThan(0);
        Comparer.Compare(null, null).ShouldBe(0);
    }
}
