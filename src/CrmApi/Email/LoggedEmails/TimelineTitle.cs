namespace OutlookCrm.CrmApi.Email.LoggedEmails;

/// <summary>
/// The title an email has on a timeline: "Email - &lt;subject&gt;", and for a forward always "Email - Fwd: &lt;subject&gt;"
/// whatever prefix (or language) the mail client used, as in the reference product.
/// </summary>
public static class TimelineTitle
{
    public const string NoSubject = "(no subject)";

    public static string For(string kind, string subject)
    {
        var bare = BaseSubject(subject);
        return kind switch
        {
            EmailKinds.Forward => $"Email - Fwd: {bare}",
            EmailKinds.Reply => $"Email - Re: {bare}",
            _ => $"Email - {(subject.Trim().Length == 0 ? NoSubject : subject.Trim())}",
        };
    }

    /// <summary>The subject without its reply/forward prefixes ("RE: FW: AW: x" → "x").</summary>
    public static string BaseSubject(string subject)
    {
        var bare = SubjectPrefixes.Strip(subject);
        return bare.Length == 0 ? NoSubject : bare;
    }
}
