import {
  AreaSeries,
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  type IChartApi,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';

export interface Columns {
  dates: string[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

export interface ChartTrade {
  size: number;
  entryDate: string;
  exitDate?: string | null;
  entryPrice: number;
  exitPrice?: number | null;
  pnl?: number | null;
  returnPct?: number | null;
}

export interface EquityPointView {
  date: string;
  equity: number;
  drawdownPct: number;
}

const UP = '#26a69a';
const DOWN = '#ef5350';
const TEXT = '#c9d1d9';
const GRID = '#1f2630';

function baseChart(container: HTMLElement): IChartApi {
  return createChart(container, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: TEXT,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      panes: { separatorColor: '#30363d', enableResize: false },
    },
    grid: { vertLines: { color: GRID }, horzLines: { color: GRID } },
    rightPriceScale: { borderColor: '#30363d' },
    // Small enough that fitContent shows every bar of a long daily series on a phone.
    timeScale: { borderColor: '#30363d', minBarSpacing: 0.01 },
    crosshair: { mode: 0 },
  });
}

/** Keeps the visible range of several charts with the same bars in step. */
export function syncTimeScales(charts: IChartApi[]): void {
  let syncing = false;
  for (const chart of charts) {
    chart.timeScale().subscribeVisibleLogicalRangeChange((range) => {
      if (syncing || range === null) return;
      syncing = true;
      for (const other of charts) if (other !== chart) other.timeScale().setVisibleLogicalRange(range);
      syncing = false;
    });
  }
}

/**
 * Candlesticks with volume below and a marker at every trade's entry (arrow: up for a long, down
 * for a short) and exit (circle: green for a gain, red for a loss). The container gets
 * `data-marker-count`, read back from the chart's markers.
 */
export function priceChart(container: HTMLElement, columns: Columns, trades: ChartTrade[]): IChartApi {
  const chart = baseChart(container);
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: UP,
    downColor: DOWN,
    borderVisible: false,
    wickUpColor: UP,
    wickDownColor: DOWN,
  });
  candles.setData(
    columns.dates.map((date, i) => ({
      time: date as Time,
      open: columns.open[i],
      high: columns.high[i],
      low: columns.low[i],
      close: columns.close[i],
    })),
  );
  const volume = chart.addSeries(
    HistogramSeries,
    { priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false },
    1,
  );
  const panes = chart.panes();
  panes[0]?.setStretchFactor(4);
  panes[1]?.setStretchFactor(1);
  volume.setData(
    columns.dates.map((date, i) => ({
      time: date as Time,
      value: columns.volume[i],
      color: columns.close[i] >= columns.open[i] ? 'rgba(38,166,154,0.55)' : 'rgba(239,83,80,0.55)',
    })),
  );
  const markers: SeriesMarker<Time>[] = [];
  for (const t of trades) {
    const long = t.size > 0;
    markers.push({
      time: t.entryDate as Time,
      position: long ? 'belowBar' : 'aboveBar',
      shape: long ? 'arrowUp' : 'arrowDown',
      color: long ? '#58a6ff' : '#d2a8ff',
      size: 1,
    });
    if (t.exitDate != null) {
      markers.push({
        time: t.exitDate as Time,
        position: long ? 'aboveBar' : 'belowBar',
        shape: 'circle',
        color: (t.pnl ?? 0) >= 0 ? UP : DOWN,
        size: 0.6,
      });
    }
  }
  markers.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const plugin = createSeriesMarkers(candles, markers);
  container.dataset.markerCount = String(plugin.markers().length);
  container.dataset.barCount = String(columns.dates.length);
  chart.timeScale().fitContent();
  return chart;
}

/**
 * The equity curve, with its drawdown from the running peak in a pane below and, given trades,
 * each closed trade's return [%] at its exit as a bar below that (summed when several exit the
 * same day), as backtesting.py's plot shows P/L.
 */
export function equityChart(
  container: HTMLElement,
  points: EquityPointView[],
  trades?: ChartTrade[],
): IChartApi {
  const chart = baseChart(container);
  const equity = chart.addSeries(AreaSeries, {
    lineColor: '#58a6ff',
    topColor: 'rgba(88,166,255,0.30)',
    bottomColor: 'rgba(88,166,255,0.02)',
    lineWidth: 2,
    priceFormat: { type: 'price', precision: 0, minMove: 1 },
  });
  equity.setData(points.map((p) => ({ time: p.date as Time, value: p.equity })));
  const drawdown = chart.addSeries(
    AreaSeries,
    {
      lineColor: DOWN,
      topColor: 'rgba(239,83,80,0.05)',
      bottomColor: 'rgba(239,83,80,0.45)',
      invertFilledArea: true,
      lineWidth: 1,
      priceFormat: { type: 'custom', formatter: (v: number) => `${v.toFixed(1)}%` },
    },
    1,
  );
  // Drawn below zero: the depth under the running peak.
  drawdown.setData(points.map((p) => ({ time: p.date as Time, value: -Math.abs(p.drawdownPct) })));
  if (trades !== undefined) {
    const byExit = new Map<string, number>();
    for (const t of trades) {
      if (t.exitDate == null || t.returnPct == null) continue;
      byExit.set(t.exitDate, (byExit.get(t.exitDate) ?? 0) + t.returnPct);
    }
    const pl = chart.addSeries(
      HistogramSeries,
      {
        priceFormat: { type: 'custom', formatter: (v: number) => `${v.toFixed(1)}%` },
        lastValueVisible: false,
        priceLineVisible: false,
      },
      2,
    );
    pl.setData(
      [...byExit.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([date, value]) => ({ time: date as Time, value, color: value >= 0 ? UP : DOWN })),
    );
  }
  const panes = chart.panes();
  panes[0]?.setStretchFactor(3);
  panes[1]?.setStretchFactor(1);
  panes[2]?.setStretchFactor(1);
  container.dataset.pointCount = String(points.length);
  chart.timeScale().fitContent();
  return chart;
}
