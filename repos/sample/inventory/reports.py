"""Reports over stock levels and the movement history.

Every function here is pure: it takes :class:`~inventory.models.StockLevel` and
:class:`~inventory.models.Movement` values (as returned by the storage layer) and returns numbers, rows or text.
Nothing reads the database, so the reports are easy to test and to run on a JSON snapshot.

The module is organised in sections: statistics helpers (percentiles, smoothing, forecasts), valuation, demand,
classification (ABC by revenue, XYZ by demand variability, slow movers), replenishment (safety stock, reorder
points, economic order quantities), audit (reconciliation, shrinkage, FIFO layers, stock age), margins, text
rendering (tables, CSV, bar charts, sparklines) and the report registry used by ``inventory report NAME``.

Quantities are in units, money in cents, rates per day unless a name says otherwise.
"""

from __future__ import annotations

import asyncio
import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterable, Optional, Sequence

from .models import Movement, MovementKind, StockLevel

# ---------------------------------------------------------------------------------------------------------------
# Statistics helpers
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A half-open range of days ``[start, end)``."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def last_days(cls, days: int, today: Optional[date] = None) -> "Period":
        """The ``days`` days up to and including ``today``."""
        end = (today or datetime.now(timezone.utc).date()) + timedelta(days=1)
        return cls(end - timedelta(days=days), end)

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days

    def contains(self, day: date) -> bool:
        """True when ``day`` falls inside the period."""
        return self.start <= day < self.end

    def each_day(self) -> Iterable[date]:
        """Every day of the period, in order."""
        for offset in range(self.days):
            yield self.start + timedelta(days=offset)


