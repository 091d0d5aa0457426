namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>
/// A corpus file as SMTP would deliver it. Files saved from an mbox begin with the mbox separator line
/// ("From sender date", RFC 4155 §2), which is the mailbox file's framing and not part of the message: no mail server
/// hands it on, so the replay drops it. Nothing else is changed.
/// </summary>
public static class SmtpForm
{
    public static byte[] Of(byte[] file)
    {
        if (!file.AsSpan().StartsWith("From "u8))
        {
            return file;
        }
        var lineEnd = file.AsSpan().IndexOf((byte)'\n');
        return lineEnd < 0 ? [] : file[(lineEnd + 1)..];
    }
}
