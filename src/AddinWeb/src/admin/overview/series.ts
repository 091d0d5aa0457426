/** Sums hourly points into days: element d is the sum of hours [24d, 24d + 24) (the last day may be partial). */
export function byDay(hourly: readonly number[]): number[] {
  const days: number[] = [];
  hourly.forEach((count, hour) => {
    const day = Math.floor(hour / 24);
    days[day] = (days[day] ?? 0) + count;
  });
  return days;
}

/** A lag in words: "under 1 s", "45 s", "3 min", or "no mail yet" when there is none. */
export function lagInWords(seconds: number | null): string {
  if (seconds === null) {
    return "no mail yet";
  }
  if (seconds < 1) {
    return "under 1 s";
  }
  return seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