@dataclass(frozen=True)
class Summary:
    """Descriptive statistics of a sample of numbers."""

    count: int
    total: float
    mean: float
    median: float
    p95: float
    minimum: float
    maximum: float
    stdev: float

    @property
    def coefficient_of_variation(self) -> float:
        """The standard deviation relative to the mean; ``inf`` for a zero mean with spread, ``0`` for none."""
        if self.mean == 0:
            return 0.0 if self.stdev == 0 else math.inf
        return self.stdev / self.mean


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile (0 to 1) with linear interpolation between the closest ranks.

    >>> percentile([1, 2, 3, 4], 0.5)
    2.5
    """
    if not values:
        raise ValueError("percentile of an empty sample")
    if not 0 <= fraction <= 1:
        raise ValueError("fraction must be between 0 and 1")
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = math.floor(position)
    upper = math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    weight = position - lower
    return ordered[lower] * (1 - weight) + ordered[upper] * weight


def summarize(values: Sequence[float]) -> Summary:
    """Count, total, mean, median, 95th percentile, extremes and sample standard deviation of ``values``."""
    if not values:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    count = len(values)
    total = float(sum(values))
    mean = total / count
    variance = sum((value - mean) ** 2 for value in values) / (count - 1) if count > 1 else 0.0
    return Summary(
        count=count,
        total=total,
        mean=mean,
        median=percentile(values, 0.5),
        p95=percentile(values, 0.95),
        minimum=float(min(values)),
        maximum=float(max(values)),
        stdev=math.sqrt(variance),
    )


def moving_average(series: Sequence[float], window: int) -> list[float]:
    """The trailing mean over ``window`` points; the first points average what is available so far."""
    if window <= 0:
        raise ValueError("window must be positive")
    result: list[float] = []
    running = 0.0
    for index, value in enumerate(series):
        running += value
        if index >= window:
            running -= series[index - window]
        result.append(running / min(index + 1, window))
    return result


def exponential_smoothing(series: Sequence[float], alpha: float = 0.3) -> list[float]:
    """Simple exponential smoothing; ``alpha`` near 1 follows the data, near 0 smooths strongly."""
    if not 0 < alpha <= 1:
        raise ValueError("alpha must be in (0, 1]")
    smoothed: list[float] = []
    level: Optional[float] = None
    for value in series:
        level = value if level is None else alpha * value + (1 - alpha) * level
        smoothed.append(level)
    return smoothed


def holt_forecast(series: Sequence[float], horizon: int, alpha: float = 0.4, beta: float = 0.2) -> list[float]:
    """Forecast ``horizon`` future points with Holt's linear (double exponential) smoothing.

    Negative forecasts are clipped to zero because demand cannot be negative.
    """
    if horizon <= 0:
        return []
    if not series:
        return [0.0] * horizon
    if len(series) == 1:
        return [max(0.0, float(series[0]))] * horizon
    level = float(series[0])
    trend = float(series[1] - series[0])
    for value in series[1:]:
        previous_level = level
        level = alpha * value + (1 - alpha) * (level + trend)
        trend = beta * (level - previous_level) + (1 - beta) * trend
    return [max(0.0, level + step * trend) for step in range(1, horizon + 1)]


def linear_trend(series: Sequence[float]) -> tuple[float, float]:
    """Least-squares fit ``y = slope * x + intercept`` over ``x = 0, 1, ...``; returns ``(slope, intercept)``."""
    count = len(series)
    if count == 0:
        return 0.0, 0.0
    if count == 1:
        return 0.0, float(series[0])
    mean_x = (count - 1) / 2
    mean_y = sum(series) / count
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(series))
    variance = sum((x - mean_x) ** 2 for x in range(count))
    slope = covariance / variance
    return slope, mean_y - slope * mean_x


# ---------------------------------------------------------------------------------------------------------------
# Valuation
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValuationRow:
    """What the stock of one item is worth."""

    sku: str
    category: str
    on_hand: int
    cost_value: int
    retail_value: int

    @property
    def potential_margin(self) -> int:
        """Retail minus cost value: the profit if everything sold at list price."""
        return self.retail_value - self.cost_value


def stock_valuation(levels: Iterable[StockLevel]) -> list[ValuationRow]:
    """One row per item, most valuable (at cost) first; negative stock counts as zero."""
    rows = [
        ValuationRow(
            sku=level.item.sku,
            category=level.item.category,
            on_hand=level.on_hand,
            cost_value=max(level.on_hand, 0) * level.item.unit_cost,
            retail_value=max(level.on_hand, 0) * level.item.unit_price,
        )
        for level in levels
    ]
    return sorted(rows, key=lambda row: (-row.cost_value, row.sku))


def valuation_by_category(levels: Iterable[StockLevel]) -> dict[str, tuple[int, int]]:
    """``{category: (cost value, retail value)}`` in cents, categories sorted by name."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in stock_valuation(levels):
        totals[row.category][0] += row.cost_value
        totals[row.category][1] += row.retail_value
    return {category: (values[0], values[1]) for category, values in sorted(totals.items())}


def inventory_value(levels: Iterable[StockLevel], basis: str = "cost") -> int:
    """The total value of the stock in cents, at ``"cost"`` or at ``"retail"`` prices."""
    if basis not in ("cost", "retail"):
        raise ValueError(f"basis must be 'cost' or 'retail', not {basis!r}")
    rows = stock_valuation(levels)
    return sum(row.cost_value if basis == "cost" else row.retail_value for row in rows)


# ---------------------------------------------------------------------------------------------------------------
# Demand
# ---------------------------------------------------------------------------------------------------------------


def units_sold(movement: Movement) -> int:
    """Units a movement sold, net of returns: positive for a sale, negative for a return, 0 otherwise."""
    if movement.kind is MovementKind.SALE:
        return -movement.quantity
    if movement.kind is MovementKind.RETURN:
        return -movement.quantity
    return 0


def sales_by_sku(movements: Iterable[Movement]) -> dict[str, int]:
    """Net units sold per sku."""
    totals: dict[str, int] = defaultdict(int)
    for movement in movements:
        sold = units_sold(movement)
        if sold:
            totals[movement.sku] += sold
    return dict(totals)


