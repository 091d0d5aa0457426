import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { LegalBasisAuditLine } from "../api/legalBasisAudit";
import { when } from "../shared/format";

const contactText = (line: LegalBasisAuditLine) =>
  line.contactState === "erased" ? "Erased contact" : line.contactState === "deleted" ? "Deleted contact" : `${line.contactName ?? ""}${line.contactAddress === null ? "" : ` (${line.contactAddress})`}`;

const basisText = (line: LegalBasisAuditLine) => [line.legalBasis, line.subscriptionType].filter((each) => each !== null).join(", ") || "—";

/** The legal-basis audit's lines: when, whom, what, on which basis, why, and by whom. */
export function AuditTable({ lines }: { lines: readonly LegalBasisAuditLine[] }) {
  if (lines.length === 0) {
    return <p>No line matches these filters.</p>;
  }
  return (
    <Table size="small" aria-label="Legal-basis audit lines">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Contact</TableHeaderCell>
          <TableHeaderCell>Event</TableHeaderCell>
          <TableHeaderCell>Basis</TableHeaderCell>
          <TableHeaderCell>Why</TableHeaderCell>
          <TableHeaderCell>By</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>{when(line.occurredAt)}</TableCell>
            <TableCell>{contactText(line)}</TableCell>
            <TableCell>{line.event}</TableCell>
            <TableCell>{basisText(line)}</TableCell>
            <TableCell>{line.explanation ?? line.reason ?? "—"}</TableCell>
            <TableCell>{line.actorName ?? "System"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
