import { Checkbox } from "@fluentui/react-components";
import type { ClosedTicket } from "../../api/compose";

/**
 * A ticked ticket that is closed makes the email transactional for no one: the rep says when the email really concerns
 * it (its contacts then need no basis, and the audit records that the rep said so).
 */
export function ClosedTickets({
  tickets,
  confirmed,
  onConfirm,
}: {
  tickets: ClosedTicket[];
  confirmed: ReadonlySet<string>;
  onConfirm: (id: string, on: boolean) => void;
}) {
  if (tickets.length === 0) {
    return null;
  }
  return (
    <section aria-label="Closed tickets">
      {tickets.map((ticket) => (
        <Checkbox
          key={ticket.id}
          checked={confirmed.has(ticket.id)}
          onChange={(_, data) => onConfirm(ticket.id, data.checked === true)}
          label={`“${ticket.name}” is closed: this email concerns it`}
        />
      ))}
    </section>
  );
}