def daily_sales(movements: Iterable[Movement], sku: str, period: Period) -> list[int]:
    """Net units of ``sku`` sold on each day of ``period`` (zeros included)."""
    by_day: dict[date, int] = defaultdict(int)
    for movement in movements:
        if movement.sku == sku and period.contains(movement.day):
            by_day[movement.day] += units_sold(movement)
    return [by_day.get(day, 0) for day in period.each_day()]


def demand_rate(movements: Iterable[Movement], sku: str, days: int) -> float:
    """Average net units of ``sku`` sold per day over the last ``days`` days of the history."""
    if days <= 0:
        raise ValueError("days must be positive")
    history = list(movements)
    if not history:
        return 0.0
    last_day = max(movement.day for movement in history)
    period = Period(last_day - timedelta(days=days - 1), last_day + timedelta(days=1))
    return sum(daily_sales(history, sku, period)) / days


def days_of_supply(levels: Iterable[StockLevel], movements: Sequence[Movement], days: int = 30) -> dict[str, float]:
    """How many days the current stock lasts at the recent demand rate (``inf`` for items that do not sell)."""
    result: dict[str, float] = {}
    for level in levels:
        rate = demand_rate(movements, level.item.sku, days)
        result[level.item.sku] = math.inf if rate <= 0 else max(level.on_hand, 0) / rate
    return result


def turnover_ratio(level: StockLevel, movements: Sequence[Movement], days: int) -> float:
    """Cost of goods sold over the average stock value, annualised: how often the stock is sold through per year.

    The average stock is reconstructed by walking the movements back from today's on-hand count.
    """
    own = sorted((m for m in movements if m.sku == level.item.sku), key=lambda m: m.at)
    if not own or level.item.unit_cost == 0:
        return 0.0
    counts = [level.on_hand]
    running = level.on_hand
    for movement in reversed(own):
        running -= movement.quantity
        counts.append(running)
    average_units = sum(max(count, 0) for count in counts) / len(counts)
    if average_units == 0:
        return 0.0
    cogs_units = sum(units_sold(m) for m in own)
    return (cogs_units / average_units) * (365 / days)


def sell_through_rate(movements: Iterable[Movement], sku: str) -> float:
    """Units sold as a fraction of units received (0.0 when nothing was received)."""
    received = sold = 0
    for movement in movements:
        if movement.sku != sku:
            continue
        if movement.kind is MovementKind.RECEIPT:
            received += movement.quantity
        sold += units_sold(movement)
    return sold / received if received else 0.0


# ---------------------------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------------------------


def revenue_by_sku(levels: Iterable[StockLevel], movements: Iterable[Movement]) -> dict[str, int]:
    """Net revenue per sku in cents at list price."""
    prices = {level.item.sku: level.item.unit_price for level in levels}
    return {sku: units * prices.get(sku, 0) for sku, units in sales_by_sku(movements).items()}


def abc_analysis(
    levels: Sequence[StockLevel], movements: Sequence[Movement], thresholds: tuple[float, float] = (0.8, 0.95)
) -> dict[str, str]:
    """Classify items A, B or C by their cumulative share of revenue (a Pareto analysis).

    Items are ranked by revenue; those making up the first ``thresholds[0]`` of the total are A, up to
    ``thresholds[1]`` B, the rest (and items without sales) C.
    """
    first, second = thresholds
    if not 0 < first < second <= 1:
        raise ValueError("thresholds must satisfy 0 < A < B <= 1")
    revenue = revenue_by_sku(levels, movements)
    total = sum(value for value in revenue.values() if value > 0)
    classes = {level.item.sku: "C" for level in levels}
    if total == 0:
        return classes
    cumulative = 0
    for sku, value in sorted(revenue.items(), key=lambda pair: (-pair[1], pair[0])):
        if value <= 0:
            break
        share_before = cumulative / total
        cumulative += value
        classes[sku] = "A" if share_before < first else "B" if share_before < second else "C"
    return classes


