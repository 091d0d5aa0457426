import { Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Card } from "../../api/records";
import { stageLabel, typeLabel, whenLabel } from "./format";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A record beside an email: who it is, who owns it, what is open with it, when it was last emailed. */
export function RecordCard({ card }: { card: Card }) {
  const styles = useStyles();
  const openDeals = card.deals.filter((deal) => deal.open);
  const subtitle = [card.type === "contact" ? card.title : typeLabel(card.type), card.companies.map((company) => company.name).join(", ")]
    .filter((part) => part !== null && part !== "")
    .join(" · ");
  return (
    <article className={styles.card} aria-label={`${typeLabel(card.type)} ${card.name}`} data-card={card.id}>
      <Body1Strong>{card.name}</Body1Strong>
      {subtitle === "" ? null : <Caption1>{subtitle}</Caption1>}
      <Caption1>Owner: {card.owner?.name ?? "nobody"}</Caption1>
      {openDeals.length === 0 ? null : (
        <>
          <Caption1>Open deals</Caption1>
          <ul className={styles.list} aria-label="Open deals">
            {openDeals.map((deal) => (
              <li key={deal.id}>
                <Caption1>
                  {deal.name} — {stageLabel(deal.stage)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {card.openTickets.length === 0 ? null : (
        <>
          <Caption1>Open tickets</Caption1>
          <ul className={styles.list} aria-label="Open tickets">
            {card.openTickets.map((ticket) => (
              <li key={ticket.id}>
                <Caption1>
                  {ticket.name} — {stageLabel(ticket.status)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      <Caption1>{card.lastActivity === null ? "No email logged yet" : `Last email ${whenLabel(card.lastActivity.at)}: ${card.lastActivity.title}`}</Caption1>
    </article>
  );
}
