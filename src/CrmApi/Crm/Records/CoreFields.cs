namespace OutlookCrm.CrmApi.Crm.Records;

/// <summary>The typed fields of the built-in object types and the values they take.</summary>
public static class CoreFields
{
    /// <summary>The default sales pipeline, in order. The last two close the deal.</summary>
    public static readonly IReadOnlyList<string> DealStages =
    [
        "appointmentScheduled", "qualifiedToBuy", "presentationScheduled", "decisionMakerBoughtIn", "contractSent", "closedWon", "closedLost",
    ];

    public static readonly IReadOnlyList<string> TicketStatuses = ["new", "waitingOnContact", "waitingOnUs", "closed"];

    public const string DefaultDealStage = "appointmentScheduled";
    public const string DefaultTicketStatus = "new";

    public static bool IsOpenDeal(string? stage) => stage is not ("closedWon" or "closedLost");

    public static bool IsOpenTicket(string? status) => status is not "closed";
}
