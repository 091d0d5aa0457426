using System.Text.Json;
using OutlookCrm.CrmApi.Crm.Records;

namespace OutlookCrm.CrmApi.Tests.Records;

public class PropertyBagTests
{
    [Fact]
    public void Merge_ValueSetsAndNullRemoves()
    {
        var changes = new Dictionary<string, JsonElement>
        {
            ["industry"] = JsonSerializer.SerializeToElement("Retail"),
            ["employees"] = JsonSerializer.SerializeToElement((object?)null),
            ["rating"] = JsonSerializer.SerializeToElement(4.5),
        };

        var merged = PropertyBag.Merge("""{"industry":"Manufacturing","employees":120,"city":"Oslo"}""", changes);

        using var document = JsonDocument.Parse(merged);
        var root = document.RootElement;
        Assert.Equal("Retail", root.GetProperty("industry").GetString());
        Assert.False(root.TryGetProperty("employees", out _));
        Assert.Equal("Oslo", root.GetProperty("city").GetString());
        Assert.Equal(4.5, root.GetProperty("rating").GetDouble());
    }

    [Fact]
    public void Merge_NoChanges_ReturnsTheStoredText()
    {
        Assert.Equal("""{"a":1}""", PropertyBag.Merge("""{"a":1}""", null));
    }
}