def xyz_analysis(
    levels: Sequence[StockLevel], movements: Sequence[Movement], days: int = 30, limits: tuple[float, float] = (0.5, 1.0)
) -> dict[str, str]:
    """Classify items X, Y or Z by the variability (coefficient of variation) of their daily demand.

    X items sell steadily (CV below ``limits[0]``), Y items fluctuate, Z items are erratic or do not sell.
    """
    if not movements:
        return {level.item.sku: "Z" for level in levels}
    last_day = max(movement.day for movement in movements)
    period = Period(last_day - timedelta(days=days - 1), last_day + timedelta(days=1))
    classes: dict[str, str] = {}
    for level in levels:
        variation = summarize(daily_sales(movements, level.item.sku, period)).coefficient_of_variation
        if math.isinf(variation) or variation == 0 and not sales_by_sku(movements).get(level.item.sku):
            classes[level.item.sku] = "Z"
        elif variation < limits[0]:
            classes[level.item.sku] = "X"
        elif variation < limits[1]:
            classes[level.item.sku] = "Y"
        else:
            classes[level.item.sku] = "Z"
    return classes


def slow_movers(levels: Iterable[StockLevel], movements: Sequence[Movement], days: int = 30, limit: float = 90) -> list[str]:
    """Skus whose stock would last more than ``limit`` days at the recent demand rate, slowest first."""
    supply = days_of_supply(levels, movements, days)
    slow = [(sku, value) for sku, value in supply.items() if value > limit]
    return [sku for sku, _ in sorted(slow, key=lambda pair: (-pair[1], pair[0]))]


def dead_stock(levels: Iterable[StockLevel], movements: Iterable[Movement], since: datetime) -> list[StockLevel]:
    """Levels with stock on hand and no sale since ``since``."""
    recently_sold = {m.sku for m in movements if m.kind is MovementKind.SALE and m.at >= since}
    return [level for level in levels if level.on_hand > 0 and level.item.sku not in recently_sold]


# ---------------------------------------------------------------------------------------------------------------
# Replenishment
# ---------------------------------------------------------------------------------------------------------------


def normal_quantile(probability: float) -> float:
    """The z-score below which ``probability`` of a standard normal distribution lies.

    Solved by bisection on ``math.erf``; accurate to about 1e-9, plenty for service levels.
    """
    if not 0 < probability < 1:
        raise ValueError("probability must be strictly between 0 and 1")
    low, high = -10.0, 10.0
    for _ in range(100):
        middle = (low + high) / 2
        if 0.5 * (1 + math.erf(middle / math.sqrt(2))) < probability:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def safety_stock(daily_demand: Sequence[float], lead_time_days: float, service_level: float = 0.95) -> int:
    """Units to hold against demand variability during the lead time, for a target service level.

    ``z * σ_daily * √lead_time``, rounded up.
    """
    if lead_time_days < 0:
        raise ValueError("lead time must not be negative")
    spread = summarize(daily_demand).stdev
    return math.ceil(normal_quantile(service_level) * spread * math.sqrt(lead_time_days))


def reorder_point(daily_demand: Sequence[float], lead_time_days: float, service_level: float = 0.95) -> int:
    """The stock level at which to reorder: expected demand during the lead time plus safety stock."""
    expected = summarize(daily_demand).mean * lead_time_days
    return math.ceil(expected) + safety_stock(daily_demand, lead_time_days, service_level)


def economic_order_quantity(annual_demand: float, order_cost: int, unit_cost: int, holding_rate: float = 0.25) -> int:
    """The Wilson EOQ: the order size that minimises ordering plus holding costs.

    Args:
        annual_demand: Units needed per year.
        order_cost: Fixed cost of placing one order, in cents.
        unit_cost: Cost of one unit, in cents.
        holding_rate: Yearly holding cost as a fraction of the unit cost.
    """
    if annual_demand <= 0:
        return 0
    if unit_cost <= 0 or holding_rate <= 0:
        raise ValueError("unit cost and holding rate must be positive")
    return max(1, round(math.sqrt(2 * annual_demand * order_cost / (unit_cost * holding_rate))))


