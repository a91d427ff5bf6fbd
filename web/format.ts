const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const money = grouped(2);
const two = grouped(2);
const three = grouped(3);

export function formatMoney(value: number | null | undefined): string {
  return value == null ? '—' : money.format(value);
}

export function formatPct(value: number | null | undefined): string {
  return value == null ? '—' : two.format(value);
}

export function formatRatio(value: number | null | undefined): string {
  return value == null ? '—' : three.format(value);
}

export function formatDays(value: number | null | undefined): string {
  if (value == null) return '—';
  const days = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${days} days`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value == null) return '—';
  return Number.isInteger(value) ? String(value) : three.format(value);
}

export function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
