using System.Globalization;
using System.Text;

namespace OutlookCrm.Bench;

/// <summary>Whether a larger or a smaller value is better: throughput and latency read opposite ways.</summary>
public enum Better
{
    Lower,
    Higher,
}

/// <summary>
/// One measured figure beside its target and the physical limit measured in the same run. The ratio is always
/// "share of the limit reached" (1.0 = as fast as the limit; the issue asks for no figure below 0.25).
/// </summary>
public sealed record Figure(string Name, double Value, string Unit, Better Better, double? Target, double? Limit)
{
    public const double MinimumRatio = 0.25;

    public double? Ratio => Limit is not { } limit || Value <= 0 || limit <= 0 ? null : Better == Better.Higher ? Value / limit : limit / Value;

    public bool? TargetMet => Target is not { } target ? null : Better == Better.Higher ? Value >= target : Value <= target;

    public bool? RatioMet => Ratio is not { } ratio ? null : ratio >= MinimumRatio;

    public bool Met => TargetMet != false && RatioMet != false;

    /// <summary>A figure with neither target nor limit is context for the others (the floor of a request), not a target.</summary>
    public bool Counted => TargetMet is not null || RatioMet is not null;

    private string Verdict => !Counted ? "(context)" : Met ? "met" : "NOT MET";

    private static string Number(double? value) => value is not { } v ? "—" : v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    public string Line() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Name,-58} {Number(Value),12} {Unit,-10} target {(Target is null ? "—" : (Better == Better.Higher ? "≥ " : "≤ ") + Number(Target)),-12} limit {Number(Limit),10}  ratio {(Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—"),5}  {Verdict}");

    public static string Markdown(IReadOnlyList<Figure> figures, string header)
    {
        var text = new StringBuilder();
        text.AppendLine(header).AppendLine();
        text.AppendLine("| figure | value | unit | target | limit (same run) | ratio | met |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | --- |");
        foreach (var figure in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {figure.Name} | {Number(figure.Value)} | {figure.Unit} | {(figure.Target is null ? "—" : (figure.Better == Better.Higher ? "≥ " : "≤ ") + Number(figure.Target))} | {Number(figure.Limit)} | {(figure.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—")} | {(!figure.Counted ? "(context)" : figure.Met ? "met" : "**not met**")} |");
        }
        var targets = figures.Where(figure => figure.Counted).ToList();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{targets.Count(figure => figure.Met)} of {targets.Count} targets met.");
        return text.ToString();
    }
}
