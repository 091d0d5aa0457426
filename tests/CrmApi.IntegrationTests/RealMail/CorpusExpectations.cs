namespace OutlookCrm.CrmApi.IntegrationTests.RealMail;

/// <summary>How a corpus message arrives in the rep's mailbox.</summary>
public enum Arrival
{
    /// <summary>As it is: new mail, in no thread of ours.</summary>
    New,

    /// <summary>Into a logged thread: a reply, forward, auto-reply or report of an email the rep logged (<see cref="ThreadingHeaders"/>).</summary>
    InThread,

    /// <summary>
    /// Refused at the door with a 400 and its reason: a message without a From (Exchange Online refuses those too, 550
    /// 5.7.512, RFC 5322 §3.6.2) or one MimeKit cannot read at all.
    /// </summary>
    Refused,
}

/// <summary>What the product's rules should make of one corpus message, and why: written from the rules and the message, not from a run.</summary>
public sealed record Expected(Arrival Arrival, string Outcome, string Why);

/// <summary>
/// Every message of ../shared/corpus/mail with its expected outcome: "logged &lt;kind&gt;", "not logged: &lt;reason&gt;" or
/// "refused". Noise goes in threaded, so that only its rule keeps it off the timeline; ordinary new mail goes in as it
/// is and stays off until the rep logs it by hand (which the replay then does, to put every body through the writer).
/// </summary>
public static class CorpusExpectations
{
    private const string NotInThread = "not logged: not in a logged thread and no log intent";