@dataclass(frozen=True)
class Suggestion:
    """A proposed purchase: how many units of a sku to order and why."""

    sku: str
    on_hand: int
    reorder_point: int
    quantity: int
    reason: str

    @property
    def urgent(self) -> bool:
        """True when the stock is already gone."""
        return self.on_hand <= 0


def reorder_suggestions(
    levels: Iterable[StockLevel],
    movements: Sequence[Movement],
    days: int = 30,
    lead_time_days: float = 7,
    order_cost: int = 2500,
    service_level: float = 0.95,
) -> list[Suggestion]:
    """Suggest orders for items at or below their computed (or configured) reorder point.

    The quantity is the EOQ for the annualised recent demand, but at least enough to get back above the
    reorder point. Urgent suggestions (nothing on hand) come first.
    """
    if not movements:
        return []
    last_day = max(movement.day for movement in movements)
    period = Period(last_day - timedelta(days=days - 1), last_day + timedelta(days=1))
    suggestions: list[Suggestion] = []
    for level in levels:
        demand = daily_sales(movements, level.item.sku, period)
        point = reorder_point(demand, lead_time_days, service_level)
        if level.reorder_at is not None:
            point = max(point, level.reorder_at)
        if level.on_hand > point:
            continue
        annual = summarize(demand).mean * 365
        eoq = economic_order_quantity(annual, order_cost, max(level.item.unit_cost, 1))
        quantity = max(eoq, point - level.on_hand + 1)
        reason = "configured threshold" if level.reorder_at is not None and level.reorder_at >= point else "demand"
        suggestions.append(Suggestion(level.item.sku, level.on_hand, point, quantity, reason))
    return sorted(suggestions, key=lambda s: (not s.urgent, s.on_hand - s.reorder_point, s.sku))


def stockout_probability(level: StockLevel, daily_demand: Sequence[float], horizon_days: int) -> float:
    """The chance that demand over ``horizon_days`` exceeds the stock on hand, assuming normal demand."""
    stats = summarize(daily_demand)
    expected = stats.mean * horizon_days
    spread = stats.stdev * math.sqrt(horizon_days)
    if spread == 0:
        return 1.0 if expected > level.on_hand else 0.0
    z = (level.on_hand - expected) / spread
    return 1 - 0.5 * (1 + math.erf(z / math.sqrt(2)))


# ---------------------------------------------------------------------------------------------------------------
# Audit
# ---------------------------------------------------------------------------------------------------------------


def movement_summary(movements: Iterable[Movement]) -> dict[MovementKind, tuple[int, int]]:
    """``{kind: (number of movements, net units)}`` for every kind that occurs."""
    counts: dict[MovementKind, list[int]] = {}
    for movement in movements:
        entry = counts.setdefault(movement.kind, [0, 0])
        entry[0] += 1
        entry[1] += movement.quantity
    return {kind: (entry[0], entry[1]) for kind, entry in counts.items()}


def shrinkage(levels: Iterable[StockLevel], movements: Iterable[Movement]) -> dict[str, int]:
    """Value in cents of stock lost through negative adjustments (damage, theft, counting errors), per sku."""
    costs = {level.item.sku: level.item.unit_cost for level in levels}
    lost: dict[str, int] = defaultdict(int)
    for movement in movements:
        if movement.kind is MovementKind.ADJUSTMENT and movement.quantity < 0:
            lost[movement.sku] += -movement.quantity * costs.get(movement.sku, 0)
    return dict(lost)


@dataclass(frozen=True)
class Discrepancy:
    """An item whose stored on-hand count disagrees with the sum of its movements."""

    sku: str
    recorded: int
    from_history: int

    @property
    def difference(self) -> int:
        """Recorded minus reconstructed units."""
        return self.recorded - self.from_history


