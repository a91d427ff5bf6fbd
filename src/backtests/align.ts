/**
 * Closes of another series on these dates: the last close at or before each date (carried
 * forward); dates before the other series starts take its first close.
 * Both date lists are ascending `YYYY-MM-DD` strings.
 */
export function alignCloses(
  dates: readonly string[],
  otherDates: readonly string[],
  otherClose: readonly number[],
): Float64Array {
  const out = new Float64Array(dates.length);
  let j = 0;
  for (let i = 0; i < dates.length; i += 1) {
    while (j + 1 < otherDates.length && otherDates[j + 1] <= dates[i]) j += 1;
    out[i] = otherClose[j];
  }
  return out;
}