    public static readonly IReadOnlyDictionary<string, Expected> ByFile = new Dictionary<string, Expected>(StringComparer.Ordinal)
    {
        ["035e8360-office365.eml"] = new(Arrival.InThread, "not logged: delivery report (bounce)", "Office 365 NDR: multipart/report; report-type=delivery-status"),
        ["0720cbc1-049.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 test message, new mail"),
        ["081e488d-long-header.eml"] = new(Arrival.New, NotInThread, "a 200 KB header, no Message-ID (the emulator gives one, as Exchange does)"),
        ["0c7eee11-outlook-test-invite.eml"] = new(Arrival.InThread, "not logged: calendar item (meeting request)", "Outlook invitation: multipart/alternative with text/calendar METHOD:REQUEST inside"),
        ["0f30840b-ks_c_5601-1987.eml"] = new(Arrival.New, NotInThread, "Korean charset, new mail"),
        ["11bad2f0-weird_to_header.eml"] = new(Arrival.New, NotInThread, "a To header MimeKit reads leniently, new mail"),
        ["15274754-bilingual-simple.eml"] = new(Arrival.New, NotInThread, "English and Russian, new mail"),
        ["161972be-m0020.eml"] = new(Arrival.InThread, "not logged: calendar item (meeting request)", "a newsletter's invitation: text/calendar METHOD:REQUEST in multipart/alternative"),
        ["1710b557-mailformed-headers.eml"] = new(Arrival.New, NotInThread, "8-bit garbage in the headers, new mail"),
        ["217ee0aa-015.eml"] = new(Arrival.InThread, "logged reply", "a help-desk system's \"Re:\" reply"),
        ["2acb6c4a-rfc3834-06.eml"] = new(Arrival.InThread, "not logged: automatic mail (Auto-Submitted)", "auto-responder: Auto-Submitted: auto-replied (and Precedence: bulk)"),
        ["31f9af46-029.eml"] = new(Arrival.New, NotInThread, "Netscape 4.7 test message, new mail"),
        ["33c0493d-000.eml"] = new(Arrival.New, NotInThread, "a message that is one PNG (image/png at the top), new mail"),
        ["3b0eb1a0-030.eml"] = new(Arrival.New, NotInThread, "Netscape 4.7 with an attachment, new mail"),
        ["3beae4e1-teams-meeting-invite.eml"] = new(Arrival.InThread, "not logged: calendar item (meeting request)", "Teams invitation: text/calendar inside multipart/alternative"),
        ["3c4a5cc9-rfc3834-03.eml"] = new(Arrival.InThread, "not logged: automatic reply (iCloud vacation reply)", "iCloud vacation reply: X-Apple-Action: VACATION, no Auto-Submitted"),
        ["41ccf432-new_line_in_to_header.eml"] = new(Arrival.New, NotInThread, "a folded To header, new mail"),
        ["482756cf-disposition-notification.eml"] = new(Arrival.InThread, "not logged: read receipt", "RFC 8098 read receipt"),
        ["4cf69e9e-japanese.eml"] = new(Arrival.New, NotInThread, "ISO-2022-JP, new mail"),
        ["4f50c883-issue358.eml"] = new(Arrival.InThread, "logged reply", "Italian Outlook \"R: R: R: I:\" with In-Reply-To: the outer prefix is a reply"),
        ["52c36969-rfc3834-01.eml"] = new(Arrival.InThread, "not logged: automatic mail (Auto-Submitted)", "vacation reply with Auto-Submitted"),
        ["56b7d788-multiple_references_with_one_invalid.eml"] = new(Arrival.InThread, "logged forward", "References only (one of them malformed) and no prefix: References alone is a forward unless a reply prefix says otherwise"),
        ["6313e17c-m0013.eml"] = new(Arrival.New, NotInThread, "ISO-8859-1 encoded subject, attachment, new mail"),
        ["67a291d0-from-encoding.eml"] = new(Arrival.InThread, "not logged: bulk mail (Precedence: bulk)", "a list reply (References only, \"Re:\") that says Precedence: bulk"),
        ["713f7737-017.eml"] = new(Arrival.New, NotInThread, "a multipart with a malformed Content-Type (no ';'), new mail"),
        ["7323010b-japanese_attachment_long_name.eml"] = new(Arrival.New, NotInThread, "Apple Mail, long Japanese attachment name, new mail"),
        ["76499085-043.eml"] = new(Arrival.New, NotInThread, "Netscape, ISO-8859-1 encoded word, new mail"),
        ["7a1cf190-052.eml"] = new(Arrival.New, NotInThread, "raw 8-bit subject, new mail"),
        ["7ba3adef-rfc3834-02.eml"] = new(Arrival.InThread, "not logged: automatic reply (Exchange inbox rule)", "Exchange out-of-office: X-MS-Exchange-Inbox-Rules-Loop, no Auto-Submitted"),
        ["815e97f0-multi-received-headers.eml"] = new(Arrival.InThread, "logged forward", "Gmail \"Fwd:\" with In-Reply-To: the forward prefix wins over In-Reply-To"),
        ["91d5997b-014.eml"] = new(Arrival.InThread, "not logged: bulk mail (List-Unsubscribe)", "mailing list post (List-Id, List-Unsubscribe, Precedence: list)"),
        ["939b4580-014.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 multipart/alternative, new mail"),
        ["979aaaba-alice.env.eml"] = new(Arrival.New, NotInThread, "S/MIME enveloped (application/pkcs7-mime), no Message-ID, new mail"),
        ["a5ab1379-lhost-office365-05.eml"] = new(Arrival.InThread, "not logged: delivery report (bounce)", "Outlook.com NDR"),
        ["adbfdfe4-021.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 with attachments, new mail"),
        ["aebe5252-issue158a.eml"] = new(Arrival.InThread, "logged forward", "\"Fwd:\" with In-Reply-To and References"),
        ["b0ac6cd7-issue149.eml"] = new(Arrival.New, NotInThread, "Hebrew (iso-8859-8-i) subject, new mail"),
        ["b0b5e89d-thunderbird-signed.eml"] = new(Arrival.New, NotInThread, "Thunderbird S/MIME multipart/signed, 200 KB, new mail"),
        ["b3622c4f-lhost-exchange2007-07.eml"] = new(Arrival.InThread, "not logged: delivery report (bounce)", "Italian Exchange 2007 NDR (\"Non recapitabile\")"),
        ["b82c396c-issue1130.eml"] = new(Arrival.New, NotInThread, "format=flowed; delsp=yes, no Message-ID, new mail"),
        ["b8ad81db-008.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 with an attachment, new mail"),
        ["bb8c6826-m0015.eml"] = new(Arrival.InThread, "not logged: bulk mail (List-Unsubscribe)", "a retailer's newsletter"),
        ["bbfc85ea-issue408.eml"] = new(Arrival.New, NotInThread, "more than 300 attachments, new mail"),
        ["bcfa8935-raw_email_double_at_in_header.eml"] = new(Arrival.New, NotInThread, "a header address with two @, EUC-KR subject, new mail"),
        ["bd6fd187-broken-headers.eml"] = new(Arrival.New, NotInThread, "spam with broken headers, new mail"),
        ["bfd54766-stack-overflow.eml"] = new(Arrival.New, NotInThread, "130 KB built to overflow parsers' stacks, new mail"),
        ["c2cf6ce6-028.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 multipart/related, new mail"),
        ["c4cea6e0-empty_in_reply_to.eml"] = new(Arrival.InThread, "not logged: mailing list (List-Id)", "a list message (List-Id) whose In-Reply-To was empty"),
        ["c549a702-iphone.eml"] = new(Arrival.Refused, "refused", "begins with a line of 255 spaces before any header: no header block to read (what Exchange makes of it is unknown)"),
        ["c5d84a52-019.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 with attachments, new mail"),
        ["c64538e7-yahoo.eml"] = new(Arrival.InThread, "not logged: complaint (feedback report)", "Yahoo's complaint feedback loop (RFC 5965 feedback-report)"),
        ["c7404454-bad_encoded_subject.eml"] = new(Arrival.Refused, "refused", "no From header"),
        ["c777e2b9-issue212.eml"] = new(Arrival.Refused, "refused", "Polish out-of-office with no From header"),
        ["ca08b168-001.eml"] = new(Arrival.New, NotInThread, "UTF-7, new mail"),
        ["cf358ada-012.eml"] = new(Arrival.New, NotInThread, "Windows-1252, new mail"),
        ["d0d497a0-m0009.eml"] = new(Arrival.New, NotInThread, "a payment provider's notice, no Message-ID, new mail"),
        ["dc176e4e-006.eml"] = new(Arrival.New, NotInThread, "Outlook 2000 with an attachment, new mail"),
        ["df37d751-bounce.eml"] = new(Arrival.InThread, "not logged: delivery report (bounce)", "Postfix NDR from MAILER-DAEMON"),
        ["e3e9743b-m0023.eml"] = new(Arrival.InThread, "logged forward", "References only, no prefix: a forward by the rule"),
        ["e4c3afb0-example14.eml"] = new(Arrival.InThread, "logged reply", "Japanese \"Re:\" with In-Reply-To only"),
        ["e50ef935-cant_parse_from.eml"] = new(Arrival.New, NotInThread, "a From some parsers cannot read, new mail"),
        ["e5a68ac9-m0019.eml"] = new(Arrival.InThread, "logged reply", "References only with \"Re:\": a reply"),
        ["e6db835b-mailing_list_message.eml"] = new(Arrival.InThread, "not logged: bulk mail (List-Unsubscribe)", "a Google Groups list reply"),
        ["ed39b128-sig_only_email.eml"] = new(Arrival.InThread, "logged reply", "\"Re:\" multipart/signed"),
        ["ed9980bb-text-only.eml"] = new(Arrival.New, NotInThread, "plain text, new mail"),
        ["f791c8f3-meet-meeting-invite.eml"] = new(Arrival.InThread, "not logged: calendar item (meeting request)", "Google Meet invitation: text/calendar inside multipart/mixed"),
        ["f88ed2d5-raw_email_reply.eml"] = new(Arrival.InThread, "logged reply", "\"Re:\" with In-Reply-To and References"),
        ["f8930afd-attachment_with_base64_encoded_name.eml"] = new(Arrival.InThread, "logged forward", "Gmail \"Fwd:\" with In-Reply-To"),
        ["fcfc19cd-raw_message_with_outlook_emoji.eml"] = new(Arrival.New, NotInThread, "Outlook for Mac with an emoji image, new mail"),
        ["fd83d62b-053.eml"] = new(Arrival.New, NotInThread, "UTF-8 quoted-printable, new mail"),
    };
}