def reconcile(levels: Iterable[StockLevel], movements: Iterable[Movement], opening: Optional[dict[str, int]] = None) -> list[Discrepancy]:
    """Compare each on-hand count with ``opening`` stock plus the sum of the item's movements."""
    totals: dict[str, int] = defaultdict(int)
    for movement in movements:
        totals[movement.sku] += movement.quantity
    start = opening or {}
    found = []
    for level in levels:
        expected = start.get(level.item.sku, 0) + totals.get(level.item.sku, 0)
        if expected != level.on_hand:
            found.append(Discrepancy(level.item.sku, level.on_hand, expected))
    return found


@dataclass
class Layer:
    """Units received together that are still on hand (FIFO accounting)."""

    received: datetime
    units: int
    note: str = ""


def fifo_layers(movements: Iterable[Movement], sku: str) -> list[Layer]:
    """The receipt layers of ``sku`` still on hand when outgoing units consume the oldest layers first."""
    layers: list[Layer] = []
    for movement in sorted((m for m in movements if m.sku == sku), key=lambda m: m.at):
        if movement.quantity > 0:
            layers.append(Layer(movement.at, movement.quantity, movement.note))
            continue
        remaining = -movement.quantity
        while remaining and layers:
            oldest = layers[0]
            taken = min(oldest.units, remaining)
            oldest.units -= taken
            remaining -= taken
            if oldest.units == 0:
                layers.pop(0)
    return layers


def aging_buckets(
    levels: Iterable[StockLevel], movements: Sequence[Movement], now: datetime, edges: Sequence[int] = (30, 60, 90)
) -> dict[str, int]:
    """Units on hand by age since receipt, FIFO: ``{"0-30": n, "31-60": n, "61-90": n, "90+": n}``."""
    labels = []
    previous = -1
    for edge in edges:
        labels.append(f"{previous + 1}-{edge}")
        previous = edge
    labels.append(f"{edges[-1]}+")
    buckets = dict.fromkeys(labels, 0)
    for level in levels:
        for layer in fifo_layers(movements, level.item.sku):
            age = (now - layer.received).days
            index = next((i for i, edge in enumerate(edges) if age <= edge), len(edges))
            buckets[labels[index]] += layer.units
    return buckets


# ---------------------------------------------------------------------------------------------------------------
# Margins
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MarginRow:
    """Gross margin earned on one item over a period."""

    sku: str
    units: int
    revenue: int
    cost: int

    @property
    def margin(self) -> int:
        """Revenue minus cost in cents."""
        return self.revenue - self.cost

    @property
    def margin_ratio(self) -> float:
        """Margin as a fraction of revenue (0.0 without revenue)."""
        return self.margin / self.revenue if self.revenue else 0.0


def margin_report(levels: Iterable[StockLevel], movements: Iterable[Movement]) -> list[MarginRow]:
    """Gross margin per item at list price, largest margin first; items without sales are left out."""
    items = {level.item.sku: level.item for level in levels}
    rows = []
    for sku, units in sales_by_sku(movements).items():
        item = items.get(sku)
        if item is None or units == 0:
            continue
        rows.append(MarginRow(sku, units, units * item.unit_price, units * item.unit_cost))
    return sorted(rows, key=lambda row: (-row.margin, row.sku))


def blended_margin(rows: Iterable[MarginRow]) -> float:
    """The margin ratio over all rows together, weighted by revenue."""
    revenue = cost = 0
    for row in rows:
        revenue += row.revenue
        cost += row.cost
    return (revenue - cost) / revenue if revenue else 0.0


