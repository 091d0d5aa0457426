using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Common;

public class CsvTests
{
    [Theory]
    [InlineData("Megan Bowen", "Megan Bowen")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("Bowen, Megan", "\"Bowen, Megan\"")]
    [InlineData("She said \"yes\"", "\"She said \"\"yes\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Cell_QuotesAsRfc4180Says(string? value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 20 123", "'+31 20 123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Cell_NeutralisesWhatASpreadsheetWouldRun(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Line_JoinsWithCommasAndEndsWithCrLf() => Assert.Equal("a,\"b,c\",,'=d\r\n", Csv.Line(["a", "b,c", null, "=d"]));
}
