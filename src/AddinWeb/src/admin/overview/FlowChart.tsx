import { makeStyles, tokens } from "@fluentui/react-components";
import { byDay, sum } from "./series";

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: { width: "100%", height: "10rem", display: "block", backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  received: { fill: tokens.colorBrandBackground, backgroundColor: tokens.colorBrandBackground },
  logged: { fill: tokens.colorPaletteGreenBackground3, backgroundColor: tokens.colorPaletteGreenBackground3 },
  legend: { display: "flex", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalXS },
  swatch: { display: "inline-block", width: "0.75rem", height: "0.75rem", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  table: { borderCollapse: "collapse", marginTop: tokens.spacingVerticalS, "& th, & td": { padding: `0 ${tokens.spacingHorizontalM}`, textAlign: "right" } },
});

/**
 * Notifications received and emails logged per hour over the last 7 days: two bars an hour, drawn in SVG (no chart
 * library in the bundle). The picture is for the eye; the same numbers by day are in a table under it for a screen
 * reader and for anyone who wants the figures.
 */
export function FlowChart({ notifications, logged, hoursFrom }: { notifications: readonly number[]; logged: readonly number[]; hoursFrom: string }) {
  const styles = useStyles();
  const hours = notifications.length;
  const top = Math.max(1, ...notifications, ...logged);
  const width = hours * 3;
  const start = new Date(hoursFrom);
  const days = byDay(notifications);
  const loggedDays = byDay(logged);
  return (
    <figure className={styles.figure} aria-labelledby="flow-caption">
      <figcaption id="flow-caption">
        Notifications received and emails logged per hour, last 7 days: {sum(notifications).toLocaleString()} received, {sum(logged).toLocaleString()} logged
      </figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden="true">
        {notifications.map((count, hour) => (
          <rect key={`n${hour}`} className={styles.received} x={hour * 3} width={1.4} y={100 - (count / top) * 100} height={(count / top) * 100} />
        ))}
        {logged.map((count, hour) => (
          <rect key={`l${hour}`} className={styles.logged} x={hour * 3 + 1.5} width={1.4} y={100 - (count / top) * 100} height={(count / top) * 100} />
        ))}
      </svg>
      <div className={styles.legend} aria-hidden="true">
        <span><span className={`${styles.swatch} ${styles.received}`} />received</span>
        <span><span className={`${styles.swatch} ${styles.logged}`} />logged</span>
      </div>
      <table className={styles.table}>
        <caption>By day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {days.map((_, day) => (
              <th scope="col" key={day}>
                {new Date(start.getTime() + day * 86400000).toLocaleDateString(undefined, { weekday: "short", day: "numeric" })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Received</th>
            {days.map((count, day) => (
              <td key={day}>{count.toLocaleString()}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Logged</th>
            {loggedDays.map((count, day) => (
              <td key={day}>{count.toLocaleString()}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