# ---------------------------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------------------------


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Optional[set[int]] = None) -> str:
    """A plain-text table with aligned columns; columns in ``numeric`` (or that look numeric) align right."""
    if numeric is None:
        numeric = {
            index
            for index in range(len(headers))
            if rows and all(_looks_numeric(row[index]) for row in rows if index < len(row) and row[index])
            and any(index < len(row) and row[index] for row in rows)
        }
    widths = [len(header) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = []
        for index, width in enumerate(widths):
            cell = cells[index] if index < len(cells) else ""
            parts.append(cell.rjust(width) if index in numeric else cell.ljust(width))
        return "  ".join(parts).rstrip()

    separator = "  ".join("-" * width for width in widths).rstrip()
    return "\n".join([line(headers), separator, *(line(row) for row in rows)])


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace("$", "").replace("%", "").replace("-", "", 1).strip()
    return stripped.replace(".", "", 1).isdigit() or stripped in ("inf", "∞")


def render_markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; pipes inside cells are escaped."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def bar_chart(pairs: Sequence[tuple[str, float]], width: int = 40, mark: str = "#") -> str:
    """A horizontal bar chart, one line per ``(label, value)``, scaled to the largest value."""
    if not pairs:
        return "(no data)"
    largest = max(value for _, value in pairs) or 1
    label_width = max(len(label) for label, _ in pairs)
    lines = []
    for label, value in pairs:
        length = round(width * max(value, 0) / largest)
        lines.append(f"{label.ljust(label_width)}  {mark * length} {value:g}")
    return "\n".join(lines)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(series: Sequence[float]) -> str:
    """A one-line chart of ``series`` using block characters (an empty string for no data)."""
    if not series:
        return ""
    low, high = min(series), max(series)
    if high == low:
        return _SPARKS[0] * len(series)
    scale = (len(_SPARKS) - 1) / (high - low)
    return "".join(_SPARKS[round((value - low) * scale)] for value in series)


def money(cents: float) -> str:
    """Cents as dollars with thousands separators, ``-$1,234.50`` style."""
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) / 100:,.2f}"


# ---------------------------------------------------------------------------------------------------------------
# Report registry
# ---------------------------------------------------------------------------------------------------------------

ReportFunction = Callable[[Sequence[StockLevel], Sequence[Movement], int], str]
REPORTS: dict[str, ReportFunction] = {}


def report(name: str) -> Callable[[ReportFunction], ReportFunction]:
    """Decorator: register a text report under ``name`` for ``inventory report NAME``."""

    def decorate(function: ReportFunction) -> ReportFunction:
        REPORTS[name] = function
        return function

    return decorate


def run_report(name: str, levels: Sequence[StockLevel], movements: Sequence[Movement], days: int = 30) -> str:
    """Render the report registered as ``name``."""
    try:
        function = REPORTS[name]
    except KeyError:
        raise KeyError(f"unknown report {name!r}; choose one of {', '.join(sorted(REPORTS))}") from None
    return function(levels, movements, days)


@report("valuation")
def valuation_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """Stock value per item and per category, at cost and at retail."""
    rows = [
        [row.sku, row.category, str(row.on_hand), money(row.cost_value), money(row.retail_value)]
        for row in stock_valuation(levels)
    ]
    text = render_table(["sku", "category", "on hand", "cost", "retail"], rows)
    categories = [[name, money(cost), money(retail)] for name, (cost, retail) in valuation_by_category(levels).items()]
    total = f"total: {money(inventory_value(levels))} at cost, {money(inventory_value(levels, 'retail'))} at retail"
    return "\n\n".join([text, render_table(["category", "cost", "retail"], categories), total])


@report("abc")
def abc_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """ABC (revenue) and XYZ (demand variability) classes side by side."""
    abc = abc_analysis(levels, movements)
    xyz = xyz_analysis(levels, movements, days)
    revenue = revenue_by_sku(levels, movements)
    rows = [
        [sku, abc[sku], xyz.get(sku, "Z"), money(revenue.get(sku, 0))]
        for sku in sorted(abc, key=lambda s: (-revenue.get(s, 0), s))
    ]
    return render_table(["sku", "abc", "xyz", "revenue"], rows)


