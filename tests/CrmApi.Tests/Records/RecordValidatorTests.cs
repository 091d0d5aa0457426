using System.Text.Json;
using OutlookCrm.CrmApi.Crm.Records;
using OutlookCrm.CrmApi.Platform.Common;

namespace OutlookCrm.CrmApi.Tests.Records;

public class RecordValidatorTests
{
    private static RecordInput Input(
        string? name = null, List<EmailInput>? emails = null, string? domain = null, string? stage = null, string? status = null,
        Dictionary<string, JsonElement>? properties = null) =>
        new(name, null, properties, emails, domain, stage, status);

    private static (RecordChanges Changes, Dictionary<string, string[]> Errors) Validate(string type, RecordInput input, bool creating = true)
    {
        var errors = new ValidationErrors();
        var changes = RecordValidator.Validate(type, input, creating, errors);
        return (changes, errors.ToDictionary());
    }

    [Fact]
    public void Validate_ContactWithoutPrimary_FirstAddressBecomesPrimary()
    {
        var (changes, errors) = Validate("contact", Input("Megan", [new("megan@fabrikam.com", false), new("m@outlook.com", false)]));

        Assert.Empty(errors);
        Assert.Equal([true, false], changes.Emails!.Select(email => email.Primary));
    }

    [Fact]
    public void Validate_ContactWithAddressOnly_NamedAfterPrimaryAddress()
    {
        var (changes, errors) = Validate("contact", Input(emails: [new("Megan@Fabrikam.com", true)]));

        Assert.Empty(errors);
        Assert.Equal("Megan@Fabrikam.com", changes.Name);
    }

    [Fact]
    public void Validate_TwoPrimaries_ReportsEmails()
    {
        var (_, errors) = Validate("contact", Input("M", [new("a@fabrikam.com", true), new("b@fabrikam.com", true)]));

        Assert.Contains("emails", errors.Keys);
    }

    [Fact]
    public void Validate_SameAddressTwiceInAnyCase_ReportsTheSecond()
    {
        var (_, errors) = Validate("contact", Input("M", [new("a@fabrikam.com", true), new("A@FABRIKAM.com", false)]));

        Assert.Contains("emails[1].address", errors.Keys);
    }

    [Theory]
    [InlineData("company", "emails")]
    [InlineData("deal", "emails")]
    public void Validate_EmailsOnANonContact_Refused(string type, string field)
    {
        var (_, errors) = Validate(type, Input("X", [new("a@fabrikam.com", true)]));

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Validate_TypedFieldOfAnotherType_NamedAsTheField()
    {
        var (_, errors) = Validate("contact", Input("X", domain: "fabrikam.com", stage: "closedWon", status: "closed"));

        Assert.Equal(["domain", "stage", "status"], errors.Keys.Order());
    }

    [Fact]
    public void Validate_NewDealAndTicket_GetDefaultStageAndStatus()
    {
        Assert.Equal(CoreFields.DefaultDealStage, Validate("deal", Input("D")).Changes.Stage);
        Assert.Equal(CoreFields.DefaultTicketStatus, Validate("ticket", Input("T")).Changes.Status);
    }

    [Fact]
    public void Validate_PatchWithNothing_ChangesNothing()
    {
        var (changes, errors) = Validate("deal", Input(), creating: false);

        Assert.Empty(errors);
        Assert.Null(changes.Name);
        Assert.Null(changes.Stage);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("dash-ed")]
    public void Validate_BadPropertyName_NamedInTheError(string key)
    {
        var properties = new Dictionary<string, JsonElement> { [key] = JsonSerializer.SerializeToElement("v") };

        var (_, errors) = Validate("company", Input("C", properties: properties));

        Assert.Contains($"properties.{key}", errors.Keys);
    }

    [Fact]
    public void Validate_NestedPropertyValue_Refused()
    {
        var properties = new Dictionary<string, JsonElement> { ["nested"] = JsonSerializer.SerializeToElement(new { a = 1 }) };

        var (_, errors) = Validate("company", Input("C", properties: properties));

        Assert.Contains("properties.nested", errors.Keys);
    }

    [Fact]
    public void Validate_MissingName_Required()
    {
        Assert.Contains("name", Validate("company", Input()).Errors.Keys);
        Assert.Contains("name", Validate("contact", Input()).Errors.Keys);
        Assert.Contains("name", Validate("deal", Input("   ")).Errors.Keys);
    }
}
