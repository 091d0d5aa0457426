namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// A valid body for every /api route that takes one, by "METHOD pattern": the sweeps (tenancy, SQL in every text
/// field) send them; a new route fails the sweeps until it has one here.
/// </summary>
public static class SampleBodies
{
    // Sample bodies by "METHOD pattern". {own:type} is a record of the caller's; {victim:type} one of the first account's.
    public static readonly IReadOnlyDictionary<string, string> ByRoute = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/records/{type}"] = """{"name":"Made by the second account"}""",
        ["PATCH /api/records/{type}/{id}"] = """{"name":"Hijacked","properties":{"stolen":true}}""",
        ["POST /api/object-types"] = """{"name":"project","label":"Project"}""",
        ["POST /api/associations"] = """{"fromId":"{own:contact}","toId":"{victim:company}"}""",
        ["PUT /api/settings/privacy"] = """{"enabled":true,"unknownRecipients":"block","internalDomains":["intruder.example.com"]}""",
        ["POST /api/subscription-types"] = """{"name":"newsletter","label":"Newsletter"}""",
        ["POST /api/contacts/{id}/subscriptions"] = """{"type":"one-to-one","legalBasis":"consent","explanation":"Hijack"}""",
        ["POST /api/contacts/{id}/one-time-basis"] = """{"legalBasis":"consent","explanation":"Hijack","transactional":true}""",
        ["POST /api/contacts/{id}/global-opt-out"] = """{"optedOut":true}""",
        ["POST /api/contacts/{id}/erase"] = "{}",
        ["POST /api/content"] = """{"kind":"snippet","name":"Intruder snippet","bodyHtml":"<p>Hello</p>"}""",
        ["PATCH /api/content/{id}"] = """{"name":"Hijacked","bodyHtml":"<p>Hijacked</p>","sharing":"everyone"}""",
        ["POST /api/content/{id}/render"] = """{"recordIds":["{victim:contact}"]}""",
        ["POST /api/content/{id}/rotate-link"] = "{}",
        ["PUT /api/content/{id}/file"] = "{}",
        ["POST /api/teams"] = """{"name":"Intruders","memberIds":[]}""",
        ["POST /api/emails/log"] = """{"internetMessageId":"<victim@example.com>","messageId":"AAMk-victim","associations":["{victim:deal}"]}""",
        ["POST /api/contacts/from-address"] = """{"address":"new.person@intruder-corp.example.com"}""",
        ["POST /api/mailboxes"] = """{"address":"nobody-in-m365@contoso.example.com","kind":"personal"}""",
        ["POST /api/mailboxes/{id}/reprocess"] = "{}",
        ["POST /api/mailboxes/{id}/import"] = """{"days":1}""",
        ["PUT /api/mailboxes/{id}/members"] = """{"userIds":[]}""",
        ["POST /api/mailboxes/{id}/dead-letters/retry"] = "{}",
        ["POST /api/mailboxes/{id}/dead-letters/{letterId}/retry"] = "{}",
        ["PUT /api/log-intents/{trackingId}"] = """{"log":true,"associations":["{victim:deal}"]}""",
        ["POST /api/log-intents/starts"] = """{"to":["someone@example.com"],"startedFrom":"{victim:deal}"}""",
        ["PUT /api/log-intents/{trackingId}/default"] = """{"to":["someone@example.com"]}""",
        ["PUT /api/settings/logging"] = """{"createContacts":"off"}""",
        ["PUT /api/me/logging"] = """{"outgoing":"knownContacts"}""",
        ["PUT /api/settings/access"] = """{"allowGuests":false}""",
        ["POST /api/never-log/{id}/restore"] = "{}",
        ["PUT /api/address-choices"] = """{"address":"megan.secret@victim-fabrikam.example.com","contactId":"{victim:contact}"}""",
        ["POST /api/never-log"] = """{"value":"newsletters.example.net","confirmPurge":true}""",
        ["POST /api/compose/context"] = """{"to":["megan.secret@victim-fabrikam.example.com"],"associations":["{victim:ticket}"]}""",
        ["POST /api/compose/send-check"] = """{"trackingId":"t-intruder","to":["megan.secret@victim-fabrikam.example.com"],"associations":["{victim:deal}"]}""",
    };
}