@report("reorder")
def reorder_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """What to order now, with reorder points and quantities."""
    suggestions = reorder_suggestions(levels, movements, days)
    if not suggestions:
        return "nothing to reorder"
    rows = [
        [s.sku, str(s.on_hand), str(s.reorder_point), str(s.quantity), s.reason + (" (urgent)" if s.urgent else "")]
        for s in suggestions
    ]
    return render_table(["sku", "on hand", "reorder at", "order", "why"], rows)


@report("turnover")
def turnover_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """Annualised turnover, days of supply and sell-through per item."""
    supply = days_of_supply(levels, movements, days)
    rows = []
    for level in levels:
        sku = level.item.sku
        cover = supply.get(sku, math.inf)
        rows.append(
            [
                sku,
                f"{turnover_ratio(level, movements, days):.1f}",
                "∞" if math.isinf(cover) else f"{cover:.0f}",
                f"{sell_through_rate(movements, sku):.0%}",
            ]
        )
    return render_table(["sku", "turns/yr", "days of supply", "sell-through"], rows)


@report("margin")
def margin_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """Gross margin per item over the window, with a bar chart of the margins."""
    rows = margin_report(levels, movements)
    if not rows:
        return "no sales in the window"
    table = render_table(
        ["sku", "units", "revenue", "margin", "ratio"],
        [[r.sku, str(r.units), money(r.revenue), money(r.margin), f"{r.margin_ratio:.0%}"] for r in rows],
    )
    chart = bar_chart([(r.sku, r.margin / 100) for r in rows])
    return f"{table}\n\nblended margin: {blended_margin(rows):.1%}\n\n{chart}"


@report("forecast")
def forecast_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """Daily demand sparkline and a 14-day Holt forecast per item."""
    if not movements:
        return "no history to forecast from"
    last_day = max(movement.day for movement in movements)
    period = Period(last_day - timedelta(days=days - 1), last_day + timedelta(days=1))
    rows = []
    for level in levels:
        series = daily_sales(movements, level.item.sku, period)
        forecast = holt_forecast(series, 14)
        slope, _ = linear_trend(series)
        rows.append([level.item.sku, sparkline(series), f"{sum(forecast):.0f}", f"{slope:+.2f}/day"])
    return render_table(["sku", f"last {days} days", "next 14 days", "trend"], rows, numeric={2})


@report("audit")
def audit_text(levels: Sequence[StockLevel], movements: Sequence[Movement], days: int) -> str:
    """Movement counts by kind, shrinkage and stock age."""
    summary = movement_summary(movements)
    kinds = [[kind.value, str(count), str(units)] for kind, (count, units) in sorted(summary.items(), key=lambda p: p[0].value)]
    lost = shrinkage(levels, movements)
    ages = aging_buckets(levels, movements, datetime.now(timezone.utc))
    parts = [
        render_table(["kind", "movements", "net units"], kinds) if kinds else "no movements in the window",
        "shrinkage: " + (", ".join(f"{sku} {money(value)}" for sku, value in sorted(lost.items())) or "none"),
        "stock age (days): " + ", ".join(f"{label}: {units}" for label, units in ages.items()),
    ]
    return "\n\n".join(parts)


@dataclass
class ReportBundle:
    """Several rendered reports, keyed by name, in the order they were requested."""

    sections: dict[str, str] = field(default_factory=dict)

    def as_markdown(self, title: str = "Inventory reports") -> str:
        """All sections as one Markdown document with a heading per report."""
        parts = [f"# {title}"]
        for name, text in self.sections.items():
            parts.append(f"## {name}\n\n```text\n{text}\n```")
        return "\n\n".join(parts) + "\n"


async def build_bundle(
    names: Sequence[str], levels: Sequence[StockLevel], movements: Sequence[Movement], days: int = 30
) -> ReportBundle:
    """Render several reports concurrently in worker threads and collect them in request order."""
    tasks = [asyncio.to_thread(run_report, name, levels, movements, days) for name in names]
    texts = await asyncio.gather(*tasks)
    return ReportBundle(dict(zip(names, texts)))
