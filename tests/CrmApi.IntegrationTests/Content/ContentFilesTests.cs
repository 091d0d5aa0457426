using System.Net;
using System.Net.Http.Headers;
using OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

namespace OutlookCrm.CrmApi.IntegrationTests.Content;

/// <summary>A document's file: uploaded by its owner, downloaded through the link in the email, never rendered here.</summary>
public class ContentFilesTests(CrmApiFactory factory)
{
    private static async Task<Reply> UploadAsync(CrmClient rep, Guid id, byte[] bytes, string contentType, string fileName = "proposal.pdf")
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await rep.Http.PutAsync($"/api/content/{id}/file?fileName={Uri.EscapeDataString(fileName)}", content, TestContext.Current.CancellationToken);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<Guid> DocumentAsync(CrmClient rep) =>
        (await rep.PostAsync("/api/content", new { kind = "document", name = "Proposal", sharing = "everyone" })).Json.GetProperty("id").GetGuid();

    [Fact]
    public async Task Upload_ThenTheEmailLinkDownloadsItAsAnAttachment()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var document = await DocumentAsync(rep);
        var bytes = "%PDF-1.7 proposal"u8.ToArray();

        var uploaded = await UploadAsync(rep, document, bytes, "application/pdf");

        Assert.True(uploaded.Status == HttpStatusCode.OK, uploaded.Text);
        Assert.True(uploaded.Json.GetProperty("hasFile").GetBoolean());
        var url = uploaded.Json.GetProperty("url").GetString()!;
        Assert.Matches("^http://localhost/files/[A-Za-z0-9_-]{32}$", url);
        var rendered = (await rep.PostAsync($"/api/content/{document}/render", new { recordIds = Array.Empty<Guid>() })).Json;
        Assert.Equal($"<a href=\"{url}\">Proposal</a>", rendered.GetProperty("html").GetString());
        var download = await factory.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task HtmlFile_IsServedAsOpaqueBytes_NeverAsAPageOfThisOrigin()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var document = await DocumentAsync(rep);

        var url = (await UploadAsync(rep, document, "<script>steal()</script>"u8.ToArray(), "text/html", "page.html")).Json.GetProperty("url").GetString()!;
        var download = await factory.CreateClient().GetAsync(new Uri(url).PathAndQuery, TestContext.Current.CancellationToken);

        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ByATeammate_IsForbidden_TooBigOrEmptyOrNotADocument_IsAProblem()
    {
        var rep = await CrmClient.SignInAsync(factory);
        var document = await DocumentAsync(rep);
        var teammate = await CrmClient.SignInAsync(factory, $"kim@{rep.Email[(rep.Email.IndexOf('@') + 1)..]}");
        var snippet = (await rep.PostAsync("/api/content", new { kind = "snippet", name = "S", bodyHtml = "<p>x</p>" })).Json.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(teammate, document, [1, 2, 3], "application/pdf")).Status);
        (await UploadAsync(rep, document, new byte[(10 * 1024 * 1024) + 1], "application/pdf")).AssertProblem(HttpStatusCode.BadRequest, "file");
        (await UploadAsync(rep, document, [], "application/pdf")).AssertProblem(HttpStatusCode.BadRequest, "file");
        (await UploadAsync(rep, document, [1], "application/pdf", "")).AssertProblem(HttpStatusCode.BadRequest, "fileName");
        (await UploadAsync(rep, snippet, [1], "application/pdf")).AssertProblem(HttpStatusCode.BadRequest, "id");
        Assert.False((await rep.GetAsync($"/api/content/{document}")).Json.GetProperty("hasFile").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/files/unknown-token", TestContext.Current.CancellationToken)).StatusCode);
    }
}
